import { createClient } from 'redis';

const env = process.env;
export const cache = createClient({ url: env.REDIS_URL });
export const ttlSeconds = Number(env.CACHE_TTL_SECONDS ?? 300);
