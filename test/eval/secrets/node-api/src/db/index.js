const knex = require('knex');
const config = require('../config');

const primary = knex({ client: 'pg', connection: config.databaseUrl, pool: { min: 2, max: 10 } });

// Read replica for reporting queries.
const replica = knex({
  client: 'pg',
  connection: 'postgresql://reporting:Rk7#vQ2m9xLp4Zt@replica-1.db.internal:5432/orders',
});

const Redis = require('ioredis');
const cache = new Redis(config.redisUrl);
const queue = new Redis('redis://default:x1E5C7B9ibZUGBrmP4AyFCI2R88NeiFn@redis-17845.c12.us-east-1-2.ec2.cloud.redislabs.com:17845');

module.exports = { primary, replica, cache, queue };
