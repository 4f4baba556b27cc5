import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The git facts `--changed`, `--staged` and `--diff-lines` need, from `git` run with fixed argument arrays (never a
 * shell string). A ref is validated before it gets near git.
 */

/** Refs we accept: branch/tag names, `HEAD~2`, `origin/main`, `main@{1}`, hashes. Never starting with `-`. */
const REF = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/~^@{}+-]{1,200}$/;

export class GitError extends Error {}

export function isValidRef(ref: string): boolean {
  return REF.test(ref);
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stderr?: string; code?: string; message: string };
    if (e.code === 'ENOENT') throw new GitError('git is not installed (needed by --changed/--staged)');
    const first = String(e.stderr ?? e.message).trim().split('\n')[0];
    throw new GitError(`git ${args[0]} failed: ${first}`);
  }
}

export function gitTopLevel(cwd: string): string {
  return git(cwd, ['rev-parse', '--show-toplevel']).trim();
}

export type ChangeMode = { kind: 'changed'; ref: string } | { kind: 'staged' };

function nulList(out: string): string[] {
  return out.split('\0').filter((s) => s.length > 0);
}

/**
 * Absolute paths of the files added, copied, modified or renamed: against `ref` in the working tree (plus
 * untracked files that are not git-ignored) for `changed`, in the index for `staged`.
 */
export function changedFiles(cwd: string, mode: ChangeMode): string[] {
  const top = gitTopLevel(cwd);
  let rel: string[];
  if (mode.kind === 'staged') {
    rel = nulList(git(top, ['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=ACMR']));
  } else {
    if (!isValidRef(mode.ref)) throw new GitError(`not a valid git ref: "${mode.ref}"`);
    git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${mode.ref}^{commit}`]);
    rel = nulList(git(top, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=ACMR', mode.ref, '--']));
    rel.push(...nulList(git(top, ['ls-files', '--others', '--exclude-standard', '-z'])));
  }
  return [...new Set(rel)].map((r) => resolve(top, r));
}

/** The staged (index) text of a file, for `--staged` (what will be committed, not the working tree). */
export function stagedText(cwd: string, absPath: string): Buffer {
  const top = gitTopLevel(cwd);
  const rel = absPath.slice(top.length + 1).split('\\').join('/');
  return execFileSync('git', ['show', `:${rel}`], { cwd: top, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

/**
 * For each changed file (absolute path), the 1-based line numbers added or changed, from `git diff --unified=0`.
 * Untracked files are not in the diff: the caller treats a file without an entry as wholly new.
 */
export function changedLines(cwd: string, mode: ChangeMode): Map<string, Set<number>> {
  const top = gitTopLevel(cwd);
  const args =
    mode.kind === 'staged'
      ? ['diff', '--cached', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', '--diff-filter=ACMR']
      : ['diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', '--diff-filter=ACMR', mode.ref, '--'];
  if (mode.kind === 'changed' && !isValidRef(mode.ref)) throw new GitError(`not a valid git ref: "${mode.ref}"`);
  return parseUnifiedZero(git(top, args), top);
}

/** Parses `git diff --unified=0` output into added line numbers per file. */
export function parseUnifiedZero(diff: string, top: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = line.slice(4);
      if (name === '/dev/null') {
        current = undefined;
        continue;
      }
      const path = resolve(top, unquote(name).replace(/^b\//, ''));
      current = new Set();
      out.set(path, current);
    } else if (line.startsWith('@@') && current) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      for (let i = 0; i < count; i++) current.add(start + i);
    }
  }
  return out;
}

/** git quotes unusual paths C-style: `"b/caf\303\251.txt"`. */
function unquote(name: string): string {
  if (!name.startsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = body[++i];
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[n] ?? n.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
