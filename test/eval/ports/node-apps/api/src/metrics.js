const http = require('http');
const client = require('prom-client');

const METRICS_PORT = 9464;

http
  .createServer(async (req, res) => {
    res.end(await client.register.metrics());
  })
  .listen(METRICS_PORT);
