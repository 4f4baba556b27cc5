<?php

namespace Tests\Feature;

use Tests\TestCase;

class PaymentTest extends TestCase
{
    private string $apiKey = 'sk_test_dummy';
    private string $password = 'password';

    public function test_checkout(): void
    {
        $this->withHeader('Authorization', 'Bearer test-token')->post('/checkout', ['password' => $this->password])->assertOk();
    }
}
