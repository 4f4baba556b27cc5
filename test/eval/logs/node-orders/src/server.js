'use strict';

const fs = require('fs');
const path = require('path');
const express = require('express');
const morgan = require('morgan');
const { logger } = require('./lib/logger');
const orders = require('./routes/orders');

const app = express();

// Access log: combined format, appended to a file next to the app.
const accessLog = fs.createWriteStream(path.join(__dirname, '..', 'access.log'), { flags: 'a' });
app.use(morgan('combined', { stream: accessLog }));
app.use(morgan('dev'));
app.use(express.json());
app.use('/orders', orders);

app.use((err, req, res, next) => {
  logger.error('unhandled error', { err });
  res.status(500).json({ error: 'internal' });
});

app.listen(process.env.PORT || 3000, () => logger.info('orders-api up'));
