'use strict';

// Housekeeping for old deployments that still wrote log files: delete anything older than a week.
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, '..', 'logs');
for (const name of fs.readdirSync(dir)) {
  if (!name.endsWith('.log')) continue;
  const p = path.join(dir, name);
  if (Date.now() - fs.statSync(p).mtimeMs > 7 * 864e5) fs.unlinkSync(p);
}
