/**
 * Builds the checklist's ProjectSnapshot from disk: the caller's file list (from the CLI walk or the server's
 * workspace scan), lazy cached reads of small text files, git-ness by a `.git` entry (file or folder) in the
 * project root or an ancestor, and git ignore status from the .gitignore files. Never runs git.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ProjectSnapshot } from '../core/checklist';

export interface SnapshotOptions {
  /** Files larger than this are never read (default 512 KiB): the checklist only needs small config files. */
  maxBytes?: number;
  /** The caller's own ignore test (e.g. the server's project facts); default: from the .gitignore files. */
  gitIgnored?: (relativePath: string) => boolean;
  /** Text that wins over the disk, e.g. the language server's open documents with unsaved edits. */
  overlay?: (relativePath: string) => string | undefined;
}

export const DEFAULT_MAX_BYTES = 512 * 1024;

/** The folder holding `.git` (a folder, or a file for worktrees and submodules), from `root` upwards. */
export function findGitRoot(root: string): string | undefined {
  let dir = resolve(root);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The checked-out branch, read from the git HEAD file (following a `.git` file's `gitdir:` for worktrees), or the
 * short commit id for a detached HEAD; undefined outside git. For clients that keep review ticks per branch.
 */
export function gitBranch(root: string): string | undefined {
  const gitRoot = findGitRoot(root);
  if (!gitRoot) return undefined;
  try {
    let gitDir = join(gitRoot, '.git');
    if (statSync(gitDir).isFile()) {
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(gitDir, 'utf8'));
      if (!m) return undefined;
      gitDir = resolve(gitRoot, m[1]);
    }
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    const ref = /^ref:\s*refs\/heads\/(.+)$/.exec(head);
    return ref ? ref[1] : /^[0-9a-f]{7,64}$/i.test(head) ? head.slice(0, 12) : undefined;
  } catch {
    return undefined;
  }
}

function toRelative(root: string, file: string): string | undefined {
  const rel = (isAbsolute(file) ? relative(root, file) : file).split(sep).join('/').replace(/^\.\//, '');
  return rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel) ? undefined : rel;
}

/** `root`-relative files and folders → snapshot. `files` may be absolute or relative to `root`. */
export function loadSnapshot(root: string, files: readonly string[], options: SnapshotOptions = {}): ProjectSnapshot {
  const absRoot = resolve(root);
  const rels = [...new Set(files.map((f) => toRelative(absRoot, f)).filter((f): f is string => f !== undefined))].sort();
  const known = new Set(rels);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const cache = new Map<string, string | undefined>();
  const read = (path: string): string | undefined => {
    if (!known.has(path)) return undefined;
    const open = options.overlay?.(path);
    if (open !== undefined) return open.length <= maxBytes ? open : undefined;
    if (cache.has(path)) return cache.get(path);
    let text: string | undefined;
    try {
      const abs = join(absRoot, path);
      const st = statSync(abs);
      if (st.isFile() && st.size <= maxBytes) {
        const t = readFileSync(abs, 'utf8');
        text = t.slice(0, 4096).includes('\u0000') ? undefined : t;
      }
    } catch {
      text = undefined;
    }
    cache.set(path, text);
    return text;
  };
  const gitRoot = findGitRoot(absRoot);
  const gitIgnored = options.gitIgnored ?? (gitRoot ? gitIgnoreMatcher(absRoot, gitRoot, rels, read) : undefined);
  return { files: rels, read, isGitRepo: gitRoot !== undefined, ...(gitIgnored ? { gitIgnored } : {}) };
}

interface IgnoreFile {
  /** Folder of the .gitignore, relative to the git root ('' for the root). */
  dir: string;
  ig: Ignore;
}

/**
 * An approximation of git's ignore rules from the .gitignore files between the git root and the project root, the
 * nested ones in the file list, and `.git/info/exclude`: deeper files are applied after shallower ones, so their
 * negations win, as in git.
 */
export function gitIgnoreMatcher(
  root: string,
  gitRoot: string,
  files: readonly string[],
  read: (path: string) => string | undefined,
): (relativePath: string) => boolean {
  const prefix = relative(gitRoot, root).split(sep).join('/');
  const toGit = (p: string) => (prefix === '' ? p : p === '' ? prefix : `${prefix}/${p}`);
  const sources: IgnoreFile[] = [];
  const add = (dir: string, text: string | undefined) => {
    if (text !== undefined) sources.push({ dir, ig: ignore().add(text) });
  };
  const readAbs = (abs: string) => {
    try {
      const st = statSync(abs);
      return st.isFile() && st.size <= DEFAULT_MAX_BYTES ? readFileSync(abs, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
  add('', readAbs(join(gitRoot, '.git', 'info', 'exclude')));
  // .gitignore files above the project root, up to the git root.
  const above: string[] = [];
  for (let d = dirname(resolve(root)); prefix !== '' && d.length >= gitRoot.length; d = dirname(d)) {
    above.unshift(d);
    if (d === gitRoot || dirname(d) === d) break;
  }
  for (const d of above) add(relative(gitRoot, d).split(sep).join('/'), readAbs(join(d, '.gitignore')));
  const nested = files.filter((f) => f === '.gitignore' || f.endsWith('/.gitignore'));
  if (!nested.includes('.gitignore')) add(prefix, readAbs(join(root, '.gitignore')));
  for (const f of nested.sort((a, b) => a.split('/').length - b.split('/').length)) add(toGit(f.slice(0, -'.gitignore'.length).replace(/\/$/, '')), read(f));
  sources.sort((a, b) => (a.dir === '' ? 0 : a.dir.split('/').length) - (b.dir === '' ? 0 : b.dir.split('/').length));
  return (relativePath: string) => {
    const path = toGit(relativePath);
    let ignored = false;
    for (const s of sources) {
      if (s.dir !== '' && !path.startsWith(`${s.dir}/`)) continue;
      const r = s.ig.test(s.dir === '' ? path : path.slice(s.dir.length + 1));
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  };
}
