<?php

return [
    'name' => env('APP_NAME', 'Billing Portal'),
    'env' => env('APP_ENV', 'production'),
    'key' => env('APP_KEY'),
    'cipher' => 'AES-256-CBC',
    'password_timeout' => 10800,
    'paypal' => [
        'mode' => 'live',
        'client_id' => env('PAYPAL_CLIENT_ID'),
        'client_secret' => '7_gzuViZogqQg8i0X1orcvzDXBOrP53cHMPZS-7d2xeYFMtLQstkNaWYmOjYmHhm8KoJ6toUO-uY13BT',
        'braintree_token' => 'access_token$production$x7k2m9q4r8t1w5y3$0f9e8d7c6b5a49382716f5e4d3c2b1a0',
    ],
    'recaptcha' => [
        'site_key' => '6LcQ2bUpAAAAAJx9Rk3mVq7LpZ2wT8sY4nB6cD1e',
        'secret_key' => env('RECAPTCHA_SECRET'),
    ],
];
