import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultEngine, languageOf } from '../../server/src/core';
import { checkRule, checkRuleAlone } from './helpers/rules';
import { commandSites } from '../../server/src/core/logs/redirects';
import { isLogLikePath } from '../../server/src/core/logs/paths';

const ID = 'logs/log-to-file';

/** This rule alone, for timing. */
const checkAlone = (path: string, text: string) => checkRuleAlone(ID, path, text);
const check = (path: string, text: string) => checkRule(ID, path, text);

describe(ID, () => {
  it('reports the library in the message and a range on the construct', () => {
    const [f] = check('src/log.py', 'import logging\nh = logging.FileHandler("app.log")\n');
    assert.equal(f.range.start.line, 1);
    assert.equal(f.range.start.character, 4);
    assert.match(f.message, /FileHandler/);
    assert.equal(f.severity, 'warning');
    assert.equal(f.factor, 11);
  });

  it('stays quiet in test code and development-only config, but not in production config', () => {
    const py = 'import logging\nh = logging.FileHandler("app.log")\n';
    assert.equal(check('tests/test_logging.py', py).length, 0);
    assert.equal(check('app/logging_test.py', py).length, 0);
    assert.equal(check('settings/dev.py', py).length, 0);
    assert.equal(check('settings/production.py', py).length, 1);
    const rb = 'config.logger = Logger.new("log/x.log")\n';
    assert.equal(check('config/environments/development.rb', rb).length, 0);
    assert.equal(check('config/environments/production.rb', rb).length, 1);
  });

  it('reads only the nearest folders of absolute paths, so a checkout under /home/me/test/ is not test code', () => {
    const js = "new winston.transports.File({ filename: 'a.log' })";
    assert.equal(check('/home/me/test/work/acme/src/lib/log.js', js).length, 1);
    assert.equal(check('/home/me/acme/src/__tests__/log.js', js).length, 0);
  });

  it('respects inline ignores', () => {
    const js = "new winston.transports.File({ filename: 'a.log' }) // twelve-factor-ignore logs/log-to-file\n";
    assert.equal(check('log.js', js).length, 0);
  });

  it('tells log files from other files', () => {
    for (const p of ['app.log', 'logs/app.json', '/var/log/x/y.txt', 'access.log.1', 'nohup.out', 'error-log.txt']) assert.ok(isLogLikePath(p), p);
    for (const p of ['report.csv', 'catalog.json', 'blog/post.md', 'dialog.txt', 'backup.sql']) assert.ok(!isLogLikePath(p), p);
  });

  it('reads shell commands: redirects of stderr or into log files, tee, log-file flags', () => {
    const got = (c: string) => commandSites(c, 0).map((s) => c.slice(s.start, s.end));
    assert.deepEqual(got('node a.js >> logs/a.log 2>&1'), ['>> logs/a.log']);
    assert.deepEqual(got('node a.js 2> err.txt'), ['2> err.txt']);
    assert.deepEqual(got('node a.js > out.json'), []);
    assert.deepEqual(got('node a.js 2>&1 | tee -a run.log'), ['| tee -a run.log']);
    assert.deepEqual(got('gunicorn app --access-logfile - --error-logfile /var/log/e.log'), ['--error-logfile /var/log/e.log']);
    assert.deepEqual(got('celery worker --logfile=-'), []);
    assert.deepEqual(got('node a.js > /dev/null 2>/dev/stderr'), []);
  });

  it('stays linear on a 1 MB single-line input', () => {
    const big = `${'logging.FileHandler(transports.File(createWriteStream(>>tee|'.repeat(20_000)}${'a'.repeat(1_000_000)}`;
    for (const path of ['x.py', 'x.js', 'x.go', 'Procfile', 'x.xml', 'x.yml', 'x.properties', 'x.rb', 'x.php', 'x.cs']) {
      const t0 = Date.now();
      checkAlone(path, big);
      assert.ok(Date.now() - t0 < 10_000, `${path} took ${Date.now() - t0} ms`);
    }
  });

  it('does not run on files without any of its keywords', () => {
    const engine = defaultEngine();
    const file = { path: 'src/math.js', text: 'export const add = (a, b) => a + b;\n', language: languageOf('src/math.js') };
    assert.ok(!engine.candidateRules(file).some((r) => r.meta.id === ID));
  });
});
