import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultEngine, Engine, languageOf, lineIndex, mask, PLATFORM_VARIABLES, redactAll, type ProjectFacts, type Rule } from '../../server/src/core';
import { applyIgnores } from '../../server/src/core/ignores';
import { KeywordScanner } from '../../server/src/core/prefilter';
import { defineRule, githubSlug } from '../../server/src/core/rule';

const facts: ProjectFacts = { platformVariables: new Set(PLATFORM_VARIABLES) };

describe('keyword prefilter (Aho-Corasick)', () => {
  it('finds every keyword that occurs, case-insensitively, overlapping ones included', () => {
    const m = new KeywordScanner(['he', 'she', 'his', 'hers', 'sk_live_', 'akia'], [0, 0, 0, 0, 0, 0]);
    assert.deepEqual([...m.scan('uSHErs').found].sort(), [0, 1, 3]);
    assert.deepEqual([...m.scan('const k = "SK_LIVE_x" // AKIA').found].sort(), [4, 5]);
    assert.deepEqual([...m.scan('nothing to see').found], []);
  });

  it('agrees with a naive search on random text', () => {
    const words = ['ab', 'bab', 'abc', 'ca', 'aa', 'cab'];
    const m = new KeywordScanner(words, words.map(() => 0));
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => 'abcAB'[Math.floor(rnd() * 5)]).join('');
      const naive = words.map((w, i) => (text.toLowerCase().includes(w) ? i : -1)).filter((i) => i >= 0);
      assert.deepEqual([...m.scan(text).found].sort(), naive, text);
    }
  });
});

describe('engine', () => {
  let calls = 0;
  const probe: Rule = defineRule({
    id: 'config/probe',
    factor: 3,
    title: 'Probe',
    description: 'test rule',
    defaultSeverity: 'warning',
    keywords: ['needle'],
    languages: ['javascript'],
    detect({ file, lines }) {
      calls++;
      const i = file.text.indexOf('needle');
      return i < 0 ? [] : [{ ruleId: 'config/probe', range: { start: lines.positionAt(i), end: lines.positionAt(i + 6) }, message: 'found' }];
    },
  });
  const engine = new Engine([probe]);

  it('runs a rule only when one of its keywords occurs and the language applies', () => {
    calls = 0;
    engine.check({ path: 'a.js', text: 'no match here', language: 'javascript' }, facts);
    engine.check({ path: 'a.py', text: 'needle', language: 'python' }, facts);
    assert.equal(calls, 0);
    const found = engine.check({ path: 'a.js', text: 'x\n  NEEDLE needle', language: 'javascript' }, facts);
    assert.equal(calls, 1);
    assert.deepEqual(found.map((f) => [f.range.start, f.severity, f.factor]), [[{ line: 1, character: 9 }, 'warning', 3]]);
  });

  it('applies severity settings and turns rules off', () => {
    const file = { path: 'a.js', text: 'needle', language: 'javascript' as const };
    assert.equal(engine.check(file, facts, { severities: { 'config/probe': 'error' } })[0].severity, 'error');
    assert.deepEqual(engine.check(file, facts, { severities: { 'config/probe': 'off' } }), []);
  });

  it('a throwing rule does not break the check', () => {
    const bad = defineRule({ id: 'config/bad', factor: 3, title: 'b', description: 'b', defaultSeverity: 'error', detect: () => { throw new Error('boom'); } });
    assert.deepEqual(new Engine([bad, probe]).check({ path: 'a.js', text: 'needle', language: 'javascript' }, facts).map((f) => f.ruleId), ['config/probe']);
  });

  it('type declaration files get the secret check only: the rules about running code skip them', () => {
    const text = [
      "const key = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';",
      'const url = process.env.API_BASE_URL;',
      "const db = 'postgres://app:app@db.internal:5432/orders';",
      'app.listen(3000);',
      "const stream = fs.createWriteStream('/var/log/app/app.log');",
    ].join('\n');
    const ids = (path: string) => [...new Set(defaultEngine().check({ path, text, language: 'typescript' }, facts).map((f) => f.ruleId))].sort();
    const runtime = defaultEngine().rules.filter((r) => r.meta.runtimeCode).map((r) => r.meta.id).sort();
    assert.deepEqual(runtime, ['backing-services/hardcoded-url', 'config/env-missing-from-example', 'logs/log-to-file', 'port-binding/hardcoded-port']);
    assert.deepEqual(ids('/p/src/app.ts'), [...runtime, 'config/hardcoded-secret'].sort());
    for (const path of ['/p/types/app.d.ts', '/p/types/app.d.mts', '/p/types/app.d.cts']) assert.deepEqual(ids(path), ['config/hardcoded-secret'], path);
  });
});

describe('inline ignores', () => {
  const finding = (line: number, ruleId = 'config/hardcoded-secret') => ({ ruleId, range: { start: { line, character: 0 }, end: { line, character: 1 } }, message: '' });
  const run = (text: string, language: Parameters<typeof applyIgnores>[1], lines: number[], ruleId?: string) =>
    applyIgnores(text, language, lineIndex(text), lines.map((l) => finding(l, ruleId))).map((f) => f.range.start.line);

  it('next-line and same-line directives in each comment syntax', () => {
    assert.deepEqual(run('// twelve-factor-ignore-next-line config/hardcoded-secret\nx\ny', 'javascript', [1, 2]), [2]);
    assert.deepEqual(run('x # twelve-factor-ignore config/hardcoded-secret\ny', 'python', [0, 1]), [1]);
    assert.deepEqual(run('<!-- twelve-factor-ignore-next-line config/hardcoded-secret -->\n<a/>', 'xml', [1]), []);
    assert.deepEqual(run('; twelve-factor-ignore-next-line config/hardcoded-secret\nk=v', 'ini', [1]), []);
  });

  it('only the listed rules, several ids, or all rules without an id', () => {
    assert.deepEqual(run('// twelve-factor-ignore-next-line logs/log-to-file\nx', 'javascript', [1]), [1]);
    assert.deepEqual(run('// twelve-factor-ignore-next-line logs/log-to-file, config/hardcoded-secret\nx', 'javascript', [1]), []);
    assert.deepEqual(run('// twelve-factor-ignore-next-line\nx', 'javascript', [1]), []);
  });

  it('the engine honours directives, and only written as directives (the keyword pass finds them in any case)', () => {
    const engine = defaultEngine();
    const secret = "const apiKey = 'Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0';";
    const ids = (text: string) => engine.check({ path: '/p/src/app.js', text, language: 'javascript' }, facts).map((f) => `${f.range.start.line}:${f.ruleId}`);
    assert.deepEqual(ids(secret), ['0:config/hardcoded-secret']);
    assert.deepEqual(ids(`// twelve-factor-ignore-next-line config/hardcoded-secret\n${secret}`), []);
    assert.deepEqual(ids(`${secret} // twelve-factor-ignore`), []);
    assert.deepEqual(ids(`// twelve-factor-ignore-file\nx\n${secret}`), []);
    assert.deepEqual(ids(`// TWELVE-FACTOR-IGNORE-NEXT-LINE\n${secret}`), ['1:config/hardcoded-secret']);
  });

  it('file-wide directive', () => {
    assert.deepEqual(run('# twelve-factor-ignore-file config/hardcoded-secret\na\nb', 'yaml', [1, 2]), []);
    assert.deepEqual(run('# twelve-factor-ignore-file logs/log-to-file\na', 'yaml', [1]), [1]);
  });

  it('a directive inside a string is not a comment in languages where # is not a comment', () => {
    assert.deepEqual(run('const s = "# twelve-factor-ignore config/hardcoded-secret";', 'javascript', [0]), [0]);
  });
});

describe('masking', () => {
  it('never shows more than a quarter of a value, and at most 8 characters', () => {
    for (const v of ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'hunter2hunter2', 'abcdefgh', 'ghp_0123456789abcdefghijABCDEFGHIJ012345']) {
      const m = mask(v);
      assert.ok(m.endsWith('…'));
      const shown = m.slice(0, -1);
      assert.ok(v.startsWith(shown));
      assert.ok(shown.length <= Math.max(1, Math.floor(v.length / 4)) && shown.length <= 8, `${m} for length ${v.length}`);
    }
    assert.equal(mask('abc'), '…');
  });

  it('redactAll replaces every occurrence', () => {
    assert.equal(redactAll('a=s3cr3tvalue b=s3cr3tvalue', ['s3cr3tvalue']), 'a=s3…  b=s3…'.replace('  ', ' '));
  });
});

describe('languages and text', () => {
  it('detects file kinds by name', () => {
    const cases: [string, string][] = [
      ['src/app.ts', 'typescript'], ['a/b.py', 'python'], ['.env', 'dotenv'], ['.env.example', 'dotenv'],
      ['prod.env', 'dotenv'], ['Dockerfile', 'dockerfile'], ['Dockerfile.prod', 'dockerfile'], ['Procfile', 'procfile'],
      ['application.properties', 'properties'], ['docker-compose.yml', 'yaml'], ['README', 'plaintext'],
    ];
    for (const [p, lang] of cases) assert.equal(languageOf(p), lang, p);
    assert.equal(languageOf('untitled', 'python'), 'python');
  });

  it('line index handles LF, CRLF and lone CR', () => {
    const idx = lineIndex('a\r\nbc\rd\ne');
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.positionAt(3), { line: 1, character: 0 });
    assert.equal(idx.lineText(1), 'bc');
    assert.equal(idx.offsetAt({ line: 2, character: 0 }), 6);
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 1);
  });

  it('github slugs match README anchors', () => {
    assert.equal(githubSlug('config/hardcoded-secret'), 'confighardcoded-secret');
  });
});
