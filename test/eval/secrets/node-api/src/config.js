'use strict';

// Central configuration. Everything environment-specific comes from process.env;
// defaults below are for local development only.
const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
};

module.exports = {
  port: Number(process.env.PORT || 3000),
  databaseUrl: process.env.DATABASE_URL || 'postgres://localhost:5432/orders_dev',
  redisUrl: process.env.REDIS_URL || 'redis://localhost:6379/0',
  jwt: {
    secret: required('JWT_SECRET'),
    expiresIn: '15m',
    refreshTokenTtl: 60 * 60 * 24 * 30,
    algorithm: 'HS256',
  },
  stripe: {
    secretKey: process.env.STRIPE_SECRET_KEY,
    publishableKey: 'pk_live_51NcQ2bKx8Yq4ZrTm0pW3vHs7LdE9fGjUaBcXyZ1a2b3c4d5e6f7g8h9i0jKlMnOpQrStUvWxYz00aBcDeFgH',
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
    apiVersion: '2023-10-16',
  },
  github: {
    appId: 348121,
    token: process.env.GITHUB_TOKEN,
    tokenHeader: 'Authorization',
  },
  password: {
    minLength: 12,
    maxLength: 128,
    bcryptRounds: 12,
    resetTokenBytes: 32,
  },
  sessionCookieName: 'orders.sid',
};
