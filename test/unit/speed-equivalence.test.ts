import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { join, normalize } from 'node:path';
import { childPath } from '../../server/src/files/walk';
import { defaultEngine, Engine, languageOf, lineIndex, PLATFORM_VARIABLES, type ProjectFacts, type Rule } from '../../server/src/core';
import { scanProvidersAndHits } from '../../server/src/core/secrets/providers';
import { KeywordScanner } from '../../server/src/core/prefilter';
import { defineRule } from '../../server/src/core/rule';
import { assignments, NAME_HINT, type Assignment } from '../../server/src/core/secrets/assignments';
import { prefixEndsIn, reportableNameHits } from '../../server/src/core/secrets/name-hits';
import { secretNameKind } from '../../server/src/core/secrets/names';
import { contextKind, CONTEXT_PATTERNS } from '../../server/src/core/secrets/context';
import { detectSecrets } from '../../server/src/core/secrets/detect';
import { hasMinifiedLine } from '../../server/src/core/secrets/files';
import { CREDENTIAL_PAIR, findCredentialStrings, QUOTE_COMMA_QUOTE } from '../../server/src/core/secrets/urls';
import { LineScans, matchesOnLines } from '../../server/src/core/secrets/line-scan';
import { ADO, adoMayMatch, catalogEndsIn, findServiceLocations, hostStarts, HOST_PORT, schemeStarts, SCHEME_URL, SERVICE_SCAN, SMTP_HOST_PORT } from '../../server/src/core/services/locations';
import { HOST_SETTING, hostSettingStarts } from '../../server/src/core/services/hosts';
import { anchoredMatches } from '../../server/src/core/anchored';
import { asciiClass, codeAt, inClass, isWordChar } from '../../server/src/core/text';
import { colonAnchors } from '../../server/src/core/services/scan';
import { JS_PORTS } from '../../server/src/core/ports/js-python';
import { PORT_WORDS } from '../../server/src/core/ports/site';
import { helperReads, importsEnvFromProcess, jsAliasReads, jsReads, JS_READ_WORDS, mayReadEnvInJs } from '../../server/src/core/env/reads-code';
import { LEX, maskComments, type EnvRead } from '../../server/src/core/env/match';
import { rule as logRule } from '../../server/src/core/rules/log-to-file';
import { rule as portRule } from '../../server/src/core/rules/hardcoded-port';

/**
 * The speed work tries patterns only at anchors (a hint word, `://`, `.env`) and shares one keyword pass between
 * rules. These properties pin that down: on random text built from the tokens that matter, the fast paths find
 * exactly what the plain whole-text scans find.
 */

const facts: ProjectFacts = { platformVariables: new Set(PLATFORM_VARIABLES) };

const tokens = fc.array(
  fc.constantFrom(
    'password', 'apiKey', 'token', 'secret_key', 'value', 'Key', 'auth', 'x', 'foo', 'cfg.db.password', '$this->', '@',
    ' = ', '=', ': ', ' := ', ' => ', ' ?? ', ' || ', ' or ', ', ', '"', "'", '`', '(', ')', '[', ']', '{', '}', ' ', '\n',
    'Zx9Qw8Er7Ty6Ui5Op4As3Df2', 'hunter2hunter2', 'changeme', '->', '.', '-', '_', 'buildConfigField("String", ',
    'postgres://', 'u:', 'p4ssW0rd-x7Kq@', 'db.internal', '--password=', 'curl -u ', 'Bearer ', 'process.env.', 'API_URL',
    'import.meta.env.', 'Bun.env', '.env', '?.', 'delete ', 'Deno.env.get(', 'process', 'env',
  ),
  { maxLength: 60 },
).map((parts) => parts.join(''));

/** Assignment-shaped snippets (a hinted name, maybe quoted or a member, an operator, a quoted value) among tokens. */
const assignmentLike = fc
  .tuple(
    fc.constantFrom('', '$', '$this->', 'cfg.', 'x.', '@', '['),
    fc.constantFrom('password', 'apiKey', 'api_key', 'token', 'Key', 'value', 'authSecret', 'keys', 'passwordHash', 'monkey'),
    fc.constantFrom('', '"', "'"),
    fc.constantFrom('', ' ', ']', ' ] ', ': string', ':str ', ': Record<string, string> ', ':\tT\t', `: ${'x'.repeat(29)} `, `: ${'x'.repeat(31)}`, ': e,token', ': &str', '::', ': 1'),
    fc.constantFrom(' = ', '=', ': ', ':', ' := ', ' => ', ' ??= ', ' ||= ', ' == ', ' === ', ', ', '(', '.', ' ? ', ' | ', '>', '=>=', ' = >', ':\t'),
    fc.constantFrom('', ' cfg.get("k") ?? ', ' env.X || ', ' x or '),
    fc.constantFrom('', '', 'r', 'b', 'rb', 'f', '@', 'buf', ' u', 'x'),
    fc.constantFrom('"', "'", '`'),
    fc.constantFrom('Zx9Qw8Er7Ty6Ui5Op4As3Df2', 'hunter2hunter2', 'changeme', 'x'),
  )
  .map(([pre, name, nq, after, op, fallback, prefix, q, value]) => `${pre}${nq}${name}${nq}${after}${op}${fallback}${prefix}${q}${value}${q}`);
const snippets = fc
  .array(fc.oneof(assignmentLike, fc.constantFrom('\n', ' ', ', ', ';', '{', '}', '"', 'x', 'key', 'value')), { maxLength: 8 })
  .map((parts) => parts.join(''));

const hinted = (name: string) => {
  NAME_HINT.lastIndex = 0;
  return NAME_HINT.test(name);
};
const key = (a: Assignment) => `${a.name}|${a.value}|${a.start}|${a.end}`;

/** Whether the secret checks could report an assignment (by its name, or by its path and value). */
const reportable = (a: Assignment) => secretNameKind(a.name) !== undefined || contextKind(a.path, a.value) !== undefined;
const languages = fc.constantFrom('javascript', 'python', 'php', 'shell', 'yaml', 'go', 'json', 'plaintext') as fc.Arbitrary<'javascript'>;

/** Asserts that the assignments tried at reportableNameHits' hits report what they report tried at every hint's hit. */
function sameReportsWithKeptHits(t: string, language: 'javascript'): { dropped: boolean; expected: string[] } {
  const all = [...t.matchAll(NAME_HINT)].map((m) => m.index + m[0].length - 1);
  const found = (hits: readonly number[]) => assignments(t, language, { hintedOnly: true, hits, keep: reportable }).filter(reportable).map(key).sort();
  const kept = reportableNameHits(t, all);
  const expected = found(all);
  assert.deepEqual(found(kept), expected, JSON.stringify(t));
  return { dropped: kept.length < all.length, expected };
}

describe('fast paths find what whole-text scans find', () => {
  it('assignments tried at hint words = a whole-text scan, for every name holding a hint', () => {
    fc.assert(
      fc.property(fc.oneof(tokens, snippets), fc.constantFrom('javascript', 'python', 'php', 'shell', 'yaml', 'go') as fc.Arbitrary<'javascript'>, (text, language) => {
        const fast = assignments(text, language, { hintedOnly: true, keep: () => true }).filter((a) => hinted(a.name)).map(key).sort();
        const full = assignments(text, language).filter((a) => hinted(a.name)).map(key).sort();
        assert.deepEqual([...new Set(fast)], [...new Set(full)], JSON.stringify(text));
      }),
      { numRuns: 6000, seed: 20261122 },
    );
  });

  it("dropping 'value' hits inside longer names loses no assignment the secret checks could report", () => {
    let tested = 0;
    let bareValues = 0;
    const valueNames = fc.constantFrom('value', 'Value', 'VALUE', 'secretValue', 'valueToken', 'API_KEY_VALUE', 'getValue', 'values', '$value', 'x.value',
      'value.password', 'password_value', 'pusher_secret_value', 'nr_license_value', 'ado_pat_value', 'valuekey', 'key');
    const parent = fc.constantFrom('', '{', '"password": {', "'apiKey': {", 'jwtSecret = {', '{ "key": "k", ', 'config: {');
    const pair = fc
      .tuple(parent, fc.constantFrom('', '"', "'"), valueNames, fc.constantFrom(' = ', ': ', '=', ', ', ' => ', '('), fc.constantFrom('"', "'"),
        fc.constantFrom('Zx9Qw8Er7Ty6Ui5Op4As3Df2', 'hunter2hunter2', 'a1b2c3d4e5f6a7b8c9d0', 'x'), fc.constantFrom('', '}', ' }', ')'))
      .map(([p, nq, name, op, q, value, close]) => `${p}${nq}${name}${nq}${op}${q}${value}${q}${close}`);
    const text = fc.array(fc.oneof(pair, fc.constantFrom('\n', ' ', ', ', ';', '{', '}', 'value', 'Value', 'x')), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(text, tokens, snippets), languages, (t, language) => {
        const { dropped, expected } = sameReportsWithKeptHits(t, language);
        if (dropped && expected.length > 0) tested++;
        if (expected.some((k) => /(?:^|\.)value\|/i.test(k))) bareValues++;
      }),
      { numRuns: 6000, seed: 20261123 },
    );
    // Not vacuous: texts where hits were dropped and something reportable was found, bare values among it.
    assert.ok(tested > 300 && bareValues > 100, `${tested} texts with dropped hits and reports, ${bareValues} with a bare value reported`);
  });

  it('dropping the hits of pat, auth, license, lob and launch where their one context pattern cannot match loses no report', () => {
    // Names around the five words: in ordinary words, after their context prefixes near and far, in any case; and
    // values each context pattern accepts, so that reports happen.
    const names = fc.constantFrom(
      'path', 'dispatchKey', 'AZURE_DEVOPS_PAT', 'ado_pat', 'ADO_TOKEN_PAT', 'vstsPat', 'azdo.pat', `ado_${'x'.repeat(19)}pat`, `ado_${'x'.repeat(20)}pat`, 'devops-pat', 'adopat',
      'author', 'TWILIO_AUTH', 'twilioAuthToken', `twilio_${'y'.repeat(26)}auth`, `twilio_${'y'.repeat(29)}auth`, `twilio_${'y'.repeat(30)}auth`, 'oauth_twilio',
      'license', 'NR_LICENSE', 'nrLicense', 'nr-x-license', 'NRLICENSE', 'new_relic_license_key', 'unrlicense',
      'global', 'LOB_API_KEY', 'lob.key', 'lob.x', 'lob-x', 'LOB_X', 'lob-secret', 'blob_key', 'xlob_k', '1lob_x', 'lob',
      'launch', 'LAUNCHDARKLY_SDK_KEY', 'launch_darkly', 'launchXdarkly', 'launch__darkly', 'LD_SDK_KEY',
    );
    const values = fc.constantFrom(
      'cwobkulgd2qlql56dmu5qqtx77tjku2zp4xds26faqdyhcauuxzc', 'fe40038c733385b34216f91c939ab00d', '413fbbc75f42092cd4f0b250d306c6908a676045',
      'live_a3689fbc600ba95925e45da2811c23e1d05', 'sdk-53d17929-e8cd-4311-a5bd-02cae6d2856e', 'Zx9Qw8Er7Ty6Ui5Op4As3Df2', 'x',
    );
    const pair = fc
      .tuple(fc.constantFrom('', 'const ', 'cfg.', '$', '"'), names, fc.constantFrom(' = ', ': ', '=', '": '), fc.constantFrom('"', "'"), values)
      .map(([pre, name, op, q, value]) => `${pre}${name}${pre === '"' && op !== '": ' ? '"' : ''}${op}${q}${value}${q}`);
    const text = fc.array(fc.oneof(pair, fc.constantFrom('\n', ' ', ', ', ';', '{', '}', 'x', 'ado ', 'twilio ')), { maxLength: 6 }).map((p) => p.join(''));
    let dropped = 0;
    let reported = 0;
    fc.assert(
      fc.property(text, languages, (t, language) => {
        const r = sameReportsWithKeptHits(t, language);
        const expected = r.expected;
        if (r.dropped) dropped++;
        if (expected.some((k) => /(?:pat|auth|license|lob|launch)/i.test(k.split('|')[0]))) reported++;
      }),
      { numRuns: 6000, seed: 20261129 },
    );
    // Not vacuous: hits were dropped, and names holding the five words were reported.
    assert.ok(dropped > 1000 && reported > 500, `${dropped} texts with dropped hits, ${reported} with a report of such a name`);
  });

  it('the five words serve only the context patterns reportableNameHits knows (revisit it when these change)', () => {
    const uses = CONTEXT_PATTERNS.filter((c) => /pat|auth|license|lob|launch/i.test(c.name.source)).map((c) => `${c.id}: ${c.name.source}`);
    assert.deepEqual(uses, [
      'twilio-auth-token: twilio.{0,30}(?:auth|token|secret)',
      'cloudflare-global-api-key: (?:cloudflare|(?:^|[^a-z])cf).{0,20}(?:api.?key|auth.?key)',
      'newrelic-license-key-legacy: new.?relic.{0,20}(?:license|ingest).?key|(?:^|[^a-z])nr.?license',
      'lob-api-key: (?:^|[^a-z])lob[_.-]',
      'azure-devops-pat: (?:azure.?devops|(?:^|[^a-z])ado|vsts|azdo).{0,20}(?:pat|token)',
      'launchdarkly-key: launch.?darkly|(?:^|[^a-z])ld.{0,10}(?:sdk|api).?key',
    ]);
    // The name-based check never reports a name whose only hint is one of them.
    for (const w of ['pat', 'auth', 'license', 'lob', 'launch']) for (const n of [w, `my_${w}`, `${w}_x`, `API_${w.toUpperCase()}`, `${w}Value`]) assert.equal(secretNameKind(n), undefined, n);
  });

  it('the secrets rule\'s pass reports where the context prefixes end, in any case (the hit group is wired)', () => {
    const text = fc.array(fc.constantFrom('ado', 'ADO', 'azdo', 'Vsts', 'devOps', 'twilio', 'TWILIO', 'a', 'd', 'o', 'x', '\u212a', 'İ', '_'), { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => assert.deepEqual(scanProvidersAndHits(t).prefixEnds, prefixEndsIn(t), JSON.stringify(t))), { numRuns: 3000, seed: 11 });
  });

  it("credential URLs tried at each '://' = a scan of every hinted line", () => {
    fc.assert(
      fc.property(tokens, (text) => {
        const scan = scanProvidersAndHits(text);
        const fast = findCredentialStrings(text, scan.credentialHits);
        const full = findCredentialStrings(text);
        assert.deepEqual(fast.map((h) => `${h.id}@${h.start}-${h.end}`).sort(), full.map((h) => `${h.id}@${h.start}-${h.end}`).sort(), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('credential patterns tried where their words say a match starts = a scan of every hinted line', () => {
    const value = fc.constantFrom('s3cr3t-P4ssw0rd-x7Kq', 'Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1', 'changeme', 'x');
    const q = fc.constantFrom('"', "'", '`');
    const ws = fc.constantFrom(' ', '\t', '  ', ' \t ', '');
    const shape = fc.oneof(
      fc.tuple(fc.constantFrom('Password', 'PASSWORD', 'password', 'Pwd', 'pwd', 'xPassword', '_Pwd'), ws, fc.constantFrom('=', ' = ', ':'), ws, value, fc.constantFrom(';', '"', "'", '', ' ')).map((p) => `Server=db;User Id=app;${p.join('')}`),
      fc.tuple(fc.constantFrom('?', '&', ';', '/', ''), fc.constantFrom('password', 'passwd', 'pwd', 'PASSWORD', 'Pwd'), fc.constantFrom('=', ' ='), value).map((p) => `jdbc:x://h/db${p.join('')}`),
      fc.tuple(fc.constantFrom('WITH', 'with', 'WiTh', 'xWITH', 'IDENTIFIED', 'identified'), ws, fc.constantFrom('ENCRYPTED', 'encrypted', '', 'BY'), ws, fc.constantFrom('PASSWORD', 'password', 'BY', 'by'), ws, fc.constantFrom("'", '"'), value, fc.constantFrom("'", '"')).map((p) => `CREATE USER app ${p.join('')}`),
      fc.tuple(fc.constantFrom('ConvertTo-SecureString', 'convertto-securestring', 'XConvertTo-SecureString'), ws, fc.constantFrom('-String ', ''), q, value, q, fc.constantFrom(' -AsPlainText -Force', ' -asplaintext', '')).map((p) => p.join('')),
      fc.tuple(fc.constantFrom('auth', 'Auth', 'basic_auth', 'getConnection', 'HTTPBasicAuth', 'setBasicAuth', 'NetworkCredential', 'UsernamePasswordAuthenticationToken', 'xauth', 'auth2', 'Credentials.basic'), ws, fc.constantFrom('(', '=(', '= (', '=', '.'), fc.constantFrom('', 'url, ', 'cfg.url,  '), q, fc.constantFrom('admin', 'user'), q, fc.constantFrom(',', ' , ', ', Some('), q, value, q, fc.constantFrom(')', '')).map((p) => p.join('')),
      fc.tuple(fc.constantFrom('curl', 'wget', 'xcurl', 'CURL'), fc.constantFrom(' -s', ' https://h', ''), fc.constantFrom(' -u ', ' --user ', '\t-u\t', ' -u'), fc.constantFrom('', '"', "'"), fc.constantFrom('admin', 'u'), fc.constant(':'), value).map((p) => p.join('')),
      fc.tuple(fc.constantFrom('--', '---', 'x--', '-', '— '), fc.constantFrom('password', 'token', 'api-key', 'client-secret', 'PASSWORD', 'verbose'), fc.constantFrom('=', ' ', ':'), ws, fc.constantFrom('', '"', "'"), value).map((p) => p.join('')),
      fc.tuple(q, fc.constantFrom('Bearer', 'Token', 'Basic', 'bearer', 'Bearerx'), ws, value, q).map((p) => p.join('')),
    );
    const text = fc.array(fc.oneof(shape, fc.constantFrom('\n', ' ', '"', ', ', 'x', 'auth', '--', '\r\n')), { maxLength: 7 }).map((p) => p.join(''));
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const fast = findCredentialStrings(t, scanProvidersAndHits(t).credentialHits);
        const full = findCredentialStrings(t);
        found += full.length;
        assert.deepEqual(fast.map((h) => `${h.id}@${h.start}-${h.end}`).sort(), full.map((h) => `${h.id}@${h.start}-${h.end}`).sort(), JSON.stringify(t));
      }),
      { numRuns: 6000, seed: 23 },
    );
    assert.ok(found > 1000, `only ${found} credentials generated`);
  });

  it("the secrets rule finds the same with the engine's shared keyword pass as with its own", () => {
    const engine = defaultEngine();
    fc.assert(
      fc.property(tokens, fc.constantFrom('/p/src/a.js', '/p/deploy.sh', '/p/config.yaml'), (text, path) => {
        const file = { path, text, language: languageOf(path) };
        const lines = lineIndex(text);
        const shared = engine
          .check(file, facts)
          .filter((f) => f.ruleId === 'config/hardcoded-secret')
          .map((f) => `${lines.offsetAt(f.range.start)}-${lines.offsetAt(f.range.end)}`);
        const alone = detectSecrets(file, facts).map((h) => `${h.start}-${h.end}`);
        assert.deepEqual(shared.sort(), alone.sort(), JSON.stringify(text));
      }),
      { numRuns: 1500, seed: 5 },
    );
  });

  it("JavaScript env reads tried at each '.env' = the patterns scanned over the whole text", () => {
    const NAME = '[A-Za-z_][A-Za-z0-9_]{0,127}';
    const notAssigned = '(?!\\s{0,8}=(?![=>~]))';
    const patterns = ['process\\.env', 'Bun\\.env', 'import\\.meta\\.env'].flatMap((o) => [
      new RegExp(`(?<!\\bdelete\\s{1,8})\\b${o}(?:\\?\\.|\\.)(?<name>${NAME})(?![\\w$])(?!\\s{0,8}\\()${notAssigned}`, 'g'),
      new RegExp(`(?<!\\bdelete\\s{1,8})\\b${o}(?:\\?\\.)?\\[\\s{0,40}(["'\`])(?<name>${NAME})\\1\\s{0,200}\\]${notAssigned}`, 'g'),
    ]);
    patterns.push(new RegExp(`\\bDeno\\.env\\.get\\(\\s{0,40}(["'\`])(?<name>${NAME})\\1`, 'g'));
    const vite = new Set(['DEV', 'PROD', 'MODE', 'BASE_URL', 'SSR']);
    // Read-shaped snippets (`process.env?.["X"]`, `delete Bun.env.X`, `import.meta.env.DEV = 1`) among tokens.
    const before = fc.constantFrom('', 'delete ', 'delete\t\t', 'delete         ', 'delete        ', 'xdelete ', '$delete ', 'delete\u00a0', 'x', '.', ' ', '$', '_');
    const object = fc.constantFrom('process', 'Bun', 'import.meta', 'Deno', 'globalThis.process', 'proc');
    const name = fc.constantFrom('API_URL', 'DEV', 'x', '', '1X', '_', 'A'.repeat(128), 'A'.repeat(129));
    const after = fc.constantFrom('', '"', "'", ']', '"]', "')", ' = 1', ' == 1', '(', ' ? a : b', '$', '  (', '\t=', ' =>', '=~', '         (', '        =x', ' \u2028= 1', '=');
    const member = fc.tuple(before, object, fc.constantFrom('.env.', '.env?.', '.env?', '.env'), name, after);
    const index = fc.tuple(before, object, fc.constantFrom('.env[', '.env?.[', '.env.get('), fc.constantFrom('"', "'", '`', ' "'), name, fc.constantFrom('"]', "']", '")', '"', ']'), after);
    const readLike = fc.oneof(member, index).map((parts) => parts.join(''));
    const reads = fc.array(fc.oneof(readLike, fc.constantFrom(' ', '\n', ';', '.env', 'process.env', '[', '"')), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(tokens, reads), (text) => {
        const fast: EnvRead[] = [];
        jsReads(text, fast);
        const full: string[] = [];
        for (const re of patterns) {
          for (const m of text.matchAll(re)) {
            const name = m.groups!.name;
            if (re.source.includes('import') && vite.has(name)) continue;
            const start = m.index! + m[0].lastIndexOf(name);
            full.push(`${name}@${start}`);
          }
        }
        const destructured = /\}\s{0,8}(?::\s{0,8}[\w.<>, ]{1,80}?\s{0,8})?=\s{0,8}(?:process\.env|Bun\.env|import\.meta\.env)/.test(text);
        if (destructured) return; // destructuring is read by its own pass, the same on both sides
        assert.deepEqual(fast.map((r) => `${r.name}@${r.start}`).sort(), full.sort(), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it("'{ env } = process' and imports of env from process, tried at each 'process' = the whole-text pattern", () => {
    const whole = /\{\s{0,8}env\s{0,8}\}\s{0,8}=\s{0,8}process\b|import\s{0,8}\{[^}]{0,200}\benv\b[^}]{0,200}\}\s{0,8}from\s{0,8}["'](?:node:)?process["']/;
    const parts = fc.array(
      fc.constantFrom('{', '}', ' ', '\n', 'env', 'envs', ' = ', '=', 'process', '{ env } = process', 'import { env } from ', 'process.env', 'import', 'from', '"', "'", 'node:', ', ', 'x', ';', 'const ',
        // White space runs around the 8-character limits of the lookbehind, of several kinds.
        '    ', '     ', '\t', '\u00a0', '\u2028', '\r\n'),
      { maxLength: 30 },
    ).map((p) => p.join(''));
    fc.assert(
      fc.property(parts, (text) => assert.equal(importsEnvFromProcess(text), whole.test(text), JSON.stringify(text))),
      { numRuns: 5000, seed: 7 },
    );
  });

  it('JavaScript files that mayReadEnvInJs turns away hold no read the readers find once comments are masked', () => {
    // Reads of every form, broken up and run together with comments, strings and regex literals in between.
    const parts = fc.array(
      fc.constantFrom(
        'process', 'process.env', '.env', '.env.', 'env', 'Env', 'ENV', 'environment', 'getEnv', 'env_or', 'requireEnv', 'mustGetenv', '(', ')', '("API_URL")',
        "('DB_HOST', 'x')", '"', "'", '`', 'API_URL', 'DB_HOST', '.', '?.', '[', ']', '{', '}', ' = ', '=', ':', 'node:', "'process'", '"node:process"',
        'const ', '{ env } = process', '{ env } =', 'import { env } from ', 'from ', 'require(', 'Bun', 'import.meta', 'Deno', 'e', 'const e = ', 'e.',
        '//', '/*', '*/', '// ', '/* c */', '/*', '\n', ' ', '    ', '     ', '\t', '\u00a0', '\u2028', '\r\n', '/re/', ';', ',', 'x', '$', '_',
        // Whole reads, so that many texts hold some.
        'process.env.API_URL', 'getEnv("API_URL")', 'const { API_URL } = process.env', 'const e = process.env;', '{ env } = process;', 'env.DB_HOST',
        "import { env } from 'node:process';", 'import.meta.env["DB_HOST"]',
        // `{ env } = process` with up to 8 white space characters (or a short comment) after the `=`.
        '{ env }', '{ env } ', '=  /*c*/ ', '=/*cc*/ ', '=       ', '= /*c*/', '=        ',
      ),
      { maxLength: 24 },
    ).map((p) => p.join(''));
    // `{ env } = process` then a read through the alias, with white space runs and comments around the limits.
    const gap = fc.constantFrom('', ' ', '\t', '        ', '         ', '/*c*/', '  /*c*/ ', '/*cc*/  ', '/* cc */', '//\n', '\u00a0');
    const alias = fc
      .tuple(fc.constantFrom('', 'const ', 'x;\n'), gap, gap, gap, gap, fc.constantFrom("'", '"', ':', ' ', '='), fc.constantFrom('env.API_URL', "env['DB_HOST']", 'env?.X'))
      .map(([head, a, b, c, d, before, use]) => `${head}{${a}env${b}}${c}=${d}process;\n${use}\nimport { env } from ${before}process${before};\n${use}`);
    const syntax = LEX.javascript;
    const wordScanner = new KeywordScanner(JS_READ_WORDS);
    let turnedAway = 0;
    let withEnv = 0;
    let readsFound = 0;
    fc.assert(
      fc.property(fc.oneof(parts, alias), (text) => {
        const out: EnvRead[] = [];
        const masked = maskComments(text, syntax);
        jsReads(masked, out);
        jsAliasReads(masked, out);
        helperReads(masked, out);
        if (out.length > 0) readsFound++;
        // With the keyword pass's answer for its words, the same verdict.
        const found = new Set(wordScanner.scan(text).found.map((i) => JS_READ_WORDS[i]));
        const may = mayReadEnvInJs(text);
        assert.equal(mayReadEnvInJs(text, (w) => found.has(w)), may, JSON.stringify(text));
        if (may) return;
        turnedAway++;
        if (/env/i.test(text)) withEnv++;
        assert.deepEqual(out, [], JSON.stringify(text));
      }),
      { numRuns: 8000, seed: 23 },
    );
    // Not vacuous: many texts mention env yet are turned away, and many others hold reads.
    assert.ok(turnedAway > 1000 && withEnv > 500 && readsFound > 500, `${turnedAway} turned away (${withEnv} with env), ${readsFound} with reads`);
  });

  it("the walk's child paths = path.join of the folder and the entry's name", () => {
    const segment = fc.constantFrom('a', 'src', 'node_modules', '.', '..', '', 'x y', 'é', '.git', 'back\\slash');
    const dir = fc
      .tuple(fc.constantFrom('', '/', './', '../'), fc.array(segment, { maxLength: 5 }), fc.constantFrom('', '/'))
      .map(([head, parts, tail]) => normalize(head + parts.join('/') + tail));
    const name = fc.stringMatching(/^[^/]{1,12}$/).filter((n) => n !== '.' && n !== '..');
    fc.assert(fc.property(dir, name, (d, n) => assert.equal(childPath(d, n), join(d, n), JSON.stringify([d, n]))), { numRuns: 5000, seed: 3 });
  });

  it('service locations with the keyword pass\'s words = with searches of their own', () => {
    const scanner = new KeywordScanner([...SERVICE_SCAN.words], [...SERVICE_SCAN.groups]);
    // Settings-like lines (`redis_host: "cache.internal", port: 6379`, `Server=…;Database=…`) among loose tokens.
    const setting = fc
      .tuple(
        fc.constantFrom('', 'x', '  ', 'cfg.', '{ '),
        fc.constantFrom('host', 'HOST', 'Host', 'hostname', 'redis_host', 'smtp.host', 'db-host', 'Server', 'Data Source'),
        fc.constantFrom('', '"', "'"),
        fc.constantFrom(': ', ' = ', '=', ' => ', ', '),
        fc.constantFrom('"', "'", ''),
        fc.constantFrom('redis.internal', 'db.internal', 'pg-primary.internal', 'smtp.office365.com', 'localhost', 'HOST', 'x'),
        fc.constantFrom('', ', port: 6379', ', "port": 5432', ';Database=orders;', ';Initial Catalog=app;', ' ; database=x'),
      )
      .map(([pre, name, nq, sep, q, value, tail]) => `${pre}${nq}${name}${nq}${sep}${q}${value}${q}${tail}`);
    const parts = fc
      .array(fc.oneof(setting, fc.constantFrom('\n', ' ', ';', '"', 'x', 'ho', 'st', 'DATABASE', 'initial catalog', '}')), { maxLength: 12 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(parts, (text) => {
        const r = scanner.scan(text);
        const words = { catalogEnds: r.hits[1], hostEnds: r.hits[0] };
        const key = (l: { start: number; end: number; kind: { label: string } }) => `${l.start}-${l.end}-${l.kind.label}`;
        assert.deepEqual(findServiceLocations(text, { words }).map(key), findServiceLocations(text).map(key), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 3 },
    );
  });

  it('ADO connection strings: the pattern is skipped only where it cannot match (no catalog word followed by `=`)', () => {
    // White space of every kind JavaScript's \s knows (line breaks, NBSP, U+2028, BOM) around `=`, catalog words in any case.
    const ws = fc.constantFrom('', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', '\u3000', '\v');
    const conn = fc
      .tuple(fc.constantFrom('Server', 'Data Source', 'HOST', 'addr', 'Address', 'x'), ws, fc.constantFrom('=', '=', '=', ':'), ws,
        fc.constantFrom('db.internal', 'tcp:sql.internal,1433', '(localdb)\\x', 'a;b', "a'b", ''), fc.constantFrom(';', ';', ''),
        fc.constantFrom('', '', 'User Id=sa;', 'x"y;', 'x'.repeat(501)), fc.constantFrom('Database', 'DATABASE', 'Initial Catalog', 'initial catalog', 'Initial  Catalog', 'Databases', 'database_'),
        ws, fc.constantFrom('=', '=', '==', ':'), fc.constantFrom('orders;', ''))
      .map((p) => p.join(''));
    const text = fc.array(fc.oneof({ arbitrary: conn, weight: 3 }, fc.constantFrom('\n', ' ', ';', '"', 'x', 'database', '=', 'Server=')), { maxLength: 6 }).map((p) => p.join(''));
    let matched = 0;
    fc.assert(
      fc.property(text, (t) => {
        const scanner = new KeywordScanner([...SERVICE_SCAN.words], [...SERVICE_SCAN.groups]);
        const ends = scanner.scan(t).hits[1];
        assert.deepEqual(ends, catalogEndsIn(t), JSON.stringify(t));
        const matches = [...t.matchAll(ADO)].length;
        if (matches > 0) {
          matched++;
          assert.ok(adoMayMatch(t, ends), JSON.stringify(t));
        }
      }),
      { numRuns: 5000, seed: 20261126 },
    );
    assert.ok(matched > 500, `${matched} texts with an ADO match`);
  });

  it('service patterns tried only where their lookbehinds allow a start = scanned over the whole text', () => {
    // Control characters too: a lone CR (old Mac line ends), and ones that a case-folding trick would take for `-`, `.` or a digit.
    const pre = fc.constantFrom('', ' ', 'x', 'x.', 'x-', '_', '"', "'", '(', ':', '/', '@', 'x'.repeat(45), 'x\r', 'x\u000e', 'x\u0010', '\r\n');
    const url = fc
      .tuple(pre, fc.constantFrom('postgres', 'mongodb+srv', 'redis', 'smtps', 'Mysql', 'http', 'foo'), fc.constantFrom('', '+tls', '+x9'), fc.constantFrom('', 'user:pw@', 'u@'), fc.constantFrom('db.internal', 'localhost', 'HOST'), fc.constantFrom('', ':5432', '/db'))
      .map(([a, b, c, d, e, f]) => `${a}${b}${c}://${d}${e}${f}`);
    const hostPort = fc
      .tuple(pre, fc.constantFrom('db.internal', 'smtp.mail.com', 'mail', 'email-smtp.x', '10.0.0.1', 'a-b', '.x', 'x'.repeat(260)), fc.constantFrom(':5432', ':6379', ':587', ':25', ':2525', ':99999', ':12'))
      .map(([a, b, c]) => `${a}${b}${c}`);
    const setting = fc
      .tuple(pre, fc.constantFrom('', '"', "'"), fc.constantFrom('host', 'HOST', 'Hostname', 'redis_host', 'db-host', 'x.host', 'a-b.c_host', `${'y'.repeat(61)}_host`, `${'y'.repeat(58)}_host`), fc.constantFrom(' = ', ': ', '=>', ', ', ':'), fc.constantFrom('"', "'"), fc.constantFrom('cache.internal', 'x'))
      .map(([a, q, name, sep, q2, value]) => `${a}${q}${name}${q}${sep}${q2}${value}${q2}`);
    const text = fc.array(fc.oneof(url, hostPort, setting, fc.constantFrom(' ', '\n', '-', '.', ':')), { maxLength: 6 }).map((p) => p.join(''));
    const spans = (ms: Iterable<RegExpMatchArray>) => [...ms].filter((m) => m[0].length > 0).map((m) => `${m.index}:${m[0]}`);
    let matched = 0;
    fc.assert(
      fc.property(text, (t) => {
        const { schemeSeps, longPorts, shortPorts } = colonAnchors(t);
        const hosts = [...t.matchAll(/host/gi)].map((m) => m.index);
        const cases: [RegExp, [number, number][]][] = [
          [SCHEME_URL, schemeStarts(t, schemeSeps)],
          [HOST_PORT, hostStarts(t, longPorts, 251)],
          [SMTP_HOST_PORT, hostStarts(t, shortPorts, 211)],
          [HOST_SETTING, hostSettingStarts(t, hosts)],
        ];
        for (const [re, starts] of cases) {
          const whole = spans(t.matchAll(re));
          matched += whole.length;
          assert.deepEqual(spans(anchoredMatches(t, re, starts)), whole, `${re.source.slice(0, 30)} in ${JSON.stringify(t)}`);
        }
      }),
      { numRuns: 4000, seed: 31 },
    );
    assert.ok(matched > 1500, `only ${matched} matches generated`);
  });

  it('port patterns run only when their words occur, and only where they can start = every pattern scanned everywhere', () => {
    const scanner = new KeywordScanner([...PORT_WORDS], portRule.scan!.groups);
    const site = fc
      .tuple(
        fc.constantFrom('app', 'server', 'Bun', '', 'x.y', 'new ', 'new\u00a0', 'new a.', 'new a.b.', 'x = new  http.', 'renew ', 'ob'),
        fc.constantFrom('.listen(', '.serve(', 'serve(', '.listen\t(', '.serve (', 'serve  ({', 'Server(', 'WebSocketServer (', 'MyServer', 'server(',
          ' = new WebSocketServer(', ' = new http.Server(', ".set('port', ", '.set("port", ', '.start(', 'observe('),
        fc.constantFrom('3000', '{ port: 8080 }', 'PORT', '{ port }', '5', '', '{port:4000}'),
        fc.constantFrom(')', ');', ' )', ''),
      )
      .map((p) => p.join(''));
    const text = fc.array(fc.oneof(site, fc.constantFrom('\n', 'const PORT = 3000;\n', 'const port = 4000;\n', ' ', 'LISTEN', 'Serve')), { maxLength: 6 }).map((p) => p.join(''));
    let reported = 0;
    fc.assert(
      fc.property(text, (t) => {
        const r = scanner.scan(t);
        const found = new Set(r.found.map((i) => PORT_WORDS[i]));
        const key = (s: { start: number; end: number; port: number; what: string }) => `${s.start}-${s.end}-${s.port}-${s.what}`;
        const input = { text: t, language: 'javascript' as const, path: '/p/app.js' };
        const all = JS_PORTS.find(input).map(key);
        reported += all.length;
        assert.deepEqual(JS_PORTS.find({ ...input, occurs: (w) => found.has(w), ends: { listenOrServe: r.hits[0], server: r.hits[1] } }).map(key), all, JSON.stringify(t));
      }),
      { numRuns: 3000, seed: 9 },
    );
    assert.ok(reported > 500, `only ${reported} ports generated`);
  });

  it("the log rule's keyword answers from the engine's pass = its own case-insensitive searches", () => {
    const engine = new Engine([logRule]);
    const site = fc.constantFrom(
      'new winston.transports.File({ filename: "app.log" })', 'new DailyRotateFile({ filename: "x.log" })', 'pino.destination("./app.log")',
      'fs.createWriteStream("out.log")', 'fs.appendFileSync("a.log", s)', 'logging.FileHandler("x.log")', 'logging.basicConfig(filename="a.log")',
      'log4js.configure({ appenders: { f: { type: "file", filename: "a.log" } } })', 'bunyan.createLogger({ streams: [{ path: "/var/log/a.log" }] })',
      'logger.add(new RotatingFileHandler("x.log"))', 'os.OpenFile("app.log", os.O_CREATE, 0644)', 'node app.js > app.log', '"scripts": { "start": "node a.js >> out.log" }',
      'w := &lumberjack.Logger{Filename: "a.log"}', 'cfg.OutputPaths = []string{"app.log"}', '"outputPaths": ["x.log"]',
      'TRANSPORTS.FILE', 'Pino', 'LOG4JS', 'createWriteStream', 'logging:\n  file:\n    name: app.log', 'Serilog.WriteTo.File("log.txt")',
    );
    const noise = fc.constantFrom('\n', ' ', ';', 'K', 'İ', 'É', 'log', 'file', 'append', 'x');
    const text = fc.array(fc.oneof(site, noise), { maxLength: 8 }).map((p) => p.join(''));
    const paths = fc.constantFrom('/p/src/app.js', '/p/app.py', '/p/main.go', '/p/config.yaml', '/p/package.json', '/p/run.sh', '/p/App.cs', '/p/log4j.properties');
    let reported = 0;
    fc.assert(
      fc.property(text, paths, (t, path) => {
        const file = { path, text: t, language: languageOf(path) };
        const shared = engine.check(file, facts).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message}`);
        const alone = logRule.detect({ file, facts, lines: lineIndex(t) }).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message}`);
        reported += alone.length;
        assert.deepEqual(shared, alone, JSON.stringify(t));
      }),
      { numRuns: 3000, seed: 17 },
    );
    assert.ok(reported > 300, `only ${reported} findings generated`);
  });

  it('confirming a match by scanning its line only as far as asked = by scanning the whole line', () => {
    const patterns = [/"[^"\n]*"\s*,\s*"[^"\n]*"/g, /\w+=\w*/g, /(?<=\s)x?/g, /\n?x/g, new RegExp(CREDENTIAL_PAIR.source, 'g')];
    const text = fc.array(fc.constantFrom('"a"', '"b", "c"', ', ', ' ', 'k=v', 'k=', '\n', 'x', ' x', 'auth("u", "s3cr3t")', '"'), { maxLength: 25 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), (t, asks) => {
        const scans = new LineScans(t);
        for (const [k, re] of patterns.entries()) {
          for (const n of asks) {
            const at = t.length === 0 ? 0 : (n * (k + 1)) % t.length;
            const ls = at > 0 ? t.lastIndexOf('\n', at - 1) + 1 : 0;
            const le = t.indexOf('\n', at) < 0 ? t.length : t.indexOf('\n', at);
            const whole = new Set([...matchesOnLines(re, t, [ls, le])].map((m) => m.index));
            assert.equal(scans.finds(re, at), whole.has(at), `${re} at ${at} in ${JSON.stringify(t)}`);
          }
        }
      }),
      { numRuns: 3000, seed: 29 },
    );
  });

  it('a line holding a user/password pair always passes the pair pattern\'s line gate', () => {
    const pair = fc
      .tuple(
        fc.constantFrom('auth', 'HTTPBasicAuth', 'getConnection', 'basic', 'NetworkCredential', 'authx', 'Auth'),
        fc.constantFrom('(', ' = ', '=(', ' (', '.'),
        fc.constantFrom('', 'url, ', '(', 'cfg.url,  '),
        fc.constantFrom('"', "'"),
        fc.constantFrom('admin', 'user'),
        fc.constantFrom('"', "'"),
        fc.constantFrom(',', ' , ', ',\t', ', Some(', ' ,'),
        fc.constantFrom('"', "'"),
        fc.constantFrom('s3cr3t-P4ss', 'x'),
        fc.constantFrom('"', "'"),
        fc.constantFrom(')', ''),
      )
      .map((p) => p.join(''));
    const text = fc.array(fc.oneof(pair, fc.constantFrom('\n', ' ', '"', ',', "'", 'x')), { maxLength: 6 }).map((p) => p.join(''));
    let matched = 0;
    fc.assert(
      fc.property(text, (t) => {
        for (const m of t.matchAll(new RegExp(CREDENTIAL_PAIR.source, 'g'))) {
          matched++;
          const line = t.slice(t.lastIndexOf('\n', m.index) + 1, (t.indexOf('\n', m.index) + 1 || t.length + 1) - 1);
          assert.ok(QUOTE_COMMA_QUOTE.test(line), JSON.stringify(line));
        }
      }),
      { numRuns: 3000, seed: 13 },
    );
    assert.ok(matched > 500, `only ${matched} pairs generated`);
  });

  it('comment masking keeps every offset and line break and only blanks', () => {
    const text = fc
      .array(fc.constantFrom('//', '/*', '*/', '#', '"', "'", '`', '\\', '\n', '\r', ' ', 'x', '/', '"""', "'''", 'f', '=', '(', 'return', '<!--', '-->'), { maxLength: 40 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(...(Object.keys(LEX) as (keyof typeof LEX)[])), (t, lang) => {
        const masked = maskComments(t, LEX[lang]);
        assert.equal(masked.length, t.length);
        for (let i = 0; i < t.length; i++) {
          const c = t[i];
          if (c === '\n' || c === '\r') assert.equal(masked[i], c, `line break at ${i}`);
          else assert.ok(masked[i] === c || masked[i] === ' ', `${JSON.stringify(t)} at ${i}`);
        }
      }),
      { numRuns: 3000, seed: 37 },
    );
  });

  it('positions looked up near the last one asked = positions found by a search from the start', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', '\n', '\r\n', '\r', '\n\n', 'xyz'), { maxLength: 30 }).map((p) => p.join(''));
    const naive = (t: string, offset: number) => {
      const o = Math.max(0, Math.min(offset, t.length));
      let line = 0;
      let start = 0;
      for (let i = 0; i < o; i++) {
        const c = t[i];
        if (c === '\n' || (c === '\r' && t[i + 1] !== '\n')) {
          line++;
          start = i + 1;
        }
      }
      return { line, character: o - start };
    };
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: -2, max: 70 }), { maxLength: 20 }), (t, offsets) => {
        const lines = lineIndex(t);
        for (const o of [...offsets, ...[...offsets].sort((a, b) => a - b)]) assert.deepEqual(lines.positionAt(o), naive(t, o), `${JSON.stringify(t)} at ${o}`);
      }),
      { numRuns: 3000, seed: 41 },
    );
  });

  it('the minified-line test that skips ahead = one that looks at every line', () => {
    const naive = (text: string): boolean =>
      text.split('\n').some((line) => line.length > 1000 && line.split('').filter((c) => c === ' ').length / line.length < 0.05);
    // Lines of random lengths around the 1,000-character limit, dense or sparse in spaces.
    const line = fc.tuple(fc.oneof(fc.constantFrom(0, 1, 999, 1000, 1001), fc.integer({ min: 0, max: 1300 })), fc.constantFrom(0, 0.03, 0.049, 0.051, 0.2)).map(([n, density]) => {
      const every = density === 0 ? 0 : Math.round(1 / density);
      return Array.from({ length: n }, (_, i) => (every > 0 && i % every === every - 1 ? ' ' : 'x')).join('');
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        assert.equal(hasMinifiedLine(text), naive(text), lines.map((l) => l.length).join(','));
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('an ASCII class table answers as its test does for every code, and refuses a test that passes a non-ASCII one', () => {
    const isNameChar = (c: number) => isWordChar(c) || c === 36 || c === 46 || c === 64 || c === 45;
    const table = asciiClass(isNameChar);
    for (const c of [-1, NaN, 0x10000, ...Array.from({ length: 0x10000 }, (_, i) => i)]) assert.equal(inClass(table, c), isNameChar(c), String(c));
    assert.throws(() => asciiClass((c) => c === 0xa0), /not ASCII/);
  });

  it('codeAt = charCodeAt inside the text, and -1 (no character test passes) outside it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.integer({ min: -3, max: 11 }), (text, i) => {
        const inside = i >= 0 && i < text.length;
        assert.equal(codeAt(text, i), inside ? text.charCodeAt(i) : -1);
        if (!inside) assert.equal(isWordChar(codeAt(text, i)), isWordChar(text.charCodeAt(i)));
      }),
      { numRuns: 500, seed: 9 },
    );
  });
});

describe('one keyword pass for every rule', () => {
  it('hands each rule the hits of the words it asked for, in its own numbering', () => {
    let seen: unknown;
    const probe: Rule = defineRule({
      id: 'config/probe-scan',
      factor: 3,
      title: 'Probe',
      description: 'test rule',
      defaultSeverity: 'warning',
      keywords: ['needle'],
      scan: { words: ['ab', 'needle', 'cd'], groups: [1, 0, 2] },
      detect(ctx) {
        seen = ctx.scan;
        return [];
      },
    });
    const other: Rule = defineRule({
      id: 'config/probe-other',
      factor: 3,
      title: 'Other',
      description: 'test rule',
      defaultSeverity: 'warning',
      keywords: ['zz'],
      scan: { words: ['cd', 'zz'], groups: [1, 1] },
      detect: () => [],
    });
    const engine = new Engine([other, probe]);
    const text = 'x AB y\nneedle\ncd ab\nnothing\n';
    engine.check({ path: '/a.js', text, language: 'javascript' }, facts);
    assert.deepEqual(seen, {
      found: [0, 1, 2],
      hits: [[3, 18], [15]],
    });
  });

  it('agrees with a search for each word on random text (which occur, and where each of a group ends)', () => {
    const words = ['ab', 'bab', 'abc', 'ca', '--', '://', 'xa'];
    const groups = [1, 2, 1, 0, 2, 1, 3];
    const scanner = new KeywordScanner(words, groups);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'A', '-', ':', '/', '\n', 'x'), { maxLength: 50 }).map((p) => p.join('')), (text) => {
        const r = scanner.scan(text);
        const lower = text.toLowerCase();
        for (let g = 0; g < 2; g++) {
          const hits: number[] = [];
          for (let i = 0; i < lower.length; i++) {
            const ends = words.some((w, k) => (groups[k] & (1 << g)) !== 0 && i - w.length + 1 >= 0 && lower.startsWith(w, i - w.length + 1));
            if (ends) hits.push(i);
          }
          assert.deepEqual(r.hits[g], hits, JSON.stringify(text));
        }
        const found = words.map((w, k) => (lower.includes(w) ? k : -1)).filter((k) => k >= 0);
        assert.deepEqual([...r.found].sort(), found, JSON.stringify(text));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('re-scanning only the changed lines of an edited text = scanning it whole, edit after edit', () => {
    const words = ['ab', 'bab', 'abc', 'ca', '--', '://'];
    const groups = [1, 2, 1, 0, 2, 1];
    const lines = new KeywordScanner(words, groups);
    const piece = fc.array(fc.constantFrom('a', 'b', 'c', 'A', '-', ':', '/', '\n', 'x', 'ab', '\nab'), { maxLength: 12 }).map((p) => p.join(''));
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 8 }), piece);
    fc.assert(
      fc.property(piece.chain((p) => fc.constant(p.repeat(3))), fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let text = start;
        let events = lines.rescan(undefined, text).events;
        for (const [at, removed, inserted] of edits) {
          const i = text.length === 0 ? 0 : at % (text.length + 1);
          text = text.slice(0, i) + inserted + text.slice(i + removed);
          const again = lines.rescan(events, text);
          assert.deepEqual(again.result, lines.scan(text), JSON.stringify({ text, edits }));
          events = again.events;
        }
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('the engine re-checking an edited large file finds what a fresh engine finds', () => {
    const base = Array.from({ length: 2500 }, (_, i) =>
      i % 7 === 0 ? `const key${i} = process.env.API_KEY_${i % 5} ?? 'sk_live_4eC39HqLyjWDarjtT1zdp7d${i % 10}';` : `app.get('/items/${i}', (req, res) => res.json({ value: ${i} }));`,
    ).join('\n');
    const edits = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom('', 'x', '\n', 'process.env.NEW_VAR ', "password = 'hunter2hunter2x'\n", '// ', 'ab\ncd')), { minLength: 1, maxLength: 5 });
    const incremental = defaultEngine();
    fc.assert(
      fc.property(edits, (list) => {
        let text = base;
        incremental.check({ path: '/p/big.js', text, language: 'javascript' }, facts);
        for (const [at, removed, inserted] of list) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + inserted + text.slice(i + removed);
          const got = incremental.check({ path: '/p/big.js', text, language: 'javascript' }, facts);
          const fresh = new Engine(defaultEngine().rules).check({ path: '/p/big.js', text, language: 'javascript' }, facts);
          assert.deepEqual(got, fresh);
        }
      }),
      { numRuns: 60, seed: 23 },
    );
  });
});
