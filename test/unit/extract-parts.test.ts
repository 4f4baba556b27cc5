import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'dotenv';
import { computeExtract, dotenvValue, locate, nameFromUrl, providerName, suggestName, toUpperSnake } from '../../server/src/core/extract';
import type { ExtractRequest } from '../../server/src/core/extract';

function request(path: string, text: string, find: string, over: Partial<ExtractRequest> = {}): ExtractRequest {
  const start = text.indexOf(find);
  return {
    file: { path, text, language: path.endsWith('.py') ? 'python' : 'javascript' },
    start,
    end: start + find.length,
    origin: 'selection',
    example: { path: '/w/.env.example', text: '' },
    dotenv: { path: '/w/.env', text: '' },
    dotenvIgnored: true,
    dotenvTracked: false,
    gitignore: { path: '/w/.gitignore', text: '.env\n' },
    ...over,
  };
}

describe('extract: names', () => {
  it('turns identifiers and keys into UPPER_SNAKE', () => {
    assert.equal(toUpperSnake('stripeApiKey'), 'STRIPE_API_KEY');
    assert.equal(toUpperSnake('redis-password'), 'REDIS_PASSWORD');
    assert.equal(toUpperSnake('spring.datasource.url'), 'SPRING_DATASOURCE_URL');
    assert.equal(toUpperSnake('HTTPServerPort'), 'HTTP_SERVER_PORT');
    assert.equal(toUpperSnake('2fa_secret'), 'V_2FA_SECRET');
  });

  it('names provider tokens canonically, also ids it has no table entry for', () => {
    assert.equal(providerName('aws-access-key-id'), 'AWS_ACCESS_KEY_ID');
    assert.equal(providerName('aws-secret-access-key'), 'AWS_SECRET_ACCESS_KEY');
    assert.equal(providerName('github-pat-fine-grained'), 'GITHUB_TOKEN');
    assert.equal(providerName('openai-api-key'), 'OPENAI_API_KEY');
    assert.equal(providerName('sendgrid'), 'SENDGRID_API_KEY');
    assert.equal(providerName('acme-widget-token'), 'ACME_WIDGET_TOKEN');
    assert.equal(providerName('generic'), undefined);
  });

  it('uses the identifier unless it is vague next to the provider', () => {
    const secret = (path: string[], provider: string) => suggestName({ origin: 'secret', value: 'x', path, provider });
    assert.equal(secret(['stripeKey'], 'stripe-live-secret'), 'STRIPE_SECRET_KEY');
    assert.equal(secret(['apiKey'], 'openai-api-key'), 'OPENAI_API_KEY');
    assert.equal(secret(['billingStripeKey'], 'stripe-live-secret'), 'BILLING_STRIPE_KEY');
    assert.equal(secret(['redis', 'password'], 'generic'), 'REDIS_PASSWORD');
    assert.equal(secret(['spring', 'datasource', 'password'], 'generic'), 'DATASOURCE_PASSWORD');
  });

  it('names services by URL scheme and ports PORT', () => {
    assert.equal(nameFromUrl('postgresql://u:p@db/app'), 'DATABASE_URL');
    assert.equal(nameFromUrl('rediss://cache:6380'), 'REDIS_URL');
    assert.equal(nameFromUrl('mongodb+srv://c.example.net/db'), 'MONGODB_URI');
    assert.equal(nameFromUrl('amqp://mq'), 'AMQP_URL');
    assert.equal(nameFromUrl('https://api.acme.io/v1'), 'ACME_API_URL');
    assert.equal(suggestName({ origin: 'url', value: 'redis://cache:6379', path: ['cacheUrl'] }), 'CACHE_URL');
    assert.equal(suggestName({ origin: 'url', value: 'redis://cache:6379', path: ['url'] }), 'REDIS_URL');
    assert.equal(suggestName({ origin: 'port', value: '3000', path: [] }), 'PORT');
    assert.equal(suggestName({ origin: 'port', value: '9100', path: ['metricsPort'] }), 'METRICS_PORT');
  });
});

describe('extract: dotenv values', () => {
  const values = [
    'plain-Value_1.2:3/4@5', 'with space', 'hash#inside', "single'quote", 'double"quote', 'dollar$HOME', ' padded ',
    'line1\nline2', 'both\'and"', 'multi\n"quoted"\nlines', 'back\\slash', 'tab\there', '=starts-with-equals',
  ];
  for (const [i, v] of values.entries()) {
    it(`round-trips value #${i + 1} through dotenv's parser`, () => {
      const line = `NAME=${dotenvValue(v)}`;
      assert.equal(parse(`A=1\n${line}\nB=2\n`).NAME, v, `written as ${JSON.stringify(line)}`);
    });
  }
});

describe('extract: finding the literal', () => {
  it('finds the literal around a cursor or partial selection, and nothing outside literals', () => {
    const text = 'call(a, "hello world", 42);';
    const inside = text.indexOf('world');
    assert.equal(locate('javascript', text, inside, inside, true)?.value, 'hello world');
    assert.equal(locate('javascript', text, inside, inside + 5, true)?.value, 'world');
    assert.equal(locate('javascript', text, 0, 4, true), undefined);
    assert.equal(locate('javascript', text, text.indexOf('42'), text.indexOf('42') + 2, true)?.kind, 'number');
  });

  it('skips strings inside comments and char literals', () => {
    const java = "char c = '\"'; // \"not this\"\nString s = \"this\";";
    assert.equal(locate('java', java, java.indexOf('not'), java.indexOf('not'), true), undefined);
    assert.equal(locate('java', java, java.indexOf('this";'), java.indexOf('this";'), true)?.value, 'this');
  });

  it('resolves escapes in the extracted value', () => {
    const text = 'const s = "a\\"b\\\\c";';
    const lit = locate('javascript', text, text.indexOf('a'), text.indexOf('a'), true);
    assert.equal(lit?.value, 'a"b\\c');
  });

  it('stays linear on a 1 MB line', () => {
    const text = `x = "${'a'.repeat(1_000_000)}`;
    const t = Date.now();
    locate('python', text, 500_000, 500_000, true);
    locate('yaml', `key: ${' '.repeat(1_000_000)}#`, 10, 10, true);
    assert.ok(Date.now() - t < 2000, `took ${Date.now() - t} ms`);
  });
});

describe('extract: refactoring on a selection', () => {
  it('does not offer to extract the name in an env read', () => {
    const text = 'const q = os.getenv("QUEUE_NAME")\n';
    assert.equal(computeExtract(request('/w/a.py', text, 'QUEUE_NAME')), undefined);
  });

  it('keeps a non-secret literal as the default but never a secret-named one', () => {
    const plain = computeExtract(request('/w/a.js', 'const region = "eu-west-1";\n', 'eu-west-1'))!;
    assert.match(plain.changes[0].edits[0].newText, /process\.env\.REGION \?\? "eu-west-1"/);
    const secret = computeExtract(request('/w/a.js', 'const adminPassword = "correct horse";\n', 'correct horse'))!;
    assert.equal(secret.changes[0].edits[0].newText, 'process.env.ADMIN_PASSWORD');
  });

  it('never keeps a token-like or provider-shaped selection as a default', () => {
    const token = 'Zk3' + 'Qw9vT2mLx8RbN4pY'; // random-looking, split so no scanner sees a whole literal here
    const random = computeExtract(request('/w/a.js', `const widget = "${token}";\n`, token))!;
    assert.equal(random.changes[0].edits[0].newText, 'process.env.WIDGET');
    const url = computeExtract(request('/w/a.js', 'const upstream = "https://bot:hunter22@up.example.com";\n', 'https://bot:hunter22@up.example.com'))!;
    assert.ok(!url.changes[0].edits[0].newText.includes('??'), 'a URL with a password keeps no default');
  });

  it('does not write the value when git tracking is unknown, and says so', () => {
    const r = computeExtract(request('/w/a.js', 'const region = "eu-west-1";\n', 'eu-west-1', { dotenvTracked: undefined }))!;
    assert.equal(r.valueWritten, false);
    assert.match(r.title, /value not written: could not tell whether \.env is tracked by git/);
    assert.ok(!r.changes.some((c) => c.path === '/w/.env'));
  });
});
