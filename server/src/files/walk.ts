import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { isAscii } from 'node:buffer';
import { normalize, sep } from 'node:path';
import { GitIgnore } from './gitignore';

/** Folders that hold other people's code or build output: never walked unless `includeVendored`. */
export const VENDORED_DIRS = new Set([
  'node_modules', 'bower_components', 'vendor', 'third_party', '.venv', 'venv', '__pycache__', 'site-packages',
  'dist', 'build', 'out', 'target', 'bin', 'obj', '.next', '.nuxt', 'coverage', '.gradle', '.idea', '.tox',
  '.mypy_cache', '.pytest_cache', '.terraform',
]);
const ALWAYS_SKIPPED_DIRS = new Set(['.git', '.hg', '.svn', '.vscode-test']);
export const LOCK_FILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'poetry.lock',
  'Pipfile.lock', 'Gemfile.lock', 'composer.lock', 'go.sum', 'Cargo.lock', 'packages.lock.json', 'uv.lock',
]);
export const BINARY_EXT = /\.(?:png|jpe?g|gif|webp|ico|bmp|tiff?|pdf|zip|gz|tgz|bz2|xz|7z|rar|jar|war|class|so|dylib|dll|exe|o|a|pyc|wasm|woff2?|ttf|otf|eot|mp[34]|mov|avi|webm|ogg|wav|sqlite3?|db|bin|dat|lockb|keystore|jks|p12|pfx)$/i;
const GENERATED = /\.min\.(?:js|css|mjs)$|\.bundle\.js$|\.map$|\.snap$/i;

export interface WalkOptions {
  /** Walk vendored folders, lock files and minified bundles too. */
  includeVendored?: boolean;
  maxFileSize?: number;
  /**
   * Leave the size and binary checks to the reader (see `readTextFile`), so the walk itself only lists folders:
   * each file is then opened once instead of three times.
   */
  deferContentChecks?: boolean;
  /** Extra exclusions (the project config's `ignore:`), given absolute paths. */
  isIgnored?: (absPath: string, isDir: boolean) => boolean;
  /** Told every folder the walk lists, with all its entries (the CLI answers project facts from them). */
  onFolder?: (dir: string, entries: readonly Dirent[]) => void;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface WalkResult {
  files: string[];
  skipped: SkippedFile[];
}

/** Does the file look binary (a NUL byte in its first 8 KB)? */
export function looksBinary(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).includes(0);
  } finally {
    closeSync(fd);
  }
}

/** Is this file one the walker skips by default (vendored, lock file, generated)? */
export function isSkippedByDefault(relPath: string): boolean {
  const parts = relPath.split('/');
  const base = parts[parts.length - 1];
  return LOCK_FILES.has(base) || GENERATED.test(base) || parts.slice(0, -1).some((p) => VENDORED_DIRS.has(p));
}

/**
 * Lists the files to check below `root` (absolute paths), respecting `.gitignore` files, skipping binary,
 * vendored and generated files. Unreadable entries are reported in `skipped`, never thrown.
 */
export function walk(root: string, options: WalkOptions = {}): WalkResult {
  const skipped: SkippedFile[] = [];
  const files = [...walkFiles(root, options, skipped)];
  return { files, skipped };
}

/**
 * `path.join(dir, name)` for a normalised folder and an entry name from its listing (no separator, never `.` or
 * `..`): joined as strings, without normalising the whole path again for each of a tree's entries.
 */
export function childPath(dir: string, name: string): string {
  if (dir === '.' || dir === '.' + sep) return name;
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/**
 * The files `walk` lists, one at a time, in the same order: the CLI checks the first files while the walk goes
 * on. Unreadable entries are pushed to `skipped`.
 */
export function* walkFiles(root: string, options: WalkOptions, skipped: SkippedFile[]): Generator<string> {
  const gitignore = new GitIgnore(root);
  const maxSize = options.maxFileSize ?? 2_000_000;
  // An explicit stack of folders (their entries sorted), not recursion: a generator per folder would cost more.
  // Each folder with its path relative to the root (`/`-separated, '' for the root): entries' relative paths are
  // built from it instead of by path.relative.
  const stack: { dir: string; rel: string; entries: Dirent[]; next: number }[] = [];
  const enter = (dir: string, rel: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ path: dir, reason: errorReason(err) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    gitignore.knowFolder(rel, entries.some((e) => e.name === '.gitignore'));
    options.onFolder?.(dir, entries);
    stack.push({ dir, rel, entries, next: 0 });
  };
  enter(normalize(root), '');
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.entries.length) {
      stack.pop();
      continue;
    }
    const e = top.entries[top.next++];
    const abs = childPath(top.dir, e.name);
    const rel = top.rel === '' ? e.name : `${top.rel}/${e.name}`;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(abs);
        isDir = false; // symlinked folders are not followed (no loops)
        isFile = st.isFile();
      } catch (err) {
        skipped.push({ path: abs, reason: `broken symlink (${errorReason(err)})` });
        continue;
      }
    }
    if (isDir) {
      if (ALWAYS_SKIPPED_DIRS.has(e.name)) continue;
      if (!options.includeVendored && VENDORED_DIRS.has(e.name)) continue;
      if (gitignore.ignores(rel, true)) continue;
      if (options.isIgnored?.(abs, true)) continue;
      enter(abs, rel);
    } else if (isFile) {
      if (gitignore.ignores(rel)) continue;
      if (!options.includeVendored && isSkippedByDefault(rel)) continue;
      if (BINARY_EXT.test(e.name)) continue;
      if (options.isIgnored?.(abs, false)) continue;
      if (!options.deferContentChecks) {
        try {
          const size = statSync(abs).size;
          if (size > maxSize) {
            skipped.push({ path: abs, reason: `larger than ${maxSize} bytes (${size})` });
            continue;
          }
          if (looksBinary(abs)) continue;
        } catch (err) {
          skipped.push({ path: abs, reason: errorReason(err) });
          continue;
        }
      }
      yield abs;
    }
  }
}

export function errorReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ENOENT') return 'no such file (deleted during the scan?)';
  if (e?.code === 'ELOOP') return 'symlink loop';
  return e?.message ?? String(err);
}

export type ReadResult = { text: string; bytes: number } | { skip: 'binary' } | { skip: 'too-large'; bytes: number };

/** One read buffer per thread, grown as needed: a fresh buffer per file costs page faults on every read. */
let readBuffer = Buffer.allocUnsafeSlow(1 << 20);

/**
 * Where `readFileBytes` puts a file: `room`, where its first bytes go (a buffer, the offset, and how many bytes
 * fit there); `fit`, where a file of `size` bytes goes once its size is known (undefined when there is no room: the
 * file is then not read).
 */
export interface ReadPlace {
  room(): { buffer: Buffer; at: number; length: number };
  fit(size: number): { buffer: Buffer; at: number } | undefined;
}

const threadBuffer: ReadPlace = {
  room: () => ({ buffer: readBuffer, at: 0, length: readBuffer.length }),
  fit: (size) => {
    if (size > readBuffer.length) readBuffer = Buffer.allocUnsafeSlow(Math.max(size, readBuffer.length * 2));
    return { buffer: readBuffer, at: 0 };
  },
};

/**
 * The first read of a file asks for at most this much: most files are smaller, and are read whole without asking
 * their size first (an `fstat` per file, and its Stats object, cost the CLI's reading thread ~2.5 us a file).
 */
const FIRST_READ = 64 * 1024;

/** Reads from `fd` into `buffer` at `at + done` until `total` bytes are there or the file ends; returns the count. */
function readInto(fd: number, buffer: Buffer, at: number, total: number, done: number): number {
  while (done < total) {
    const r = readSync(fd, buffer, at + done, total - done, done);
    if (r === 0) break;
    done += r;
  }
  return done;
}

/**
 * A file's bytes, with one open (`{ skip: 'too-large' }` when it has more than `maxSize`), read where `place`
 * says (undefined: it had no room): by default into a buffer reused by the next call (decode or copy the bytes
 * before reading another file). A file is read up to FIRST_READ bytes into the room first; one that fills that
 * read is measured (`fstat`), placed and read on. Throws the file system's error.
 */
export function readFileBytes(path: string, maxSize: number): Buffer | { skip: 'too-large'; bytes: number };
export function readFileBytes(path: string, maxSize: number, place: ReadPlace): Buffer | { skip: 'too-large'; bytes: number } | undefined;
export function readFileBytes(path: string, maxSize: number, place: ReadPlace = threadBuffer): Buffer | { skip: 'too-large'; bytes: number } | undefined {
  const fd = openSync(path, 'r');
  try {
    const first = place.room();
    const want = Math.min(first.length, maxSize + 1, FIRST_READ);
    let n = readInto(fd, first.buffer, first.at, want, 0);
    // Fewer bytes than asked for: a read came back empty, the file ended.
    if (n < want) return first.buffer.subarray(first.at, first.at + n);
    const size = fstatSync(fd).size;
    if (size > maxSize) return { skip: 'too-large', bytes: size };
    if (size <= n) return first.buffer.subarray(first.at, first.at + n);
    const room = place.fit(size);
    if (room === undefined) return undefined;
    if (room.buffer !== first.buffer || room.at !== first.at) first.buffer.copy(room.buffer, room.at, first.at, first.at + n);
    n = readInto(fd, room.buffer, room.at, size, n);
    return room.buffer.subarray(room.at, room.at + n);
  } finally {
    closeSync(fd);
  }
}

/** A file's text from its bytes: skipped when binary (a NUL byte in its first 8 KB), else decoded as UTF-8. */
export function decodeText(data: Buffer): ReadResult {
  if (data.subarray(0, 8192).includes(0)) return { skip: 'binary' };
  // Most source files are ASCII: copied as Latin-1 (what UTF-8 decoding gives for them), skipping the decoder.
  return { text: isAscii(data) ? data.toString('latin1') : data.toString('utf8'), bytes: data.length };
}

/**
 * Reads a file for checking with one open: skips it when larger than `maxSize` bytes or binary (a NUL byte in
 * its first 8 KB), else decodes it as UTF-8. Throws the file system's error (the caller reports it).
 */
export function readTextFile(path: string, maxSize: number): ReadResult {
  const data = readFileBytes(path, maxSize);
  return 'skip' in data ? data : decodeText(data);
}
