/** The kinds of backing service the rule knows, with the variable name a twelve-factor app conventionally reads. */
export interface ServiceKind {
  label: string;
  suggestedName: string;
}

const K = (label: string, suggestedName: string): ServiceKind => ({ label, suggestedName });

export const DATABASE = K('database', 'DATABASE_URL');
export const MONGODB = K('MongoDB database', 'MONGODB_URI');
export const REDIS = K('Redis', 'REDIS_URL');
export const AMQP = K('message broker', 'AMQP_URL');
export const KAFKA = K('Kafka cluster', 'KAFKA_BROKERS');
export const NATS = K('NATS server', 'NATS_URL');
export const SMTP = K('SMTP relay', 'SMTP_URL');
export const MEMCACHED = K('Memcached', 'MEMCACHED_SERVERS');
export const ELASTICSEARCH = K('search engine', 'ELASTICSEARCH_URL');
export const CASSANDRA = K('Cassandra cluster', 'CASSANDRA_HOSTS');
export const NEO4J = K('Neo4j database', 'NEO4J_URI');
export const ZOOKEEPER = K('ZooKeeper ensemble', 'ZOOKEEPER_HOSTS');
export const SOLR = K('search engine', 'SOLR_URL');
export const INFLUXDB = K('time-series database', 'INFLUXDB_URL');
export const COUCH = K('document database', 'COUCHDB_URL');

/** By URL scheme (lower case, without `+driver` suffixes). */
export const BY_SCHEME: Record<string, ServiceKind> = {
  postgres: DATABASE, postgresql: DATABASE, mysql: DATABASE, mariadb: DATABASE, mssql: DATABASE, sqlserver: DATABASE,
  cockroachdb: DATABASE, clickhouse: DATABASE, oracle: DATABASE,
  mongodb: MONGODB, 'mongodb+srv': MONGODB,
  redis: REDIS, rediss: REDIS,
  amqp: AMQP, amqps: AMQP,
  kafka: KAFKA,
  nats: NATS,
  smtp: SMTP, smtps: SMTP,
  memcache: MEMCACHED, memcached: MEMCACHED,
  elasticsearch: ELASTICSEARCH,
  cassandra: CASSANDRA,
  neo4j: NEO4J, 'neo4j+s': NEO4J, 'neo4j+ssc': NEO4J, bolt: NEO4J,
  couchbase: COUCH, couchbases: COUCH,
};

/** By well-known port, for `host:port` pairs with no scheme and for http URLs of HTTP-speaking services. */
export const BY_PORT: Record<string, ServiceKind> = {
  '5432': DATABASE, '3306': DATABASE, '1433': DATABASE, '1521': DATABASE, '26257': DATABASE,
  '27017': MONGODB,
  '6379': REDIS, '6380': REDIS,
  '5672': AMQP, '5671': AMQP,
  '9092': KAFKA, '9093': KAFKA, '29092': KAFKA,
  '4222': NATS,
  '11211': MEMCACHED,
  '9200': ELASTICSEARCH, '9300': ELASTICSEARCH,
  '9042': CASSANDRA,
  '7687': NEO4J, '7474': NEO4J,
  '2181': ZOOKEEPER,
  '8983': SOLR,
  '8086': INFLUXDB,
  '5984': COUCH,
};

/** Ports that speak HTTP: an `http(s)://host:PORT` URL with one of them is a backing service. */
export const HTTP_SERVICE_PORTS = new Set(['9200', '9243', '7474', '8983', '8086', '5984']);
