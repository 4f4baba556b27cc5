'use strict';

const path = require('path');
const winston = require('winston');
require('winston-daily-rotate-file');

const LOG_DIR = process.env.LOG_DIR || path.join(__dirname, '..', '..', 'logs');
const level = process.env.LOG_LEVEL || 'info';

const jsonFormat = winston.format.combine(
  winston.format.timestamp(),
  winston.format.errors({ stack: true }),
  winston.format.json(),
);

const transports = [new winston.transports.Console({ format: jsonFormat })];

if (process.env.NODE_ENV === 'production') {
  transports.push(
    new winston.transports.File({
      filename: path.join(LOG_DIR, 'error.log'),
      level: 'error',
    }),
  );
  transports.push(
    new winston.transports.DailyRotateFile({
      dirname: LOG_DIR,
      filename: 'orders-%DATE%.log',
      datePattern: 'YYYY-MM-DD',
      maxFiles: '14d',
    }),
  );
}

const logger = winston.createLogger({ level, format: jsonFormat, transports });

/** Child logger for a request, carrying its id. */
function forRequest(req) {
  return logger.child({ requestId: req.id });
}

module.exports = { logger, forRequest };
