<?php

namespace Legacy;

use Monolog\Handler\StreamHandler;
use Monolog\Logger;

class Mailer
{
    private Logger $log;

    public function __construct()
    {
        $this->log = new Logger('mailer');
        $this->log->pushHandler(new StreamHandler(__DIR__ . '/../var/mailer.log', Logger::INFO));
    }

    public function send(string $to, string $body): void
    {
        if (!mail($to, 'Notice', $body)) {
            error_log("mail to {$to} failed", 3, '/var/log/legacy/mail-errors.log');
        }
        file_put_contents('/tmp/last-mail.txt', $body);
    }
}
