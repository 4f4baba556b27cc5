const { Client } = require('@elastic/elasticsearch');

const ES_FALLBACK = 'http://localhost:9200';

module.exports = new Client({ node: process.env.ES_URL ?? ES_FALLBACK });
