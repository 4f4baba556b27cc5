// Local development proxy, started by `npm run dev` only.
const { createProxyMiddleware } = require('http-proxy-middleware');
const express = require('express');

const app = express();
app.use('/api', createProxyMiddleware({ target: 'http://localhost:8787' }));
app.listen(process.env.DEV_PROXY_PORT || 5173);
