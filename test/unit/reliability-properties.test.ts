import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseProjectConfig } from '../../server/src/config';
import { appendKeysFix, defaultEngine, lineIndex, parseEnvExample, type ProjectFacts } from '../../server/src/core';
import { FACTS, LANGUAGE_PATHS } from './helpers/adversarial';

/** Promise 2: bad input never crashes a detector, and every finding's range lies inside the document. */

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 200 }),
  fc.array(
    fc.constantFrom(
      '"', "'", '`', '\\', '=', ':', '\n', '\r\n', '\r', '\u0000', '{', '}', '[', ']', '${', '#', '//', '/*', '*/', '<!--',
      'password', 'secret', 'token', 'sk_live_', 'ghp_', 'AKIA', 'process.env.', 'os.environ[', 'postgres://u:p@h',
      'FileHandler(', 'transports.File(', 'listen(', ' ', 'a1B2c3D4e5F6g7H8', '\uFFFD', '\uD800', 'é',
    ),
    { maxLength: 120 },
  ).map((parts) => parts.join('')),
);

function assertRangesInside(text: string, findings: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) {
  const idx = lineIndex(text);
  for (const f of findings) {
    const { start, end } = f.range;
    assert.ok(start.line >= 0 && start.line < idx.lineCount, `start line ${start.line} of ${idx.lineCount}`);
    assert.ok(end.line >= start.line && end.line < idx.lineCount, `end line ${end.line}`);
    assert.ok(start.character >= 0 && start.character <= idx.lineText(start.line).length, 'start character inside its line');
    assert.ok(end.character >= 0 && end.character <= idx.lineText(end.line).length, 'end character inside its line');
    assert.ok(end.line > start.line || end.character >= start.character, 'range not inverted');
  }
}

describe('property: detectors never throw and report ranges inside the document', () => {
  const engine = defaultEngine();
  it('on random and malformed text in every file kind', () => {
    fc.assert(
      fc.property(nasty, fc.constantFrom(...LANGUAGE_PATHS), (text, { path, language }) => {
        // The engine swallows rule errors by design; probe each rule directly so a throw fails the property.
        for (const rule of engine.rules) {
          if (rule.meta.languages && !rule.meta.languages.includes(language)) continue;
          const found = rule.detect({ file: { path: `/ws/${path}`, text, language }, facts: FACTS, lines: lineIndex(text) });
          assertRangesInside(text, found);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the project config parser turns any text into a config and positioned errors, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(nasty, fc.constantFrom('rules: [', 'ignore: {', 'accepted:\n  - rule: 1', ':\n:', 'rules:\n  x/y: loud', '- - -', '{{', '\t\trules:')), (text) => {
        const { config, errors } = parseProjectConfig(text);
        assert.ok(Array.isArray(config.ignore) && Array.isArray(config.accepted));
        for (const e of errors) {
          assert.equal(typeof e.message, 'string');
          if (e.line !== undefined) assert.ok(e.line >= 1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a 50 MB file: the CLI skips it with one line, the walk and the scan carry on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfl-big-'));
    try {
      writeFileSync(join(dir, 'huge.js'), 'const x = "a";\n'.repeat(Math.ceil(50_000_000 / 15)));
      writeFileSync(join(dir, 'small.py'), 'import os\nx = os.environ["NOT_DECLARED"]\n');
      const r = spawnSync('node', [join(__dirname, '..', '..', 'dist', 'cli.js'), 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr.split('\n').filter((l) => l.includes('huge.js')).length, 1, r.stderr);
      assert.match(r.stderr, /huge\.js: larger than/);
      assert.deepEqual(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file), ['small.py']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parseEnvExample accepts any text', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const facts = parseEnvExample('/ws/.env.example', text);
        for (const [, decl] of facts.keys) assert.ok(decl.line >= 0 && decl.line < lineIndex(text).lineCount);
      }),
      { numRuns: 400 },
    );
  });
});

describe('property: adding keys to an env example file loses nothing', () => {
  const existing = fc.array(
    fc.oneof(
      fc.constantFrom('# comment', '', 'export A=1', 'B="multi\nline"', "C='q'", 'D=dup', 'D=dup2', '  E = spaced ', 'F'),
      fc.string({ maxLength: 30 }).filter((s) => !/[\r\n]/.test(s)),
    ),
    { maxLength: 12 },
  );
  const style = fc.record({ eol: fc.constantFrom('\n', '\r\n'), finalNewline: fc.boolean(), bom: fc.boolean() });

  it('keeps every existing byte, declares the keys, and a second run adds nothing', () => {
    fc.assert(
      fc.property(existing, style, fc.uniqueArray(fc.constantFrom('NEW_ONE', 'NEW_TWO', 'API_URL'), { minLength: 1, maxLength: 3 }), (lines, s, names) => {
        let text = (s.bom ? '\uFEFF' : '') + lines.join(s.eol) + (s.finalNewline && lines.length > 0 ? s.eol : '');
        const path = '/ws/.env.example';
        const facts: ProjectFacts = { ...FACTS, envExample: parseEnvExample(path, text) };
        const missing = names.filter((n) => !facts.envExample!.keys.has(n));
        if (missing.length === 0) return;
        const fix = appendKeysFix(missing, facts, path);
        assert.equal(fix.edits.length, 1);
        const e = fix.edits[0];
        const idx = lineIndex(text);
        const at = idx.offsetAt(e.range.start);
        assert.equal(at, text.length, 'the edit appends at the very end');
        const after = text.slice(0, at) + e.newText + text.slice(idx.offsetAt(e.range.end));
        assert.ok(after.startsWith(text), 'existing content kept byte for byte');
        const lastBreak = text.lastIndexOf('\n');
        const crlf = lastBreak > 0 && text[lastBreak - 1] === '\r';
        assert.ok(crlf ? !/(?<!\r)\n/.test(e.newText) : !e.newText.includes('\r'), 'new lines follow the line ending at the end of the file');
        const reparsed = parseEnvExample(path, after);
        for (const n of missing) assert.ok(reparsed.keys.has(n), `${n} declared after the fix`);
        text = after;
        assert.deepEqual(missing.filter((n) => !reparsed.keys.has(n)), [], 'idempotent: nothing left to add');
      }),
      { numRuns: 500 },
    );
  });
});
