<?php
require __DIR__ . '/../vendor/autoload.php';

ini_set('log_errors', '1');
ini_set('error_log', __DIR__ . '/../var/php-errors.log');
error_log('bootstrap complete');

$app = require __DIR__ . '/../bootstrap/app.php';
$app->run();
