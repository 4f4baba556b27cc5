import express from 'express';
import { http } from './lib/log.mjs';

const app = express();
app.use((req, res, next) => {
  http.write(`${req.method} ${req.url}\n`);
  next();
});
app.listen(process.env.PORT ?? 8080);
