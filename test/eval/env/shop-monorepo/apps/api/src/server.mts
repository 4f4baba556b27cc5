import express from 'express';
import { config } from './config.mjs';
import { payments } from './routes/payments.mjs';
import { logger } from './lib/logger.mjs';

const app = express();
app.use(express.json({ limit: process.env.BODY_LIMIT || '1mb' }));
app.use('/payments', payments);

if (process.env.ENABLE_SWAGGER === 'true') {
  const { serve, setup } = await import('swagger-ui-express');
  app.use('/docs', serve, setup({}));
}

app.listen(config.port, () => logger.info(`api listening on ${config.port}`));
