import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ignore from 'ignore';
import { lineIndex } from '../../server/src/core';
import { parseDotenv } from '../../server/src/core/env/example';
import { computeExtract, type ExtractRequest, type ExtractResult } from '../../server/src/core/extract';

/**
 * Promise 5: no data lost by a fix. "Extract to environment variable" on random existing side files (.env.example,
 * .env, .gitignore with CRLF, BOM, no final newline, comments, duplicate keys, `export` lines, quoted multi-line
 * values): every existing byte is kept, the new lines mean what they should, a second extraction of the same
 * value adds nothing, and a secret is never written into a file git tracks.
 */

const line = fc.oneof(
  fc.constantFrom('# comment', '', 'export A=1', 'B="multi\nline"', "C='q'", 'D=dup', 'D=dup2', '  E = spaced ', 'node_modules/', '*.log', '!keep.env'),
  fc.string({ maxLength: 24 }).filter((s) => !/[\r\n]/.test(s)),
);
const fileText = fc
  .record({ lines: fc.array(line, { maxLength: 8 }), eol: fc.constantFrom('\n', '\r\n'), final: fc.boolean(), bom: fc.boolean(), exists: fc.boolean() })
  .map((f) => (f.exists ? (f.bom ? '\uFEFF' : '') + f.lines.join(f.eol) + (f.final && f.lines.length > 0 ? f.eol : '') : undefined));
const secret = fc.stringMatching(/^[A-Za-z0-9]{12}[!#$%&*+=?@^_~-]{1,3}[A-Za-z0-9]{8}$/);

function apply(text: string | undefined, result: ExtractResult, path: string): string | undefined {
  const change = result.changes.find((c) => c.path === path);
  if (!change) return text;
  let out = text ?? '';
  const idx = lineIndex(out);
  const edits = change.edits.map((e) => ({ s: idx.offsetAt(e.range.start), t: idx.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => b.s - a.s);
  for (const e of edits) out = out.slice(0, e.s) + e.newText + out.slice(e.t);
  return out;
}

function request(code: string, value: string, sides: { example?: string; dotenv?: string; gitignore?: string }, git: { ignored?: boolean; tracked?: boolean }): ExtractRequest {
  const start = code.indexOf(value);
  return {
    file: { path: '/ws/src/app.js', text: code, language: 'javascript' },
    start,
    end: start + value.length,
    origin: 'secret',
    nameHint: 'apiKey',
    example: { path: '/ws/.env.example', text: sides.example },
    dotenv: { path: '/ws/.env', text: sides.dotenv },
    dotenvIgnored: git.ignored,
    dotenvTracked: git.tracked,
    gitignore: { path: '/ws/.gitignore', text: sides.gitignore },
  };
}

describe('property: extract to env var keeps every byte of the side files and never leaks a secret into git', () => {
  it('on random .env.example, .env and .gitignore contents', () => {
    fc.assert(
      fc.property(fileText, fileText, fileText, secret, fc.constantFrom<boolean | undefined>(true, false, undefined), (example, dotenv, gitignore, value, tracked) => {
        const code = `const client = makeClient({ apiKey: "${value}" });\n`;
        const ignoredBefore = gitignore !== undefined && ignore().add(gitignore.replace(/^\uFEFF/, '')).ignores('.env');
        const result = computeExtract(request(code, value, { example, dotenv, gitignore }, { ignored: ignoredBefore, tracked }));
        assert.ok(result, 'the action is offered');
        const name = result.name;
        const after = {
          code: apply(code, result, '/ws/src/app.js')!,
          example: apply(example, result, '/ws/.env.example')!,
          dotenv: apply(dotenv, result, '/ws/.env'),
          gitignore: apply(gitignore, result, '/ws/.gitignore'),
        };
        // Only appends: every existing byte kept.
        for (const [before, now] of [[example, after.example], [dotenv, after.dotenv], [gitignore, after.gitignore]] as const) {
          if (before !== undefined) assert.ok(now !== undefined && now.startsWith(before), 'existing content kept byte for byte');
        }
        // The code reads the variable; the literal is gone from it.
        assert.ok(after.code.includes(`process.env.${name}`) && !after.code.includes(value));
        // The example declares the name, never the value.
        assert.ok(name in parseDotenv(after.example), `${name} declared in the example`);
        assert.ok(!after.example.includes(value), 'no secret in the example file');
        // The value goes to .env only when git does not track it, and then reads back exactly.
        if (tracked !== false) {
          assert.equal(after.dotenv, dotenv, 'a tracked (or maybe tracked) .env is never written');
          assert.equal(result.valueWritten, false);
        } else if (result.valueWritten) {
          assert.equal(parseDotenv(after.dotenv!)[name], value, 'the local value reads back unchanged');
          const ig = ignore().add((after.gitignore ?? '').replace(/^\uFEFF/, ''));
          assert.ok(ig.ignores('.env'), '.env is ignored by git after the edit');
        }
        // Idempotent: extracting the same value again (another file) reuses the name and adds nothing.
        if (result.valueWritten) {
          const again = computeExtract({
            ...request(`const c2 = make("${value}");\n`, value, { example: after.example, dotenv: after.dotenv, gitignore: after.gitignore }, { ignored: true, tracked: false }),
            file: { path: '/ws/src/other.js', text: `const c2 = make("${value}");\n`, language: 'javascript' },
          });
          assert.ok(again);
          assert.equal(again.name, name, 'the same value reuses the same name');
          assert.equal(apply(after.example, again, '/ws/.env.example'), after.example, 'example unchanged the second time');
          assert.equal(apply(after.dotenv, again, '/ws/.env'), after.dotenv, '.env unchanged the second time');
        }
      }),
      { numRuns: 300 },
    );
  });
});
