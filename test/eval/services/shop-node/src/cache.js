const { createClient } = require('redis');

const client = createClient({ url: 'redis://redis-master.prod.svc.cluster.local:6379' });
client.on('error', (err) => console.error('redis error', err));

module.exports = client;
