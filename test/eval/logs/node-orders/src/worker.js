'use strict';

const pino = require('pino');

const destination = process.env.WORKER_LOG_FILE
  ? pino.destination({ dest: process.env.WORKER_LOG_FILE, sync: false })
  : pino.destination(1);
const log = pino({ level: 'info' }, destination);

const audit = pino(pino.destination('./logs/audit.log'));

async function run() {
  log.info('worker started');
  audit.info({ event: 'start' });
}

run();
