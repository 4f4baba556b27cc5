const winston = require('winston');

describe('logger', () => {
  it('writes to a file in tests', () => {
    const l = winston.createLogger({ transports: [new winston.transports.File({ filename: 'test.log' })] });
    l.info('x');
  });
});
