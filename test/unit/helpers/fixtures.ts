import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  defaultEngine,
  findComment,
  languageOf,
  parseEnvExample,
  PLATFORM_VARIABLES,
  type ProjectFacts,
  type ReportedFinding,
  type SourceFile,
} from '../../../server/src/core';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');
export const RULE_FIXTURES = join(FIXTURES, 'rules');

/** Every fixture file below `dir` (recursively), skipping expectation sidecars, `.fixed` files and facts files. */
export function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...fixtureFiles(p));
    else if (/^(?:ng|ok)(?:[-.]|$)/.test(name) && !name.endsWith('.expect') && !name.endsWith('.fixed')) out.push(p);
  }
  return out;
}

/**
 * Project facts for a fixture: a `.env.example` (or `facts.env.example`) and `.gitignore` in the fixture's
 * folder are read as the project's env example and ignore file.
 */
export function factsFor(file: string): ProjectFacts {
  const dir = join(file, '..');
  const example = ['.env.example', 'facts.env.example'].map((n) => join(dir, n)).find((p) => existsSync(p));
  const gitignorePath = join(dir, '.gitignore');
  const gitignore = existsSync(gitignorePath) ? readFileSync(gitignorePath, 'utf8').split(/\r?\n/) : undefined;
  const readsPath = join(dir, 'facts.reads');
  const workspaceReads = existsSync(readsPath)
    ? new Set(readFileSync(readsPath, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')))
    : undefined;
  return {
    envExample: example ? parseEnvExample(example, readFileSync(example, 'utf8')) : undefined,
    envExampleCreatePath: join(dir, '.env.example'),
    platformVariables: new Set(PLATFORM_VARIABLES),
    isGitIgnored: gitignore ? (p) => gitignore.some((g) => g.trim() !== '' && p.endsWith(g.trim().replace(/^\//, ''))) : undefined,
    // `facts.reads`: the names the workspace reads, one per line (for rules that need the workspace index).
    isReadInWorkspace: workspaceReads ? (name) => workspaceReads.has(name) : undefined,
  };
}

/** The file as the core sees it: fixture names like `ng.py` or `ok-compose.yml`; `ng.Dockerfile` is a Dockerfile. */
export function sourceFileFor(file: string): SourceFile {
  const text = readFileSync(file, 'utf8');
  const base = file.slice(file.lastIndexOf('/') + 1);
  const realName = base.replace(/^(?:ng|ok)(?:-[^.]*)?\./, '');
  const pathForLanguage = /^[A-Z]/.test(realName) && !realName.includes('.') ? realName : `x.${realName}`;
  return { path: file, text, language: languageOf(/^env(?:\.|$)/.test(realName) ? `.${realName}` : pathForLanguage) };
}

/**
 * Expected findings per 0-based line: a comment `expect: <rule-id>[, <rule-id>…]` on a line with code expects
 * those findings on that line; alone on its line, on the next line. A rule id listed twice expects two
 * findings. Files with no comment syntax (JSON) use a sidecar `<file>.expect` of `<1-based line> <rule-id>`.
 */
export function expectations(file: SourceFile): Map<number, string[]> {
  const expected = new Map<number, string[]>();
  const add = (line: number, ids: string[]) => expected.set(line, [...(expected.get(line) ?? []), ...ids]);
  const sidecar = `${file.path}.expect`;
  if (existsSync(sidecar)) {
    for (const row of readFileSync(sidecar, 'utf8').split(/\r?\n/)) {
      const m = /^\s*(\d+)\s+(\S+)/.exec(row);
      if (m) add(Number(m[1]) - 1, [m[2]]);
    }
    return expected;
  }
  file.text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const c = findComment(file.language, line) ?? (/\bexpect:/.test(line) ? { body: line.slice(line.indexOf('expect:')), start: line.indexOf('expect:') } : undefined);
    if (!c) return;
    const m = /\bexpect:\s*([a-z0-9/,\s-]+)/.exec(c.body);
    if (!m) return;
    const ids = m[1].split(/[\s,]+/).filter((s) => s.includes('/'));
    const codeBefore = line.slice(0, c.start).trim() !== '';
    add(codeBefore ? i : i + 1, ids);
  });
  return expected;
}

export function check(file: SourceFile): ReportedFinding[] {
  return defaultEngine().check(file, factsFor(file.path));
}

/** Compares the findings of `ruleId` in a fixture with its inline expectations; returns readable mismatches. */
export function compareWithExpectations(path: string, ruleId: string): string[] {
  const file = sourceFileFor(path);
  const expected = expectations(file);
  const actual = new Map<number, string[]>();
  for (const f of check(file)) {
    if (f.ruleId !== ruleId) continue;
    actual.set(f.range.start.line, [...(actual.get(f.range.start.line) ?? []), f.ruleId]);
  }
  const problems: string[] = [];
  const lines = new Set([...expected.keys(), ...actual.keys()]);
  const rel = relative(FIXTURES, path);
  for (const line of [...lines].sort((a, b) => a - b)) {
    const want = (expected.get(line) ?? []).filter((id) => id === ruleId).length;
    const got = (actual.get(line) ?? []).length;
    if (want !== got) {
      const text = file.text.split(/\r\n|\r|\n/)[line]?.trim().slice(0, 100);
      problems.push(`${rel}:${line + 1}: expected ${want} × ${ruleId}, got ${got}   | ${text}`);
    }
  }
  return problems;
}
