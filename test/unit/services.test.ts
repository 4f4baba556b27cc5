import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRule, checkRuleAlone } from './helpers/rules';
import { isEnvFallback } from '../../server/src/core/services/env-fallback';
import { maskCredentials } from '../../server/src/core/services/locations';
import { isDeploymentManifest, isDevOrTestPath, isTestPath } from '../../server/src/core/services/paths';

const ID = 'backing-services/hardcoded-url';

/** This rule alone, for timing. */
const checkAlone = (path: string, text: string) => checkRuleAlone(ID, path, text);
const check = (path: string, text: string) => checkRule(ID, path, text);

describe(ID, () => {
  it('never prints the password of a URL or connection string', () => {
    const pw = 'Zq7vK2pLx9Tt';
    for (const text of [
      `const u = "postgres://app:${pw}@db.internal:5432/orders";`,
      `const c = "Server=sql.internal;Database=Shop;User Id=shop;Password=${pw};";`,
      `db = connect("host=db.internal port=5432 dbname=shop password=${pw}")`,
    ]) {
      const path = text.startsWith('db') ? 'app/db.py' : 'src/db.js';
      const [f] = check(path, text);
      assert.ok(f, text.slice(0, 20));
      assert.ok(!f.message.includes(pw), f.message);
      assert.ok(!JSON.stringify(f.data).includes(pw));
    }
    assert.equal(maskCredentials('redis://:Wc5nT8zQ1r@redis.internal:6379'), 'redis://:Wc…@redis.internal:6379');
  });

  it('suggests the conventional variable name for each kind of service', () => {
    const cases: [string, string][] = [
      ['postgresql://db.internal/app', 'DATABASE_URL'],
      ['jdbc:mysql://mysql.internal:3306/shop', 'DATABASE_URL'],
      ['mongodb+srv://cluster0.mongodb.net/shop', 'MONGODB_URI'],
      ['rediss://cache.internal:6380', 'REDIS_URL'],
      ['amqps://mq.internal', 'AMQP_URL'],
      ['kafka-0.internal:9092', 'KAFKA_BROKERS'],
      ['http://search.internal:9200', 'ELASTICSEARCH_URL'],
      ['smtp://relay.internal:587', 'SMTP_URL'],
      ['memcached.internal:11211', 'MEMCACHED_SERVERS'],
      ['nats://nats.internal:4222', 'NATS_URL'],
    ];
    for (const [url, name] of cases) {
      const [f] = check('src/config.js', `module.exports = { url: '${url}' };`);
      assert.equal(f?.data?.suggestedName, name, url);
    }
  });

  it('treats env lookups with literal defaults as configuration, in many languages', () => {
    const fallbacks = [
      'const u = process.env.DATABASE_URL || "postgres://localhost/dev";',
      'u = os.getenv("REDIS_URL", "redis://localhost")',
      'u = ENV.fetch("DATABASE_URL") { "postgres://localhost/dev" }',
      'spring.datasource.url=${DB_URL:jdbc:postgresql://localhost/app}',
      'u := cmp.Or(os.Getenv("DATABASE_URL"), "postgres://localhost/dev")',
      "'host' => env('DB_HOST', 'db.internal'),",
      'var c = Environment.GetEnvironmentVariable("DB") ?? "Host=db;Database=x";',
    ];
    for (const t of fallbacks) assert.ok(isEnvFallback(t, t.search(/postgres|redis|jdbc|db\.internal|Host=/)), t);
    assert.ok(!isEnvFallback('const u = "postgres://db.internal/app";', 11));
  });

  it('classifies paths: test code, dev config, deployment manifests', () => {
    assert.ok(isTestPath('src/__tests__/db.js') && isTestPath('pkg/db_test.go') && isTestPath('tests/test_db.py') && isTestPath('src/test/java/acme/DbTest.java'));
    assert.ok(!isTestPath('src/latest/db.js') && !isTestPath('src/contest.py'));
    assert.ok(isDevOrTestPath('config/environments/development.rb') && isDevOrTestPath('settings/dev.py') && isDevOrTestPath('src/main/resources/application-local.yml'));
    assert.ok(!isDevOrTestPath('config/environments/production.rb') && !isDevOrTestPath('src/main/resources/application.yml'));
    assert.ok(isDeploymentManifest('docker-compose.prod.yml', '') && isDeploymentManifest('compose.yaml', '') && isDeploymentManifest('charts/api/values.yaml', ''));
    assert.ok(isDeploymentManifest('ops/app.yaml', 'apiVersion: v1\nkind: ConfigMap\n'));
    assert.ok(!isDeploymentManifest('config/settings.yaml', 'db:\n  url: x\n'));
  });

  it('skips the development and test sections of database.yml and Spring dev profiles', () => {
    const yml = 'development:\n  url: postgres://db.internal/dev\nproduction:\n  url: postgres://db.internal/prod\n';
    assert.deepEqual(check('config/database.yml', yml).map((f) => f.range.start.line), [3]);
    const spring = 'spring:\n  datasource:\n    url: jdbc:postgresql://pg.internal/app\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\n  datasource:\n    url: jdbc:postgresql://pg.internal/dev\n';
    assert.deepEqual(check('src/main/resources/application.yml', spring).map((f) => f.range.start.line), [2]);
  });

  it('stays linear on a 1 MB single-line input', () => {
    const big = `${'postgres://a@b host=x dbname=y Server=a;Database=b x:6379 jdbc:mysql://q "host": "db" '.repeat(10_000)}${'a'.repeat(1_000_000)}`;
    for (const path of ['x.js', 'x.py', 'x.yml', 'x.properties', 'x.json', 'x.cs']) {
      const t0 = Date.now();
      checkAlone(path, big);
      assert.ok(Date.now() - t0 < 10_000, `${path} took ${Date.now() - t0} ms`);
    }
  });
});
