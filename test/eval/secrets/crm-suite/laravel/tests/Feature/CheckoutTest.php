<?php

namespace Tests\Feature;

class CheckoutTest extends TestCase
{
    public function test_checkout(): void
    {
        config(['services.stripe.secret' => 'sk_test_51Hx0000000000000000000000']);
        $this->post('/checkout', ['token' => 'tok_visa'])->assertOk();
    }
}
