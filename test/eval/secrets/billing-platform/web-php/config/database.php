<?php

$legacyDsn = 'mysql://billing_ro:hT7$kW2qPz9m@legacy-mysql.internal:3306/billing';

return [
    'default' => env('DB_CONNECTION', 'mysql'),
    'connections' => [
        'mysql' => [
            'driver' => 'mysql',
            'host' => env('DB_HOST', '127.0.0.1'),
            'database' => env('DB_DATABASE', 'billing'),
            'username' => env('DB_USERNAME', 'billing'),
            'password' => env('DB_PASSWORD', ''),
        ],
        'legacy' => ['url' => $legacyDsn],
    ],
];
