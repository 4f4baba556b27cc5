const amqp = require('amqplib');

async function channel() {
  const conn = await amqp.connect(process.env.AMQP_URL || 'amqp://localhost');
  return conn.createChannel();
}

module.exports = { channel };
