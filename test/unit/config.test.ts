/** The project config `.twelve-factor.yml`: schema validation and messages, lookup, and its effect on checks. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import fc from 'fast-check';
import {
  checkOptionsFor,
  relativeTo,
  factsWithConfig,
  isIgnoredByConfig,
  loadProjectConfig,
  parseProjectConfig,
  ProjectConfigCache,
  type LoadedConfig,
} from '../../server/src/config';
import { defaultEngine, fingerprint, PLATFORM_VARIABLES, type ProjectFacts } from '../../server/src/core';
import { sha256Hex } from '../../server/src/core/sha256';
import { fakeSecret, project, ROOT } from '../cli/helpers';

const facts: ProjectFacts = { platformVariables: new Set(PLATFORM_VARIABLES) };
const SECRET = fakeSecret(21);

function loaded(yaml: string, dir = '/proj'): LoadedConfig {
  const { config, errors } = parseProjectConfig(yaml);
  assert.deepEqual(errors, []);
  return { config, errors, dir, path: join(dir, '.twelve-factor.yml') };
}

describe('config: parsing and validation', () => {
  it('reads every key', () => {
    const { config, errors } = parseProjectConfig(
      [
        'rules:',
        '  logs/log-to-file: "off"',
        '  config/hardcoded-secret: warning',
        'ignore: [fixtures/, "*.generated.ts"]',
        'allow:',
        '  config/hardcoded-secret: [not-a-secret, "/^test_[a-z]+$/i"]',
        'envExample: .env.defaults',
        'platformVariables: [FLY_REGION]',
        'accepted:',
        '  - rule: config/hardcoded-secret',
        '    fingerprint: 0123456789abcdef0123456789abcdef',
        '    path: src/app.js',
        '    note: reviewed',
      ].join('\n'),
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(config.rules, { 'logs/log-to-file': 'off', 'config/hardcoded-secret': 'warning' });
    assert.deepEqual(config.ignore, ['fixtures/', '*.generated.ts']);
    assert.equal(config.allow['config/hardcoded-secret'][0], 'not-a-secret');
    assert.ok(config.allow['config/hardcoded-secret'][1] instanceof RegExp);
    assert.equal((config.allow['config/hardcoded-secret'][1] as RegExp).flags, 'i');
    assert.equal(config.envExample, '.env.defaults');
    assert.deepEqual(config.platformVariables, ['FLY_REGION']);
    assert.deepEqual(config.accepted, [{ rule: 'config/hardcoded-secret', fingerprint: '0123456789abcdef0123456789abcdef', path: 'src/app.js', note: 'reviewed' }]);
  });

  it('the example in README.md is a valid config', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const m = /```yaml\n# \.twelve-factor\.yml\n([\s\S]*?)```/.exec(readme);
    assert.ok(m, 'README has the example');
    const { config, errors } = parseProjectConfig(m[1]);
    assert.deepEqual(errors, []);
    assert.ok(Object.keys(config.rules).length > 0 && config.accepted.length > 0 && config.ignore.length > 0);
  });

  it('an empty file is an empty config', () => {
    assert.deepEqual(parseProjectConfig('').errors, []);
    assert.deepEqual(parseProjectConfig('# nothing yet\n').config.rules, {});
  });

  it('reports each problem with its line and a clear message', () => {
    const { errors } = parseProjectConfig(
      [
        'rules:', //                                     1
        '  config/hardcoded-secret: loud', //             2
        '  Hardcoded Secret: error', //                    3
        'ignroe: [dist/]', //                              4
        'platformVariables: [FLY-REGION]', //              5
        'accepted:', //                                    6
        '  - rule: config/hardcoded-secret', //            7
        '    fingerprint: nope', //                        8
        '  - fingerprint: 0123456789abcdef0123456789abcdef', // 9
        'allow:', //                                       10
        '  config/hardcoded-secret: "not a list"', //      11
      ].join('\n'),
    );
    const text = errors.map((e) => `${e.line}: ${e.message}`);
    assert.ok(text.includes('2: rules.config/hardcoded-secret must be one of error, warning, info, hint, off'), text.join('\n'));
    assert.ok(text.includes('3: "Hardcoded Secret" is not a rule id (rule ids look like "config/hardcoded-secret")'), text.join('\n'));
    assert.ok(text.some((t) => t.startsWith('4: unknown key "ignroe" (expected one of: rules, ignore, allow, envExample, platformVariables, accepted)')), text.join('\n'));
    assert.ok(text.includes('5: platformVariables[0] must be an environment variable name'), text.join('\n'));
    assert.ok(text.includes('8: accepted[0].fingerprint must be 32 hex digits (as printed by --print-accepted)'), text.join('\n'));
    assert.ok(text.includes('9: accepted[1] needs "rule"'), text.join('\n'));
    assert.ok(text.includes('11: allow.config/hardcoded-secret must be a list'), text.join('\n'));
  });

  it('unknown rule ids, bad regular expressions and YAML syntax errors are errors too', () => {
    let r = parseProjectConfig('rules:\n  config/hardcoded-secrets: error\n');
    assert.equal(r.errors[0].line, 2);
    assert.match(r.errors[0].message, /^unknown rule "config\/hardcoded-secrets" \(known rules: .*config\/hardcoded-secret/);
    r = parseProjectConfig('allow:\n  config/hardcoded-secret: ["/a(/"]\n');
    assert.equal(r.errors[0].line, 2);
    assert.match(r.errors[0].message, /is not a valid regular expression/);
    r = parseProjectConfig('rules: [\n');
    assert.ok(r.errors.length > 0 && r.errors[0].message.startsWith('YAML: ') && r.errors[0].line !== undefined);
    r = parseProjectConfig('rules: {}\nrules: {}\n');
    assert.ok(r.errors.length > 0, 'duplicate keys are an error');
  });

  it('the schema is a valid draft-07 schema, and package.json points the YAML extension at it', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'server', 'schemas', 'twelve-factor.schema.json'), 'utf8'));
    assert.doesNotThrow(() => new Ajv({ strict: true }).compile(schema));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.yamlValidation, [{ fileMatch: '.twelve-factor.yml', url: './server/schemas/twelve-factor.schema.json' }]);
  });
});

describe('config: lookup', () => {
  const p = project({
    '.twelve-factor.yml': 'rules:\n  logs/log-to-file: "off"\n',
    'apps/api/.twelve-factor.yaml': 'ignore: [tmp/]\n',
    'apps/web/src/index.js': '',
    'apps/api/src/index.js': '',
  });
  after(p.cleanup);

  it('finds the nearest config upward, stopping at the root', () => {
    assert.equal(loadProjectConfig(join(p.dir, 'apps/web/src/index.js'), p.dir).path, join(p.dir, '.twelve-factor.yml'));
    assert.equal(loadProjectConfig(join(p.dir, 'apps/api/src/index.js'), p.dir).path, join(p.dir, 'apps/api/.twelve-factor.yaml'));
    const none = loadProjectConfig(join(p.dir, 'apps/web/src/index.js'), join(p.dir, 'apps/web'));
    assert.equal(none.path, undefined);
    assert.deepEqual(none.errors, []);
    assert.deepEqual(none.config.rules, {});
  });

  it('ProjectConfigCache: the same answers, memoised per folder, until invalidated', () => {
    const cache = new ProjectConfigCache();
    const web = cache.forFile(join(p.dir, 'apps/web/src/index.js'), p.dir);
    assert.equal(web.path, join(p.dir, '.twelve-factor.yml'));
    assert.equal(cache.forFile(join(p.dir, 'apps/web/src/other.js'), p.dir), web);
    assert.equal(cache.forFile(join(p.dir, 'apps/api/src/index.js'), p.dir).path, join(p.dir, 'apps/api/.twelve-factor.yaml'));
    assert.equal(cache.forFile(join(p.dir, 'apps/web/src/index.js'), join(p.dir, 'apps/web')).path, undefined);
    p.write('apps/web/.twelve-factor.yml', 'rules: {}\n');
    assert.equal(cache.forFile(join(p.dir, 'apps/web/src/index.js'), p.dir), web, 'cached');
    cache.invalidate();
    assert.equal(cache.forFile(join(p.dir, 'apps/web/src/index.js'), p.dir).path, join(p.dir, 'apps/web/.twelve-factor.yml'));
    assert.equal(cache.loaded().length, 1);
  });
});

describe('config: applied to checks', () => {
  const engine = defaultEngine();
  const text = `const apiKey = '${SECRET}';\nconst db = process.env.DATABASE_URL;\n`;
  const file = { path: '/proj/src/app.js', text, language: 'javascript' as const };
  const ids = (options: object) => engine.check(file, facts, options).map((f) => `${f.ruleId}@${f.range.start.line}:${f.severity}`);

  it('VS Code settings override config severities', () => {
    const cfg = loaded('rules:\n  config/hardcoded-secret: info\n  config/env-missing-from-example: "off"\n');
    assert.deepEqual(ids(checkOptionsFor(cfg)), ['config/hardcoded-secret@0:info']);
    assert.deepEqual(ids(checkOptionsFor(cfg, { 'config/hardcoded-secret': 'hint', 'config/env-missing-from-example': 'error' })), [
      'config/hardcoded-secret@0:hint',
      'config/env-missing-from-example@1:error',
    ]);
  });

  it('allow drops findings whose matched text equals a string or matches a /regex/', () => {
    assert.deepEqual(ids(checkOptionsFor(loaded(`allow:\n  config/hardcoded-secret: ["${SECRET}"]\n`))), ['config/env-missing-from-example@1:warning']);
    assert.deepEqual(ids(checkOptionsFor(loaded('allow:\n  config/env-missing-from-example: [/^database_/i]\n'))), ['config/hardcoded-secret@0:error']);
    assert.equal(ids(checkOptionsFor(loaded('allow:\n  config/env-missing-from-example: [DATABASE]\n'))).length, 2, 'a string must match whole');
  });

  it('accepted fingerprints drop exactly that finding, wherever it moves in the file', () => {
    const print = fingerprint('config/hardcoded-secret', SECRET, 'src/app.js');
    const cfg = loaded(`accepted:\n  - rule: config/hardcoded-secret\n    fingerprint: ${print}\n`);
    const options = checkOptionsFor(cfg, {}, '/proj/src/app.js');
    assert.equal(options.fingerprintPath, 'src/app.js');
    assert.deepEqual(ids(options), ['config/env-missing-from-example@1:warning']);
    const moved = { ...file, text: '\n\n' + text };
    assert.deepEqual(engine.check(moved, facts, options).map((f) => f.ruleId), ['config/env-missing-from-example']);
    const elsewhere = checkOptionsFor(cfg, {}, '/proj/src/other.js');
    assert.equal(engine.check({ ...file, path: '/proj/src/other.js' }, facts, elsewhere).length, 2);
  });

  it('fingerprints: SHA-256 based, no secret inside, no line number, whitespace-insensitive', () => {
    assert.equal(sha256Hex('abc'), createHash('sha256').update('abc').digest('hex'));
    assert.equal(sha256Hex('é😀'.repeat(50)), createHash('sha256').update('é😀'.repeat(50)).digest('hex'));
    const f = engine.check(file, facts, { fingerprints: true, fingerprintPath: 'src/app.js' });
    assert.ok(f.every((x) => /^[0-9a-f]{32}$/.test(x.fingerprint ?? '')));
    assert.equal(fingerprint('r/x', 'a  b\n c', 'p'), fingerprint('r/x', 'a b c', 'p'));
    assert.notEqual(fingerprint('r/x', 'abc', 'p'), fingerprint('r/y', 'abc', 'p'));
    assert.equal(engine.check(file, facts).every((x) => x.fingerprint === undefined), true, 'not computed unless asked');
    // The CLI hands the engine node:crypto's SHA-256: the same digests as the core's own, lone surrogates included.
    const node = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
    fc.assert(fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\ud800', '\udfff', 'é', '😀', '\u0000'), fc.char16bits()), maxLength: 200 }), (t) => assert.equal(sha256Hex(t), node(t))), { numRuns: 2000, seed: 5 });
    const withNode = engine.check(file, facts, { fingerprints: true, fingerprintPath: 'src/app.js', sha256: node });
    assert.deepEqual(withNode.map((x) => x.fingerprint), f.map((x) => x.fingerprint));
  });

  it('a fingerprint path given as a function is worked out once, only for a file with findings, to the same prints', () => {
    let calls = 0;
    const lazy = () => (calls++, 'src/app.js');
    const eager = engine.check(file, facts, { fingerprints: true, fingerprintPath: 'src/app.js' });
    const late = engine.check(file, facts, { fingerprints: true, fingerprintPath: lazy });
    assert.ok(eager.length >= 2);
    assert.deepEqual(late.map((f) => f.fingerprint), eager.map((f) => f.fingerprint));
    assert.equal(calls, 1);
    assert.deepEqual(engine.check({ ...file, text: 'const x = 1;\n' }, facts, { fingerprints: true, fingerprintPath: lazy }), []);
    assert.equal(calls, 1, 'not called for a file without findings');
  });

  it('ignore patterns are gitignore-style, relative to the config folder', () => {
    const cfg = loaded('ignore:\n  - fixtures/\n  - "*.gen.js"\n  - "!keep.gen.js"\n');
    assert.equal(isIgnoredByConfig(cfg, '/proj/test/fixtures/a.js'), true);
    assert.equal(isIgnoredByConfig(cfg, '/proj/src/x.gen.js'), true);
    assert.equal(isIgnoredByConfig(cfg, '/proj/src/keep.gen.js'), false);
    assert.equal(isIgnoredByConfig(cfg, '/proj/src/app.js'), false);
    assert.equal(isIgnoredByConfig(cfg, '/elsewhere/fixtures/a.js'), false);
  });

  it('platformVariables and envExample change the project facts', () => {
    const p = project({ 'config/env.defaults': 'DATABASE_URL=\n', 'src/app.js': '' });
    try {
      const cfg: LoadedConfig = { ...loaded('platformVariables: [FLY_REGION]\nenvExample: config/env.defaults\n', p.dir) };
      const f = factsWithConfig(facts, cfg, join(p.dir, 'src/app.js'));
      assert.ok(f.platformVariables.has('FLY_REGION') && f.platformVariables.has('PATH'));
      assert.equal(f.envExample?.path, join(p.dir, 'config/env.defaults'));
      assert.ok(f.envExample?.keys.has('DATABASE_URL'));
      const byName = factsWithConfig(facts, loaded('envExample: env.defaults\n', p.dir), join(p.dir, 'config/x.js'));
      mkdirSync(join(p.dir, 'config'), { recursive: true });
      writeFileSync(join(p.dir, 'config/x.js'), '');
      assert.equal(byName.envExample?.path, join(p.dir, 'config/env.defaults'));
      const missing = factsWithConfig(facts, loaded('envExample: .env.shared\n', p.dir), join(p.dir, 'src/app.js'));
      assert.equal(missing.envExample, undefined);
      assert.equal(missing.envExampleCreatePath, join(p.dir, '.env.shared'));
    } finally {
      p.cleanup();
    }
  });
});

describe('relativeTo (the fast path of path.relative for files inside a folder)', () => {
  it('equals path.relative(from, path.resolve(to)) for plain, unnormalised, outside and equal paths', () => {
    const cases: [string, string][] = [
      ['/ws', '/ws/a/b.js'], ['/ws/', '/ws/a/b.js'], ['/ws', '/ws'], ['/ws', '/wsx/a.js'], ['/ws', '/other/a.js'],
      ['/ws', '/ws/a/../b.js'], ['/ws', '/ws/./a.js'], ['/ws', '/ws//a.js'], ['/ws', '/ws/a/.env'], ['/ws', '/ws/..a/b'],
      ['/ws/app', '/ws/a.js'], ['/', '/a/b.js'], ['/ws', '/ws/a/..'], ['/ws', '/ws/a/.'],
    ];
    for (const [from, to] of cases) assert.equal(relativeTo(from, to), relative(from, resolve(to)), `${from} → ${to}`);
  });
});
