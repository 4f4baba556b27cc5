/** Factors I–VI of the checklist: each automatic check passing on one project and failing on another. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleById } from '../../server/src/core';
import { computeChecklist } from '../../server/src/core/checklist';
import { checklistOfFiles, checklistOfFixture, fixtureSnapshot, locations, memorySnapshot, resultOf } from './checklist-helpers';

describe('I. Codebase', () => {
  it('passes a git work tree with one app', () => {
    const r = checklistOfFixture('good');
    assert.equal(r.check('codebase/git-repo').status, 'pass');
    assert.equal(r.check('codebase/one-app').status, 'pass');
  });

  it('warns when several apps share the repository, with a finding on each manifest', () => {
    const r = checklistOfFixture('multi-app');
    const c = r.check('codebase/one-app');
    assert.equal(c.status, 'warn');
    assert.deepEqual(locations(c), ['api/requirements.txt:1', 'web/package.json:1']);
    assert.equal(r.factor(1).summary, '2 apps in one repository');
  });

  it('asks for review when the packages are a declared workspace', () => {
    const r = checklistOfFiles({
      'package.json': '{"name":"root","private":true,"workspaces":["packages/*"]}',
      'packages/a/package.json': '{"name":"a"}',
      'packages/b/package.json': '{"name":"b"}',
    });
    const c = r.check('codebase/one-app');
    assert.equal(c.status, 'review');
    assert.match(c.title, /\?$/);
  });

  it('does not count folders git ignores as apps', () => {
    const files = { 'package.json': '{"name":"a"}', '.bench/tool/package.json': '{"name":"bench"}' };
    assert.equal(checklistOfFiles(files, { ignored: ['.bench/tool/package.json'] }).check('codebase/one-app').status, 'pass');
    assert.equal(checklistOfFiles(files, { ignored: [] }).check('codebase/one-app').status, 'warn');
  });

  it('does not count test fixtures, examples or vendored code as apps', () => {
    const r = checklistOfFiles({
      'package.json': '{"name":"a"}',
      'examples/demo/package.json': '{"name":"demo"}',
      'test/fixtures/x/requirements.txt': 'flask\n',
      'node_modules/y/package.json': '{"name":"y"}',
    });
    assert.equal(r.check('codebase/one-app').status, 'pass');
  });
});

describe('II. Dependencies', () => {
  it('passes a manifest with a lock file and pinned versions', () => {
    const r = checklistOfFixture('good');
    assert.equal(r.factor(2).status, 'pass');
    assert.match(r.check('dependencies/lockfile').summary, /package-lock\.json/);
  });

  it('warns on a package.json without a lock file and on *, latest and x versions (not peer dependencies)', () => {
    const r = checklistOfFixture('deps-node');
    assert.equal(r.check('dependencies/lockfile').status, 'warn');
    const pins = r.check('dependencies/pinned-versions');
    assert.equal(pins.status, 'warn');
    assert.deepEqual(locations(pins), ['package.json:6', 'package.json:7', 'package.json:11']);
    assert.match(pins.findings[0].message, /^express is not pinned \("latest"\)/);
    assert.equal(pins.findings[0].column, 5);
  });

  it('warns on requirements lines without a version, and on a requirements file that is not fully pinned', () => {
    const r = checklistOfFixture('deps-python');
    const pins = r.check('dependencies/pinned-versions');
    assert.deepEqual(locations(pins), ['requirements.txt:2']);
    assert.match(pins.findings[0].message, /^flask has no version/);
    assert.equal(r.check('dependencies/lockfile').status, 'warn', 'gunicorn>=22.0 is a range and there is no lock file');
  });

  it('accepts a fully pinned requirements file, a workspace-root lock file, go.sum, Gemfile.lock and Maven', () => {
    const r = checklistOfFiles({
      'api/requirements.txt': 'flask==3.0.3\nrequests==2.32.3 ; python_version > "3.8"\n',
      'api/pyproject.toml': '[project]\ndependencies = ["flask"]\n',
      'web/package.json': '{"dependencies":{"a":"1.0.0"}}',
      'pnpm-lock.yaml': 'lockfileVersion: 9.0\n',
      'pnpm-workspace.yaml': 'packages: ["web"]\n',
      'svc/go.mod': 'module x\n\nrequire github.com/a/b v1.0.0\n',
      'svc/go.sum': '',
      'rb/Gemfile': 'gem "rails"\n',
      'rb/Gemfile.lock': 'GEM\n',
      'java/pom.xml': '<project/>',
    });
    assert.equal(r.check('dependencies/lockfile').status, 'pass', JSON.stringify(r.check('dependencies/lockfile').findings));
    assert.equal(r.check('dependencies/pinned-versions').status, 'pass');
  });

  it('fails code without any manifest, and asks for review when there is no code either', () => {
    assert.equal(checklistOfFiles({ 'app.py': 'print(1)\n' }).check('dependencies/manifest').status, 'fail');
    assert.equal(checklistOfFiles({ 'README.md': '# x\n' }).check('dependencies/manifest').status, 'review');
  });

  it('needs no lock file for a package.json without dependencies', () => {
    const r = checklistOfFiles({ 'package.json': '{"name":"tool","scripts":{"start":"node a.js"}}' });
    assert.equal(r.check('dependencies/lockfile').status, 'pass');
  });
});

describe('III. Config', () => {
  it('fails on a hardcoded secret and warns on an incomplete env example, from the real rule findings', () => {
    const r = checklistOfFixture('config-bad');
    const secrets = r.check('config/no-hardcoded-secrets');
    assert.equal(secrets.status, 'fail');
    assert.deepEqual(locations(secrets), ['config.js:6']);
    assert.equal(secrets.findings[0].ruleId, 'config/hardcoded-secret');
    assert.ok(!secrets.findings[0].message.includes('Zr5vFMLtoyXjpQhuorC9gcWzYFrB'), 'the secret stays masked');
    const complete = r.check('config/env-example-complete');
    assert.equal(complete.status, 'warn');
    assert.deepEqual(locations(complete), ['config.js:2', 'config.js:4']);
    assert.equal(r.factor(3).status, 'fail');
  });

  it('warns when code reads the environment and there is no env example, pointing at the reads', () => {
    const r = checklistOfFixture('no-env-example');
    const c = r.check('config/env-example');
    assert.equal(c.status, 'warn');
    assert.deepEqual(locations(c), ['app.py:3']);
  });

  it('passes without an env example when only platform variables such as PORT are read', () => {
    const r = checklistOfFixture('migrate-at-start');
    assert.equal(r.check('config/env-example').status, 'pass');
  });

  it('fails when a .env file is not ignored by git, passes when it is, asks when unknown', () => {
    const files = { '.env': 'API_KEY=\n', 'app.js': 'console.log(1)\n' };
    const notIgnored = checklistOfFiles(files, { ignored: [] }).check('config/env-file-ignored');
    assert.equal(notIgnored.status, 'fail');
    assert.deepEqual(locations(notIgnored), ['.env:1']);
    assert.equal(checklistOfFiles(files, { ignored: ['.env'] }).check('config/env-file-ignored').status, 'pass');
    assert.equal(checklistOfFiles(files).check('config/env-file-ignored').status, 'review');
    // Without rule findings, only files that always hold real values count (.env.development is often shared).
    const own = (name: string) => resultOf(computeChecklist(memorySnapshot({ [name]: 'A=1\n' }, { ignored: [] }), [])).check('config/env-file-ignored').status;
    assert.deepEqual(['.env', '.env.local', '.env.production', '.env.development', '.env.example'].map(own), ['fail', 'fail', 'fail', 'pass', 'pass']);
  });

  it('uses config/env-file-not-ignored findings without reporting the same file twice', () => {
    const snapshot = memorySnapshot({ '.env': 'A=1\n' }, { ignored: [] });
    const r = resultOf(
      computeChecklist(snapshot, [
        { file: '.env', ruleId: 'config/env-file-not-ignored', factor: 3, severity: 'error', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, message: '.env is not ignored' },
      ]),
    );
    const c = r.check('config/env-file-ignored');
    assert.equal(c.status, 'fail');
    assert.equal(c.findings.length, 1);
    assert.equal(c.findings[0].ruleId, 'config/env-file-not-ignored');
    assert.deepEqual([c.findings[0].line, c.findings[0].column, c.findings[0].endLine, c.findings[0].endColumn], [1, 1, 1, 4]);
  });
});

describe('IV. Backing services', () => {
  const finding = { file: 'server.js', ruleId: 'backing-services/hardcoded-url', factor: 4 as const, severity: 'warning' as const, range: { start: { line: 3, character: 40 }, end: { line: 3, character: 70 } }, message: 'Hardcoded URL' };

  it('warns on backing-services/hardcoded-url findings and passes without them', () => {
    const snapshot = fixtureSnapshot('services-ports');
    const warn = resultOf(computeChecklist(snapshot, [finding])).check('backing-services/no-hardcoded-urls');
    assert.equal(warn.status, 'warn');
    assert.deepEqual([warn.findings[0].line, warn.findings[0].column], [4, 41]);
    assert.equal(resultOf(computeChecklist(snapshot, [])).check('backing-services/no-hardcoded-urls').status, 'pass');
  });

  it('warns on the services-ports fixture with the real rule', (t) => {
    if (!ruleById('backing-services/hardcoded-url')) return t.skip('rule backing-services/hardcoded-url not registered yet');
    const c = checklistOfFixture('services-ports').check('backing-services/no-hardcoded-urls');
    assert.equal(c.status, 'warn');
    assert.ok(locations(c).includes('server.js:4'), locations(c).join(', '));
  });
});

describe('V. Build, release, run', () => {
  it('passes with a Dockerfile and no build steps at start-up', () => {
    const r = checklistOfFixture('good');
    assert.equal(r.check('build-release-run/build-definition').status, 'pass');
    assert.equal(r.check('build-release-run/no-build-at-run-time').status, 'pass');
  });

  it('fails on installs and builds in Dockerfile CMD, Procfile web and the npm start script', () => {
    const c = checklistOfFixture('build-at-runtime').check('build-release-run/no-build-at-run-time');
    assert.equal(c.status, 'fail');
    assert.deepEqual(
      c.findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endColumn} ${f.message.slice(0, f.message.indexOf('`', 1) + 1)}`),
      ['Dockerfile:5:19-30 `npm install`', 'Procfile:1:6-17 `pip install`', 'package.json:6:15-28 `npm run build`'],
    );
  });

  it('warns when nothing defines the build, and accepts a CI workflow', () => {
    assert.equal(checklistOfFiles({ 'index.js': '' }).check('build-release-run/build-definition').status, 'warn');
    assert.equal(checklistOfFiles({ 'index.js': '', '.github/workflows/ci.yml': 'on: push\n' }).check('build-release-run/build-definition').status, 'pass');
  });

  it('leaves the Procfile release phase and build-time RUN instructions alone', () => {
    const r = checklistOfFiles({
      Dockerfile: 'FROM python:3.12\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "app:app"]\n',
      Procfile: 'release: npm run build\nweb: gunicorn app:app\n',
    });
    assert.equal(r.check('build-release-run/no-build-at-run-time').status, 'pass');
  });
});

describe('VI. Processes', () => {
  it('passes express-session with a store', () => {
    assert.equal(checklistOfFixture('good').factor(6).status, 'pass');
  });

  it('warns on express-session without a store, new MemoryStore and Flask filesystem sessions', () => {
    const c = checklistOfFixture('stateful').check('processes/no-in-process-sessions');
    assert.equal(c.status, 'warn');
    assert.deepEqual(locations(c), ['app.js:5', 'cache.js:4', 'settings.py:4']);
  });

  it('warns on Kubernetes session affinity and nginx ip_hash', () => {
    const c = checklistOfFixture('stateful').check('processes/no-sticky-sessions');
    assert.equal(c.status, 'warn');
    assert.deepEqual(locations(c), ['deploy/nginx.conf:2', 'k8s/service.yaml:8']);
  });

  it('warns on Django file sessions and PHP file sessions', () => {
    const r = checklistOfFiles({
      'mysite/settings.py': "SESSION_ENGINE = 'django.contrib.sessions.backends.file'\n",
      'index.php': "<?php\nini_set('session.save_handler', 'files');\n",
      'php.ini': 'session.save_handler = files\n',
    });
    assert.deepEqual(locations(r.check('processes/no-in-process-sessions')), ['index.php:2', 'mysite/settings.py:1', 'php.ini:1']);
  });

  it('accepts express-session options declared elsewhere that set a store', () => {
    const r = checklistOfFiles({
      'app.js': "import session from 'express-session';\nconst opts = { store: redisStore, secret: s };\napp.use(session(opts));\n",
    });
    assert.equal(r.check('processes/no-in-process-sessions').status, 'pass');
  });
});
