import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultEngine, languageOf, type ProjectFacts } from '../../server/src/core';
import { detectSecrets } from '../../server/src/core/secrets/detect';
import { classifyFile, isMinified } from '../../server/src/core/secrets/files';
import { secretNameKind } from '../../server/src/core/secrets/names';
import { isPlaceholder } from '../../server/src/core/secrets/placeholders';
import { looksLikeSecretValue } from '../../server/src/core/secrets/values';

const FACTS: ProjectFacts = { platformVariables: new Set() };
/** A random base64 value, made at run time so no secret-looking literal sits in this file. */
/**
 * Random-looking but reproducible test values: a seeded generator (mulberry32), so a run never fails by the luck
 * of the draw (a truly random 32-hex string falls under the entropy bar now and then).
 */
let seed = 0x2f6b1c3d;
function randomBytes(n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}
const rnd = (n: number): string => randomBytes(n * 2).toString('base64').replace(/[+/=]/g, '').slice(0, n);
const digits = (n: number): string => [...randomBytes(n)].map((b) => String(b % 10)).join('');

function hits(path: string, text: string, facts: ProjectFacts = FACTS) {
  return detectSecrets({ path, text, language: languageOf(path) }, facts);
}

describe('secret names', () => {
  const cases: [string, string | undefined][] = [
    ['password', 'password'], ['DB_PASS', 'password'], ['smtpPassword', 'password'], ['jwtSecret', 'secret'],
    ['client_secret', 'secret'], ['SECRET_KEY', 'secret'], ['secret_key_base', 'secret'], ['apiKey', 'secret'],
    ['NODE_AUTH_TOKEN', 'secret'], ['partnerSigningKey', 'key'], ['APP_KEY', 'key'], ['SECRET_PROD', 'secret'],
    ['passwordField', undefined], ['PASSWORD_MIN_LENGTH', undefined], ['token_type', undefined], ['secretName', undefined],
    ['tokenHeader', undefined], ['cache_key', undefined], ['publishable_key', undefined], ['password_hash', undefined],
    ['token_expired', undefined], ['secret_question', undefined], ['passport', undefined], ['bypass', undefined],
    ['curl -H "DD-API-KEY', undefined], ['AZURE_OPENAI_KEY', 'vendor-key'], ['SORT_KEY', undefined], ['site_key', undefined],
  ];
  for (const [name, kind] of cases) it(`${name} → ${kind ?? 'not a secret name'}`, () => assert.equal(secretNameKind(name), kind));
});

describe('secret values: shape and entropy, not the name alone', () => {
  const quiet = ['changeme', 'your-api-key-here', '<YOUR_TOKEN>', 'xxxxxxxxxxxx', '****', 'replace-me', '', 'dummy', 'example',
    '${X}', '$X', '{{ .Values.x }}', '%(x)s', '${{ secrets.X }}', 'Password', 'x-refresh-token', 'ci-only-not-a-secret',
    '550e8400-e29b-41d4-a716-446655440000', 'sha256:4aea012537edfad80f98d870a36e6b90b4c09b27be7f4b4759d72db863baeebb',
    'data:image/png;base64,iVBORw0KGgo', '#1a73e8', '$2b$12$KIXQJQnYqk6dCfP1nZB8ae', 'Geheimnis', 'API-Schlüssel',
    'At least 12 characters', 'orders.sid', 'application/json', '/var/run/secrets/app'];
  for (const v of quiet) it(`"${v}" is not a secret`, () => assert.equal(looksLikeSecretValue(v, 'secret') || looksLikeSecretValue(v, 'password'), false));
  it('random tokens and real-looking passwords are', () => {
    assert.ok(looksLikeSecretValue(rnd(40), 'secret'));
    assert.ok(looksLikeSecretValue('Bill1ng#Db-Pr0d-2024', 'password'));
    assert.ok(looksLikeSecretValue('Summer2024!', 'password'));
    assert.ok(!looksLikeSecretValue('postgres', 'password'));
    assert.ok(looksLikeSecretValue(randomBytes(16).toString('hex'), 'vendor-key'));
    assert.ok(!looksLikeSecretValue('user-profile-v2', 'vendor-key'));
  });
  it('placeholders include references and fakes', () => {
    for (const v of ['${DB_PASSWORD:?set it}', 'env:DB_PASSWORD', 'not-a-real-secret', 'paste-your-key']) assert.ok(isPlaceholder(v), v);
  });
});

describe('where a secret sits sets the bar', () => {
  it('classifies test files, env templates, lock files and bundles', () => {
    assert.ok(classifyFile('src/__tests__/auth.js').test);
    assert.ok(classifyFile('internal/auth/jwt_test.go').test);
    assert.ok(classifyFile('web/src/app.spec.ts').test);
    assert.ok(classifyFile('tests/test_payments.py').test);
    assert.ok(!classifyFile('src/latest/config.js').test);
    assert.ok(classifyFile('src/components/Login.stories.tsx').test);
    assert.ok(classifyFile('.env.example').envTemplate && classifyFile('example.env').envTemplate);
    assert.ok(!classifyFile('.env.production').envTemplate);
    assert.ok(classifyFile('web/package-lock.json').lockFile && classifyFile('go.sum').lockFile);
    assert.ok(isMinified('public/app.min.js', ''));
    assert.ok(isMinified('public/app.js', `var a=${'x'.repeat(1500)};`));
  });
  it('lock files are skipped entirely, even for provider formats', () => {
    assert.equal(hits('package-lock.json', `{"resolved": "https://u:${rnd(20)}@registry.internal/x", "token": "sk_live_${rnd(30)}"}`).length, 0);
  });
  it('generic detection is off in test files, env templates and bundles; provider formats stay on', () => {
    const generic = `password = "Pr0d!${rnd(14)}"\n`;
    assert.equal(hits('src/settings.py', generic).length, 1);
    assert.equal(hits('tests/test_settings.py', generic).length, 0);
    assert.equal(hits('.env.example', `DB_PASSWORD=Pr0d!${rnd(14)}\n`).length, 0);
    assert.equal(hits('.env.example', `SLACK_BOT_TOKEN=xoxb-${digits(12)}-${digits(13)}-${rnd(24)}\n`).length, 1);
    assert.equal(hits('dist/app.min.js', `var o={password:"Pr0d!${rnd(14)}"};`).length, 0);
  });
  it('a git-ignored .env holds local values and is not reported; a committed one is', () => {
    const text = `JWT_SECRET=${rnd(40)}\n`;
    assert.equal(hits('/p/.env', text, { ...FACTS, isGitIgnored: () => true }).length, 0);
    assert.equal(hits('/p/.env', text, { ...FACTS, isGitIgnored: () => false }).length, 1);
  });
  it('the project root from the facts decides what counts as a test folder', () => {
    const facts = { ...FACTS, envExampleCreatePath: '/home/me/test/shop/.env.example' };
    assert.equal(hits('/home/me/test/shop/src/settings.py', `password = "Pr0d!${rnd(14)}"\n`, facts).length, 1);
  });
});

describe('config/env-file-not-ignored', () => {
  const run = (path: string, ignored: boolean | undefined) =>
    defaultEngine()
      .check({ path, text: 'A=1\n', language: languageOf(path) }, { ...FACTS, ...(ignored === undefined ? {} : { isGitIgnored: () => ignored }) })
      .filter((f) => f.ruleId === 'config/env-file-not-ignored');
  it('reports a .env-style file git does not ignore, once, at line 0', () => {
    for (const p of ['/p/.env', '/p/.env.local', '/p/.env.production', '/p/prod.env']) {
      const found = run(p, false);
      assert.equal(found.length, 1, p);
      assert.equal(found[0].range.start.line, 0);
    }
  });
  it('is silent for ignored files, templates, and when the ignore rules are unknown', () => {
    assert.equal(run('/p/.env', true).length, 0);
    for (const p of ['/p/.env.example', '/p/.env.sample', '/p/.env.template', '/p/.env.dist', '/p/example.env']) assert.equal(run(p, false).length, 0, p);
    assert.equal(run('/p/.env', undefined).length, 0);
  });
});

describe('syntaxes', () => {
  it('Kubernetes env: the name is on the line before the value', () => {
    const text = `env:\n  - name: DB_PASSWORD\n    value: "K8s!${rnd(14)}"\n  - name: LOG_LEVEL\n    value: debug\n`;
    const found = defaultEngine().check({ path: 'deploy.yaml', text, language: 'yaml' }, FACTS).filter((f) => f.ruleId === 'config/hardcoded-secret');
    assert.deepEqual(found.map((f) => f.range.start.line), [2]);
  });
  it('compose list form and map form', () => {
    const text = `services:\n  a:\n    environment:\n      - API_SECRET=${rnd(32)}\n      MB_DB_PASS: mb!${rnd(12)}\n`;
    assert.equal(hits('docker-compose.yml', text).length >= 1, true);
  });
  it('connection strings mask the password', () => {
    const pw = `Rk7#${rnd(12)}`;
    const [h] = hits('src/db.js', `const url = "postgresql://reporting:${pw}@replica-1.db.internal:5432/orders";`);
    assert.ok(h);
    assert.ok(!h.message.includes(pw));
    assert.match(h.message, /postgresql:\/\/reporting:.*…@replica-1\.db\.internal/);
  });
  it('local defaults in URLs stay quiet', () => {
    assert.equal(hits('src/db.js', 'const url = "postgres://postgres:postgres@localhost:5432/app";').length, 0);
  });
});

describe('cost', () => {
  it('a 1 MB single line does not hang', () => {
    const line = `x = "${'a1B2'.repeat(250_000)}`;
    const t = Date.now();
    defaultEngine().check({ path: 'big.js', text: `password${line}`, language: 'javascript' }, FACTS);
    assert.ok(Date.now() - t < 2000, `took ${Date.now() - t} ms`);
  });
  it('pathological inputs for each extractor stay fast', () => {
    const t = Date.now();
    for (const [path, text] of [
      ['a.properties', `password=${'='.repeat(200_000)}`],
      ['a.sh', `export TOKEN=${'a'.repeat(200_000)}`],
      ['a.py', `token = "${'\\'.repeat(100_000)}`],
      ['a.js', `postgres://${'u'.repeat(100_000)}:${'p'.repeat(100_000)}`],
      ['a.xml', `<password>${'<'.repeat(100_000)}`],
      ['a.yaml', `${'password: x\n'.repeat(20_000)}`],
      ['a.py', '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(30_000)],
      ['a.js', 'password = "'.repeat(30_000)],
      ['a.sh', 'curl http '.repeat(50_000)],
      ['a.cs', 'Password= ;'.repeat(50_000)],
    ]) defaultEngine().check({ path, text, language: languageOf(path) }, FACTS);
    assert.ok(Date.now() - t < 6000, `took ${Date.now() - t} ms`);
  });
  it('a file without any keyword does not run the rule', () => {
    const file = { path: 'src/math.ts', text: 'export const add = (a: number, b: number) => a + b;\n', language: 'typescript' as const };
    assert.ok(!defaultEngine().candidateRules(file).some((r) => r.meta.id === 'config/hardcoded-secret'));
  });
});
