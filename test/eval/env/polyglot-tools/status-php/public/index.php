<?php
declare(strict_types=1);

$start = microtime(true);
$env = getenv('APP_ENV') ?: 'production';
$pingUrl = $_ENV['STATUS_PING_URL'] ?? 'https://example.test/health';
$remote = $_SERVER['REMOTE_ADDR'] ?? '-';
$timeout = (int) (getenv('STATUS_TIMEOUT') ?: 5);

header('Content-Type: application/json');
echo json_encode(['env' => $env, 'ping' => $pingUrl, 'from' => $remote, 'timeout' => $timeout]);
