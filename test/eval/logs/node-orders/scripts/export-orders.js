'use strict';

const fs = require('fs');

const out = fs.createWriteStream(process.argv[2] || 'orders.csv');
out.write('id,total\n');
fs.appendFileSync('export-history.txt', `${new Date().toISOString()}\n`);
out.end();
