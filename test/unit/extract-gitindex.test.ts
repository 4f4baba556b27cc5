import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { findGitDir, isTrackedByGit, parseGitIndex } from '../../server/src/extractAction';

/** The server decides whether `.env` is tracked by reading `.git/index` itself; real repositories made by git check it. */
const dirs: string[] = [];
function repo(files: Record<string, string>, setup: string[][] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfl-gitindex-'));
  dirs.push(dir);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  for (const args of setup) git(...args);
  return dir;
}

describe('git index: is .env tracked?', () => {
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('v2: a committed .env is tracked; an ignored one is not', () => {
    const dir = repo({ '.env': 'A=1\n', 'app.js': '' }, [['add', '.env', 'app.js']]);
    assert.equal(isTrackedByGit(join(dir, '.env')), true);
    const other = repo({ '.gitignore': '.env\n', '.env': 'A=1\n', 'app.js': '' }, [['add', '.']]);
    assert.equal(isTrackedByGit(join(other, '.env')), false);
    assert.equal(isTrackedByGit(join(other, 'app.js')), true);
  });

  it('v3 (intent-to-add entries with extended flags)', () => {
    const dir = repo({ 'a.txt': '', 'svc/.env': 'A=1\n', 'svc/z.txt': '' }, [['add', '-N', 'a.txt'], ['add', 'svc/.env', 'svc/z.txt']]);
    const buf = readFileSync(join(dir, '.git', 'index'));
    assert.equal(buf.readUInt32BE(4), 3, 'git wrote a v3 index');
    assert.deepEqual([...parseGitIndex(buf)!.paths].sort(), ['a.txt', 'svc/.env', 'svc/z.txt']);
    assert.equal(isTrackedByGit(join(dir, 'svc', '.env')), true);
  });

  it('v4 (prefix-compressed paths)', () => {
    const files = { 'app/.env.example': '', 'app/.envrc': '', 'app/src/index.js': '', 'app/src/util.js': '', 'lib/x.js': '' };
    const dir = repo(files, [['add', '.'], ['update-index', '--index-version', '4']]);
    const buf = readFileSync(join(dir, '.git', 'index'));
    assert.equal(buf.readUInt32BE(4), 4, 'git wrote a v4 index');
    assert.deepEqual([...parseGitIndex(buf)!.paths].sort(), Object.keys(files).sort());
    assert.equal(isTrackedByGit(join(dir, 'app', '.env')), false);
    const tracked = repo({ ...files, 'app/.env': 'A=1\n' }, [['add', '.'], ['update-index', '--index-version', '4']]);
    assert.equal(isTrackedByGit(join(tracked, 'app', '.env')), true);
  });

  it('a split index cannot rule tracking out: unknown', () => {
    const dir = repo({ 'a.txt': '', 'b.txt': '' }, [['add', '.'], ['update-index', '--split-index']]);
    assert.equal(isTrackedByGit(join(dir, '.env')), undefined);
  });

  it('no repository, a repository without index, a damaged index, a .git file (worktree)', () => {
    const plain = mkdtempSync(join(tmpdir(), 'tfl-nogit-'));
    dirs.push(plain);
    assert.equal(isTrackedByGit(join(plain, '.env')), false);
    const empty = repo({});
    assert.equal(isTrackedByGit(join(empty, '.env')), false);
    const damaged = repo({ 'a.txt': '' }, [['add', '.']]);
    writeFileSync(join(damaged, '.git', 'index'), 'DIRC\0\0\0\x09garbage');
    assert.equal(isTrackedByGit(join(damaged, '.env')), undefined);
    const main = repo({ '.env': 'A=1\n' }, [['add', '.'], ['commit', '-qm', 'x'], ['worktree', 'add', '-q', 'wt']]);
    assert.equal(findGitDir(join(main, 'wt'))?.workTree, join(main, 'wt'));
    assert.equal(isTrackedByGit(join(main, 'wt', '.env')), true);
  });
});
