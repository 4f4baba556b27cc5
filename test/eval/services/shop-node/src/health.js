const SCHEMES = ['postgres://', 'redis://', 'amqp://'];

function describe(url) {
  return SCHEMES.find((s) => url.startsWith(s)) ?? 'unknown';
}

module.exports = { describe };
