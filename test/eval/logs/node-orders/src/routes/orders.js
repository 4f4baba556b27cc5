'use strict';

const fs = require('fs');
const path = require('path');
const express = require('express');
const { forRequest } = require('../lib/logger');

const router = express.Router();
const UPLOAD_DIR = process.env.UPLOAD_DIR || '/tmp/uploads';

router.post('/:id/attachments', (req, res) => {
  const log = forRequest(req);
  const target = path.join(UPLOAD_DIR, `${req.params.id}-${Date.now()}.bin`);
  const out = fs.createWriteStream(target);
  req.pipe(out);
  out.on('finish', () => {
    log.info('attachment stored', { target });
    res.status(201).end();
  });
});

router.get('/export', (req, res) => {
  const file = fs.createWriteStream('/tmp/orders-export.csv');
  file.write('id,total\n');
  file.end();
  res.json({ ok: true });
});

module.exports = router;
