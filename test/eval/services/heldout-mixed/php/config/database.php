<?php

return [
    'default' => env('DB_CONNECTION', 'mysql'),
    'connections' => [
        'mysql' => [
            'driver' => 'mysql',
            'host' => env('DB_HOST', '127.0.0.1'),
            'port' => env('DB_PORT', '3306'),
        ],
        'reporting' => [
            'driver' => 'pgsql',
            'host' => 'reporting-db.internal',
            'port' => '5432',
        ],
    ],
    'redis' => [
        'default' => ['url' => env('REDIS_URL'), 'host' => env('REDIS_HOST', '127.0.0.1')],
    ],
];
