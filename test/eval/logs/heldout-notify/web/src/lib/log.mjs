import fs from 'node:fs';
import log4js from 'log4js';
import winston from 'winston';

const logDir = process.env.LOG_DIR ?? '/var/log/notify-web';

log4js.configure({
  appenders: {
    out: { type: 'stdout' },
    everything: { type: 'file', filename: `${logDir}/all.log`, maxLogSize: 10485760 },
  },
  categories: { default: { appenders: ['out', 'everything'], level: 'info' } },
});

export const events = winston.createLogger({
  transports: [
    new winston.transports.Console(),
    new winston.transports.Stream({ stream: fs.createWriteStream('/var/log/notify-web/events.ndjson') }),
  ],
});

export const http = fs.createWriteStream(`${logDir}/http.log`, { flags: 'a' });

export function saveDraft(id, body) {
  fs.writeFileSync(`/tmp/drafts/${id}.json`, JSON.stringify(body));
}
