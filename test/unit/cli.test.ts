/**
 * The built CLI (`node dist/cli.js`, run `npm run build` first): formats, exit codes, usage and config errors,
 * the project config's effect, walking rules. Git-based options are in cli-git.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { cli, fakeSecret, findingsOf, project, ROOT } from '../cli/helpers';

const SECRET = fakeSecret(11);
const APP = [`const apiKey = '${SECRET}';`, 'const db = process.env.DATABASE_URL;', ''].join('\n');

describe('cli: formats and exit codes', () => {
  const p = project({ 'src/app.js': APP, 'src/clean.js': 'module.exports = 1;\n' });
  after(p.cleanup);

  it('text: grouped by file, masked message, rule id and docs link, summary; exit 1 on an error', () => {
    const r = cli(p.dir, ['check']);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'src/app.js');
    assert.match(lines[1], /^ {2}1:17 +error +.*config\/hardcoded-secret$/);
    assert.match(lines[2], /^ {2}2:\d+ +warning +DATABASE_URL .*config\/env-missing-from-example$/);
    assert.match(r.stdout, /config\/hardcoded-secret {2}https:\/\/\S+#confighardcoded-secret/);
    assert.match(r.stdout, /1 error, 1 warning in 2 files checked\./);
    assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), 'the secret is never printed whole');
  });

  it('json: exactly {version, findings[{ruleId, factor, severity, file, line, column, endLine, endColumn, message}]}', () => {
    const r = cli(p.dir, ['check', '--format', 'json']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['version', 'findings']);
    assert.equal(out.version, 1);
    assert.equal(out.findings.length, 2);
    for (const f of out.findings) {
      assert.deepEqual(Object.keys(f), ['ruleId', 'factor', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message']);
    }
    assert.deepEqual(
      out.findings.map((f: { ruleId: string; factor: number; file: string; line: number }) => [f.ruleId, f.factor, f.file, f.line]),
      [['config/hardcoded-secret', 3, 'src/app.js', 1], ['config/env-missing-from-example', 3, 'src/app.js', 2]],
    );
    assert.ok(!r.stdout.includes(SECRET));
  });

  it('--fail-on decides the exit code', () => {
    assert.equal(cli(p.dir, ['check', '--fail-on', 'never']).code, 0);
    assert.equal(cli(p.dir, ['check', 'src/clean.js']).code, 0);
    const warnOnly = project({ 'a.js': 'const db = process.env.DATABASE_URL;\n' });
    try {
      assert.equal(cli(warnOnly.dir, ['check']).code, 0);
      assert.equal(cli(warnOnly.dir, ['check', '--fail-on', 'warning']).code, 1);
    } finally {
      warnOnly.cleanup();
    }
  });

  it('--quiet prints nothing for a clean text run; --no-color and NO_COLOR give plain text', () => {
    const r = cli(p.dir, ['check', 'src/clean.js', '--quiet']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.ok(!cli(p.dir, ['check', '--no-color']).stdout.includes('\u001b['));
  });

  it('bad usage: exit 2 with a one-line reason on stderr', () => {
    for (const [args, reason] of [
      [['check', '--format', 'xml'], /--format must be text, json or sarif/],
      [['check', '--fail-on', 'sometimes'], /--fail-on must be/],
      [['check', '--jobs', '0'], /--jobs must be a whole number/],
      [['check', '--changed=--output=x'], /not a valid git ref/],
      [['check', '--changed=a;rm'], /not a valid git ref/],
      [['check', '--diff-lines'], /--diff-lines needs --changed or --staged/],
      [['check', '--staged', '--changed'], /cannot be combined/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ] as [string[], RegExp][]) {
      const r = cli(p.dir, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr.split('\n')[0], reason);
      assert.equal(r.stdout, '');
    }
  });
});

describe('cli: env example files found through the walk', () => {
  it('each file gets the nearest env example at or above its folder, with one and two workers', () => {
    const p = project({
      'package.json': '{"name":"x"}\n',
      'app/.env.example': 'FOO=\n',
      'app/src/index.js': 'const a = process.env.FOO;\nconst b = process.env.BAR;\n',
      'app/src/deep/more.js': 'const c = process.env.FOO;\n',
      'lib/x.js': 'const d = process.env.FOO;\n',
    });
    try {
      for (const jobs of ['1', '2']) {
        const found = findingsOf(cli(p.dir, ['check', '--format', 'json', '--jobs', jobs])).map((f) => `${f.file}: ${f.message}`);
        assert.deepEqual(found.sort(), [
          'app/src/index.js: BAR is read here but not declared in .env.example.',
          'lib/x.js: FOO is read here but not declared in an env example file (none found).',
        ]);
      }
    } finally {
      p.cleanup();
    }
  });
});

describe('cli: SARIF 2.1.0', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const p = project({ 'src/app.js': APP });
  after(p.cleanup);

  it('validates against the official schema, with rule metadata and levels', () => {
    const r = cli(p.dir, ['check', '--format', 'sarif']);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout) as { runs: any[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const run = log.runs[0];
    const secretRule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'config/hardcoded-secret');
    assert.match(secretRule.helpUri, /#confighardcoded-secret$/);
    assert.ok(secretRule.shortDescription.text && secretRule.fullDescription.text);
    assert.equal(secretRule.defaultConfiguration.level, 'error');
    const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'config/hardcoded-secret');
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, 'config/hardcoded-secret');
    assert.equal(res.level, 'error');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'src/app.js');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 1, startColumn: 17, endLine: 1, endColumn: 57 });
    assert.match(res.partialFingerprints['twelveFactor/v1'], /^[0-9a-f]{32}$/);
    assert.ok(!r.stdout.includes(SECRET));
  });

  it('the schema check is real: a broken log fails it', () => {
    const log = JSON.parse(cli(p.dir, ['check', '--format', 'sarif']).stdout);
    log.runs[0].results[0].level = 'fatal';
    assert.equal(validate(log), false);
  });

  it('partial fingerprints survive moving the finding to another line, and differ per file', () => {
    const print = (dir: string) =>
      JSON.parse(cli(dir, ['check', '--format', 'sarif']).stdout).runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'config/hardcoded-secret')
        .partialFingerprints['twelveFactor/v1'];
    const before = print(p.dir);
    const moved = project({ 'src/app.js': '// a new first line\n\n\n  ' + APP });
    const other = project({ 'src/other.js': APP });
    try {
      assert.equal(print(moved.dir), before);
      assert.notEqual(print(other.dir), before);
    } finally {
      moved.cleanup();
      other.cleanup();
    }
  });
});

describe('cli: project config', () => {
  it('a bad config: exit 2 listing every problem with its line', () => {
    const p = project({
      'app.js': APP,
      '.twelve-factor.yml': ['rules:', '  config/hardcoded-secret: loud', '  config/no-such-rule: off', 'ignores:', '  - dist/', ''].join('\n'),
    });
    try {
      const r = cli(p.dir, ['check']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^twelve-factor: invalid config \(\d+ problems?\):/);
      assert.match(r.stderr, /\.twelve-factor\.yml:4:1: unknown key "ignores"/);
      assert.match(r.stderr, /\.twelve-factor\.yml:2:\d+: rules\.config\/hardcoded-secret must be one of error, warning, info, hint, off/);
      assert.equal(r.stdout, '');
    } finally {
      p.cleanup();
    }
  });

  it('rules, ignore, allow and platformVariables change what is reported', () => {
    const p = project({
      'src/app.js': APP + 'const region = process.env.FLY_REGION;\n',
      'generated/out.js': APP,
      '.twelve-factor.yml': [
        'rules:',
        '  config/env-missing-from-example: "off"',
        'ignore:',
        '  - generated/',
        'platformVariables: [FLY_REGION]',
        '',
      ].join('\n'),
    });
    try {
      let f = findingsOf(cli(p.dir, ['check', '--format', 'json']));
      assert.deepEqual(f.map((x) => `${x.file}:${x.line} ${x.ruleId}`), ['src/app.js:1 config/hardcoded-secret']);
      p.write('.twelve-factor.yml', `rules:\n  config/hardcoded-secret: warning\nallow:\n  config/env-missing-from-example: [/^(DATABASE|FLY)_/]\n`);
      f = findingsOf(cli(p.dir, ['check', '--format', 'json']));
      assert.deepEqual(f.map((x) => `${x.file}:${x.severity} ${x.ruleId}`).sort(), ['generated/out.js:warning config/hardcoded-secret', 'src/app.js:warning config/hardcoded-secret']);
      p.write('.twelve-factor.yml', `allow:\n  config/hardcoded-secret: ["${SECRET}"]\n`);
      f = findingsOf(cli(p.dir, ['check', '--format', 'json']));
      assert.ok(f.every((x) => x.ruleId !== 'config/hardcoded-secret'));
    } finally {
      p.cleanup();
    }
  });

  it('--print-accepted entries pasted into accepted: silence exactly those findings, even after they move', () => {
    const p = project({ 'src/app.js': APP });
    try {
      const printed = cli(p.dir, ['check', '--print-accepted']);
      assert.match(printed.stdout, /^accepted:\n {2}- rule: config\/hardcoded-secret\n {4}fingerprint: [0-9a-f]{32}\n {4}path: src\/app\.js\n/);
      assert.ok(!printed.stdout.includes(SECRET));
      p.write('.twelve-factor.yml', printed.stdout.replace(/ {2}- rule: config\/env-missing[\s\S]*$/, ''));
      p.write('src/app.js', '\n\n' + APP);
      const f = findingsOf(cli(p.dir, ['check', '--format', 'json']));
      assert.deepEqual(f.map((x) => x.ruleId), ['config/env-missing-from-example']);
      // The same value in another file is a different finding.
      p.write('src/copy.js', APP);
      assert.ok(findingsOf(cli(p.dir, ['check', '--format', 'json'])).some((x) => x.file === 'src/copy.js' && x.ruleId === 'config/hardcoded-secret'));
    } finally {
      p.cleanup();
    }
  });

  it('--config FILE replaces the nearest config', () => {
    const p = project({ 'app.js': APP, 'ci.yml': 'rules:\n  config/hardcoded-secret: "off"\n', '.twelve-factor.yml': 'rules: {}\n' });
    try {
      assert.ok(findingsOf(cli(p.dir, ['check', '--format', 'json'])).some((x) => x.ruleId === 'config/hardcoded-secret'));
      assert.ok(!findingsOf(cli(p.dir, ['check', '--format', 'json', '--config', 'ci.yml'])).some((x) => x.ruleId === 'config/hardcoded-secret'));
      const missing = cli(p.dir, ['check', '--config', 'nope.yml']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nope\.yml: cannot read the config: no such file/);
    } finally {
      p.cleanup();
    }
  });
});

describe('cli: checklist', () => {
  it('text, json and markdown; exit 1 when a factor fails; bad format is exit 2', () => {
    const p = project({ 'app.js': APP, 'package.json': '{"name":"demo","dependencies":{}}\n' });
    try {
      const text = cli(p.dir, ['checklist']);
      assert.equal(text.code, 1, text.stderr);
      assert.match(text.stdout, /^Twelve-Factor checklist: /);
      assert.match(text.stdout, /III\. Config/);
      const json = JSON.parse(cli(p.dir, ['checklist', '--format', 'json']).stdout);
      assert.equal(json.factors.length, 12);
      const config = json.factors.find((f: { number: number }) => f.number === 3);
      assert.equal(config.status, 'fail');
      const md = cli(p.dir, ['checklist', '.', '--format', 'markdown']);
      assert.match(md.stdout, /^## Twelve-Factor checklist\n/);
      assert.match(md.stdout, /- \[ \] \*\*III\. Config\*\*/);
      for (const out of [text.stdout, md.stdout, JSON.stringify(json)]) assert.ok(!out.includes(SECRET));
      assert.equal(cli(p.dir, ['checklist', '--format', 'sarif']).code, 2);
    } finally {
      p.cleanup();
    }
  });
});
