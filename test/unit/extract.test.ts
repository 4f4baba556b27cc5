import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'dotenv';
import { languageOf, lineIndex, redactAll } from '../../server/src/core';
import { computeExtract, type ExtractOrigin, type ExtractResult, type FileChange } from '../../server/src/core/extract';

/**
 * Fixed-text tests of "Extract to environment variable": each folder of test/fixtures/extract holds a code file,
 * optionally `env.example`, `dotenv` and `gitignore` (the project's `.env.example`, `.env`, `.gitignore`; stored
 * under other names so git and tools do not treat them as real), `case.json` (where the value is, what flagged
 * it, the git facts, the expected name) and a `<file>.fixed` for every file the edit must produce. A file without
 * `.fixed` must stay untouched. Set UPDATE_FIXED=1 to write the `.fixed` files (then review them).
 */
const DIR = join(__dirname, '..', 'fixtures', 'extract');

interface Case {
  file: string;
  /** Path the core sees for the code file, relative to the case folder (defaults to `file`). */
  as?: string;
  find: string;
  origin: ExtractOrigin;
  provider?: string;
  nameHint?: string;
  vite?: boolean;
  tracked?: boolean | null;
  ignored?: boolean;
  readElsewhere?: string[];
  name: string;
  title?: string;
}

const SIDE: Record<string, string> = { '.env.example': 'env.example', '.env': 'dotenv', '.gitignore': 'gitignore' };

function read(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Applies one file's edits (LSP ranges over `text`) as an editor does. */
export function applyChange(text: string, change: FileChange): string {
  const lines = lineIndex(text);
  const edits = change.edits
    .map((e) => ({ s: lines.offsetAt(e.range.start), e: lines.offsetAt(e.range.end), t: e.newText }))
    .sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of edits) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

function run(dir: string, c: Case): { result: ExtractResult | undefined; paths: Record<string, string>; texts: Record<string, string | undefined> } {
  const code = read(join(dir, c.file))!;
  const at = code.indexOf(c.find);
  assert.ok(at >= 0, 'case.json `find` must occur in the code file');
  const codePath = join(dir, c.as ?? c.file);
  const paths: Record<string, string> = { code: codePath };
  const texts: Record<string, string | undefined> = { code };
  for (const [real, stored] of Object.entries(SIDE)) {
    paths[real] = join(dir, real);
    // The server strips a BOM from side files read from disk (editors do not show it); so does the test.
    texts[real] = read(join(dir, stored))?.replace(/^\uFEFF/, '');
  }
  const result = computeExtract({
    file: { path: codePath, text: code, language: languageOf(codePath) },
    start: at,
    end: at + c.find.length,
    origin: c.origin,
    provider: c.provider,
    nameHint: c.nameHint,
    viteClient: c.vite,
    example: { path: paths['.env.example'], text: texts['.env.example'] },
    dotenv: { path: paths['.env'], text: texts['.env'] },
    dotenvIgnored: c.ignored ?? false,
    dotenvTracked: c.tracked === null ? undefined : (c.tracked ?? false),
    gitignore: { path: paths['.gitignore'], text: texts['.gitignore'] },
    isReadElsewhere: (n) => (c.readElsewhere ?? []).includes(n),
  });
  return { result, paths, texts };
}

/** Compares without ever printing a secret: on a difference, both sides are shown with the secret masked. */
function sameText(actual: string | undefined, expected: string | undefined, what: string, secret: string): void {
  if (actual === expected) return;
  const show = (s: string | undefined) => (s === undefined ? '(no change)' : redactAll(s, [secret]));
  assert.equal(show(actual), show(expected), `${what} differs`);
  assert.fail(`${what} differs inside the secret value`);
}

const cases = readdirSync(DIR).filter((n) => existsSync(join(DIR, n, 'case.json'))).sort();

describe('extract to environment variable: fixed-text fixtures', () => {
  it('has fixtures', () => assert.ok(cases.length >= 30, `only ${cases.length} cases`));
  for (const name of cases) {
    it(name, () => {
      const dir = join(DIR, name);
      const c = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as Case;
      const { result, paths, texts } = run(dir, c);
      assert.ok(result, 'no action computed');
      assert.equal(result.name, c.name);
      assert.ok(!result.title.includes(c.find) || c.origin !== 'secret', 'title leaks the secret');
      if (c.title) assert.equal(result.title, c.title);
      const outputs: Record<string, string | undefined> = {};
      for (const change of result.changes) {
        const key = Object.keys(paths).find((k) => paths[k] === change.path);
        assert.ok(key, `edit of an unexpected file ${change.path}`);
        assert.equal(change.create, texts[key] === undefined, `${key}: create flag`);
        outputs[key] = applyChange(texts[key] ?? '', change);
      }
      // Every name location points at the name in the edited text.
      for (const loc of result.nameLocations) {
        const key = Object.keys(paths).find((k) => paths[k] === loc.path)!;
        const text = outputs[key]!;
        const offset = lineIndex(text).offsetAt(loc.range.start);
        assert.equal(text.slice(offset, offset + result.name.length), result.name, `name location in ${key}`);
      }
      const fixedName = (key: string) => (key === 'code' ? `${c.file}.fixed` : `${SIDE[key]}.fixed`);
      for (const key of Object.keys(paths)) {
        const fixedPath = join(dir, fixedName(key));
        let actual = outputs[key];
        // Side files keep their BOM on disk: put it back as an editor saving the file would.
        if (actual !== undefined && key !== 'code' && read(join(dir, SIDE[key]))?.startsWith('\uFEFF')) actual = `\uFEFF${actual}`;
        if (process.env.UPDATE_FIXED) {
          if (actual !== undefined) writeFileSync(fixedPath, actual);
          continue;
        }
        sameText(actual, read(fixedPath), fixedName(key), c.find);
      }
      // The local value, when written, reads back through dotenv as exactly the extracted value.
      if (outputs['.env'] !== undefined && result.valueWritten && c.origin !== 'selection') {
        const value = parse(outputs['.env'])[result.name];
        assert.ok(value !== undefined, '.env lacks the name');
        if (c.origin === 'secret') assert.ok(value === c.find, '.env does not read back as the extracted secret (value not shown)');
      }
    });
  }
});
