import { registerAs } from '@nestjs/config';

export default registerAs('app', () => ({
  port: parseInt(process.env.PORT ?? '3000', 10),
  database: {
    url: process.env.DATABASE_URL,
    ssl: process.env.DATABASE_SSL === 'true',
    poolMax: Number(process.env.DATABASE_POOL_MAX ?? 10),
  },
  auth: {
    publicKey: process.env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n'),
    audience: process.env.JWT_AUDIENCE ?? 'events',
  },
}));
