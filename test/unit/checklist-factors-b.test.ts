/** Factors VII–XII of the checklist: each automatic check passing on one project and failing on another. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleById } from '../../server/src/core';
import { computeChecklist } from '../../server/src/core/checklist';
import { checklistOfFiles, checklistOfFixture, fixtureSnapshot, locations, resultOf } from './checklist-helpers';

describe('VII. Port binding', () => {
  it('passes when the port is read from the environment', () => {
    const c = checklistOfFixture('good').check('port-binding/port-from-env');
    assert.equal(c.status, 'pass');
    assert.match(c.summary, /environment \(server\.js\)/);
  });

  it('warns on port-binding/hardcoded-port findings', () => {
    const snapshot = fixtureSnapshot('services-ports');
    const r = resultOf(
      computeChecklist(snapshot, [
        { file: 'server.js', ruleId: 'port-binding/hardcoded-port', factor: 7, severity: 'warning', range: { start: { line: 6, character: 11 }, end: { line: 6, character: 15 } }, message: 'Port 8080 is hardcoded' },
      ]),
    );
    const c = r.check('port-binding/port-from-env');
    assert.equal(c.status, 'warn');
    assert.deepEqual(locations(c), ['server.js:7']);
    assert.equal(r.factor(7).summary, '1 hardcoded port');
  });

  it('warns on the services-ports fixture with the real rule', (t) => {
    if (!ruleById('port-binding/hardcoded-port')) return t.skip('rule port-binding/hardcoded-port not registered yet');
    const c = checklistOfFixture('services-ports').check('port-binding/port-from-env');
    assert.equal(c.status, 'warn');
    assert.ok(locations(c).includes('server.js:7'), locations(c).join(', '));
  });
});

describe('VIII. Concurrency', () => {
  it('passes with declared process types (Procfile, compose services that are built, Kubernetes workloads)', () => {
    assert.equal(checklistOfFixture('good').check('concurrency/process-types').status, 'pass');
    const k8s = checklistOfFiles({ 'deploy/web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n' });
    assert.equal(k8s.check('concurrency/process-types').summary, 'process types: web');
  });

  it('asks for review when no process types are declared, including compose files with only backing services', () => {
    const r = checklistOfFiles({ 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n  cache:\n    image: bitnami/redis:7.2\n' });
    assert.equal(r.check('concurrency/process-types').status, 'review');
  });

  it('warns on pm2 start, nohup … &, daemonize yes, gunicorn daemon = True and DaemonContext', () => {
    const c = checklistOfFixture('daemon').check('concurrency/no-daemonizing');
    assert.equal(c.status, 'warn');
    assert.deepEqual(locations(c), ['Dockerfile:5', 'start.sh:3', 'gunicorn.conf.py:3', 'redis.conf:2', 'worker.py:11']);
  });

  it('warns on --daemon in a Procfile and daemon: true in YAML config', () => {
    const r = checklistOfFiles({ Procfile: 'web: gunicorn --daemon app:app\n', 'config/supervisor.yml': 'app:\n  daemon: true\n' });
    assert.deepEqual(locations(r.check('concurrency/no-daemonizing')), ['Procfile:1', 'config/supervisor.yml:2']);
  });

  it('does not mistake daemon threads or pm2-runtime for self-daemonising', () => {
    const r = checklistOfFiles({
      'worker.py': 'import threading\nthreading.Thread(target=f, daemon=True).start()\n',
      Dockerfile: 'FROM node:20\nCMD ["pm2-runtime", "server.js"]\n',
    });
    assert.equal(r.check('concurrency/no-daemonizing').status, 'pass');
  });
});

describe('IX. Disposability', () => {
  it('passes when the code handles SIGTERM (Node, Go, Spring)', () => {
    assert.equal(checklistOfFixture('good').check('disposability/graceful-shutdown').status, 'pass');
    const go = checklistOfFiles({ 'main.go': 'package main\n\nfunc main() {\n\tc := make(chan os.Signal, 1)\n\tsignal.Notify(c, syscall.SIGTERM)\n}\n' });
    assert.equal(go.check('disposability/graceful-shutdown').summary, 'SIGTERM handled (main.go:5)');
    assert.equal(checklistOfFixture('parity-spring').check('disposability/graceful-shutdown').status, 'pass');
  });

  it('passes when the app runs under a server that drains on SIGTERM (gunicorn, uvicorn, puma)', () => {
    const r = checklistOfFiles({ Procfile: 'web: gunicorn app:app --bind 0.0.0.0:$PORT\n' });
    assert.equal(r.check('disposability/graceful-shutdown').summary, 'gunicorn drains on SIGTERM, Procfile:1');
  });

  it('asks the reviewer when no SIGTERM handling is found', () => {
    const c = checklistOfFixture('slow-start').check('disposability/graceful-shutdown');
    assert.equal(c.status, 'review');
    assert.equal(c.title, 'Does the app stop accepting work and finish in-flight requests on SIGTERM?');
  });

  it('does not accept signal.Notify for os.Interrupt only', () => {
    const go = checklistOfFiles({ 'main.go': 'package main\n\nfunc main() {\n\tsignal.Notify(c, os.Interrupt)\n}\n' });
    assert.equal(go.check('disposability/graceful-shutdown').status, 'review');
  });

  it('flags waits at start-up for review', () => {
    const c = checklistOfFixture('slow-start').check('disposability/fast-startup');
    assert.equal(c.status, 'review');
    assert.equal(c.title, 'Does start-up take seconds, not minutes?');
    assert.deepEqual(locations(c), ['docker-entrypoint.sh:3', 'docker-entrypoint.sh:4']);
    assert.equal(checklistOfFixture('good').check('disposability/fast-startup').status, 'pass');
  });
});

describe('X. Dev/prod parity', () => {
  it('warns on SQLite in Django dev settings while prod settings use PostgreSQL', () => {
    const c = checklistOfFixture('parity-django').check('dev-prod-parity/same-backing-services');
    assert.equal(c.status, 'warn');
    assert.deepEqual(locations(c), ['mysite/settings/dev.py:5']);
    assert.match(c.findings[0].message, /SQLite .* PostgreSQL \(mysite\/settings\/prod\.py:7\)/);
  });

  it('warns on database.yml development: sqlite3 against production: postgresql, ignoring the test section', () => {
    const c = checklistOfFixture('parity-rails').check('dev-prod-parity/same-backing-services');
    assert.equal(c.status, 'warn');
    assert.deepEqual(locations(c), ['config/database.yml:7']);
  });

  it('warns on H2 in application-dev.yml against PostgreSQL in application-prod.yml', () => {
    const c = checklistOfFixture('parity-spring').check('dev-prod-parity/same-backing-services');
    assert.equal(c.status, 'warn');
    assert.equal(c.summary, 'H2 in development, PostgreSQL in production');
  });

  it('warns on a SQLite DATABASE_URL in .env.example while compose runs PostgreSQL', () => {
    const r = checklistOfFiles({
      '.env.example': 'DATABASE_URL=sqlite:///dev.db\n',
      'docker-compose.yml': 'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n',
    });
    const c = r.check('dev-prod-parity/same-backing-services');
    assert.equal(c.status, 'warn');
    assert.deepEqual(locations(c), ['.env.example:1']);
  });

  it('passes when every environment names the same database, and asks when nothing names one', () => {
    assert.equal(checklistOfFixture('good').check('dev-prod-parity/same-backing-services').status, 'pass');
    assert.equal(checklistOfFixture('deps-node').check('dev-prod-parity/same-backing-services').status, 'review');
  });
});

describe('XI. Logs', () => {
  it('warns on log files reported by logs/log-to-file', () => {
    const r = checklistOfFixture('logs');
    const c = r.check('logs/stdout');
    assert.equal(c.status, 'warn');
    assert.deepEqual(locations(c), ['app.py:4']);
    assert.equal(c.findings[0].ruleId, 'logs/log-to-file');
  });

  it('fails when the rule is configured as an error, and passes without findings', () => {
    const snapshot = fixtureSnapshot('logs');
    const error = resultOf(
      computeChecklist(snapshot, [{ file: 'app.py', ruleId: 'logs/log-to-file', factor: 11, severity: 'error', range: { start: { line: 3, character: 10 }, end: { line: 3, character: 20 } }, message: 'Logs go to a file' }]),
    );
    assert.equal(error.check('logs/stdout').status, 'fail');
    assert.equal(checklistOfFixture('good').check('logs/stdout').status, 'pass');
  });
});

describe('XII. Admin processes', () => {
  it('passes with migrations in the repository and a Procfile release phase', () => {
    const r = checklistOfFixture('good');
    assert.equal(r.check('admin-processes/tasks-in-repo').status, 'pass');
    assert.equal(r.check('admin-processes/one-off').status, 'pass');
  });

  it('warns when migrations run in the web start command', () => {
    const r = checklistOfFixture('migrate-at-start');
    const c = r.check('admin-processes/one-off');
    assert.equal(c.status, 'warn');
    assert.deepEqual(locations(c), ['Dockerfile:5']);
    assert.equal(r.check('admin-processes/tasks-in-repo').status, 'pass', 'prisma/migrations is in the repository');
  });

  it('accepts a Kubernetes Job, and asks for review when nothing is found', () => {
    const job = checklistOfFiles({ 'k8s/migrate.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n', 'manage.py': '' });
    assert.equal(job.check('admin-processes/one-off').status, 'pass');
    assert.equal(job.check('admin-processes/tasks-in-repo').summary, 'admin tasks in manage.py');
    const none = checklistOfFixture('deps-node');
    assert.equal(none.check('admin-processes/one-off').status, 'review');
    assert.equal(none.check('admin-processes/tasks-in-repo').status, 'review');
  });

  it('warns on migrations in an entrypoint script, unless they are behind an opt-in `if`', () => {
    const always = checklistOfFiles({ 'docker-entrypoint.sh': '#!/bin/sh\npython manage.py migrate --noinput\nexec "$@"\n' });
    assert.deepEqual(locations(always.check('admin-processes/one-off')), ['docker-entrypoint.sh:2']);
    const optIn = checklistOfFiles({ 'docker-entrypoint.sh': '#!/bin/sh\nif [ "$RUN_MIGRATIONS" = "1" ]; then\n  python manage.py migrate\nfi\nexec "$@"\n' });
    assert.notEqual(optIn.check('admin-processes/one-off').status, 'warn');
  });

  it('does not count migrations in the Procfile release phase or a worker as web start-up', () => {
    const r = checklistOfFiles({ Procfile: 'release: python manage.py migrate\nweb: gunicorn app:app\n' });
    assert.equal(r.check('admin-processes/one-off').status, 'pass');
  });
});
