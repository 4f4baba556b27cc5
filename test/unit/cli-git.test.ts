/**
 * The built CLI with git (`--changed`, `--staged`, `--diff-lines`, in temp repos made with fixed git commands),
 * what the walker skips, unreadable files, and `--jobs` (worker threads give the same answer as one thread).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, cli, fakeSecret, findingsOf, git, project } from '../cli/helpers';

const secretLine = (seed: number) => `const apiKey = '${fakeSecret(seed)}';`;
const list = (dir: string, args: string[]) => findingsOf(cli(dir, ['check', '--format', 'json', ...args])).map((f) => `${f.file}:${f.line}`);

describe('cli: --changed, --staged, --diff-lines', () => {
  const p = project({
    'old.js': secretLine(1) + '\n',
    'touched.js': [secretLine(2), 'const a = 1;', 'const b = 2;', ''].join('\n'),
    'sub/kept.js': secretLine(3) + '\n',
  });
  let base = '';
  before(() => {
    git(p.dir, ['init', '-q']);
    git(p.dir, ['add', '-A']);
    git(p.dir, ['commit', '-q', '-m', 'base']);
    base = git(p.dir, ['rev-parse', 'HEAD']).trim();
  });
  after(p.cleanup);

  it('--changed: modified and untracked files only; --diff-lines: only findings on changed lines', () => {
    p.write('touched.js', [secretLine(2), 'const a = 1;', secretLine(4), ''].join('\n'));
    p.write('new.js', secretLine(5) + '\n');
    assert.deepEqual(list(p.dir, []).sort(), ['new.js:1', 'old.js:1', 'sub/kept.js:1', 'touched.js:1', 'touched.js:3']);
    assert.deepEqual(list(p.dir, ['--changed']).sort(), ['new.js:1', 'touched.js:1', 'touched.js:3']);
    assert.deepEqual(list(p.dir, ['--changed', '--diff-lines']).sort(), ['new.js:1', 'touched.js:3']);
    assert.deepEqual(list(p.dir, [`--changed=${base}`, '--diff-lines', 'sub']), []);
  });

  it('--changed=REF compares with that commit, and a ref git does not know is exit 2', () => {
    git(p.dir, ['add', '-A']);
    git(p.dir, ['commit', '-q', '-m', 'second']);
    assert.deepEqual(list(p.dir, ['--changed']), []);
    assert.deepEqual(list(p.dir, [`--changed=${base}`]).sort(), ['new.js:1', 'touched.js:1', 'touched.js:3']);
    assert.deepEqual(list(p.dir, ['--changed=HEAD~1', '--diff-lines']).sort(), ['new.js:1', 'touched.js:3']);
    const r = cli(p.dir, ['check', '--changed=no-such-branch']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^twelve-factor: git rev-parse failed/);
  });

  it('--staged checks what is in the index, not the working tree', () => {
    p.write('staged.js', ['const x = 1;', secretLine(6), ''].join('\n'));
    git(p.dir, ['add', 'staged.js']);
    p.write('staged.js', 'const x = 1;\n'); // fixed in the working tree, but not staged
    p.write('unstaged.js', secretLine(7) + '\n');
    assert.deepEqual(list(p.dir, ['--staged']), ['staged.js:2']);
    assert.deepEqual(list(p.dir, ['--staged', '--diff-lines']), ['staged.js:2']);
  });
});

describe('cli: what the walk skips', () => {
  const p = project({
    'src/app.js': secretLine(8) + '\n',
    'node_modules/lib/index.js': secretLine(9) + '\n',
    'dist/bundle.js': secretLine(10) + '\n',
    'src/app.bundle.js': secretLine(11) + '\n',
    'ignored/x.js': secretLine(12) + '\n',
    'src/ignored.js': secretLine(13) + '\n',
    '.gitignore': 'ignored/\n',
    'src/.gitignore': 'ignored.js\n',
  });
  after(p.cleanup);

  it('respects .gitignore files (nested too), skips vendored, generated and binary files; --include-vendored adds them', () => {
    writeFileSync(join(p.dir, 'src', 'blob.dat.js'), Buffer.concat([Buffer.from(secretLine(14)), Buffer.from([0, 1, 2])]));
    assert.deepEqual(list(p.dir, []), ['src/app.js:1']);
    assert.deepEqual(list(p.dir, ['--include-vendored']).sort(), ['dist/bundle.js:1', 'node_modules/lib/index.js:1', 'src/app.bundle.js:1', 'src/app.js:1']);
  });

  it('broken symlinks and symlink loops: one stderr line each, the scan carries on', () => {
    const q = project({ 'a.js': secretLine(15) + '\n' });
    try {
      symlinkSync(join(q.dir, 'missing.js'), join(q.dir, 'broken.js'));
      mkdirSync(join(q.dir, 'loop'));
      symlinkSync(join(q.dir, 'loop', 'b'), join(q.dir, 'loop', 'a'));
      symlinkSync(join(q.dir, 'loop', 'a'), join(q.dir, 'loop', 'b'));
      const r = cli(q.dir, ['check', '--format', 'json']);
      assert.equal(r.code, 1);
      assert.deepEqual(findingsOf(r).map((f) => f.file), ['a.js']);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 3, r.stderr);
      assert.match(r.stderr, /skipped broken\.js: broken symlink/);
      assert.match(r.stderr, /skipped loop\/a: broken symlink \(symlink loop\)/);
      const gone = cli(q.dir, ['check', 'deleted.js']);
      assert.match(gone.stderr, /^twelve-factor: skipped deleted\.js: no such file/);
    } finally {
      q.cleanup();
    }
  });
});

describe('cli: --jobs', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 450; i++) files[`pkg${i % 7}/f${i}.js`] = i % 9 === 0 ? secretLine(100 + i) + '\nconst u = process.env.API_URL;\n' : `module.exports = ${i};\n`;
  const p = project(files);
  after(p.cleanup);

  it('worker threads report exactly what one thread reports, in the same order', () => {
    const one = cli(p.dir, ['check', '--format', 'json', '--jobs', '1']);
    const two = cli(p.dir, ['check', '--format', 'json', '--jobs', '2']);
    assert.equal(one.code, 1);
    assert.equal(two.code, 1);
    assert.equal(findingsOf(one).length, 100);
    assert.equal(two.stdout, one.stdout);
  });

  it('workers run the lean worker bundle, or the CLI bundle itself when that is missing', () => {
    assert.ok(existsSync(join(dirname(CLI), 'scanWorker.js')), 'npm run build writes dist/scanWorker.js beside dist/cli.js');
    const alone = mkdtempSync(join(tmpdir(), 'tf-cli-alone-'));
    try {
      copyFileSync(CLI, join(alone, 'cli.js'));
      const r = spawnSync(process.execPath, [join(alone, 'cli.js'), 'check', '--format', 'json', '--jobs', '2'], { cwd: p.dir, encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, cli(p.dir, ['check', '--format', 'json', '--jobs', '2']).stdout);
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  });

  it('a worker that runs out of memory loses nothing: its batch is re-run on the main thread', () => {
    const big = project({});
    try {
      for (let i = 0; i < 420; i++) big.write(`f${i}.js`, i % 20 === 0 ? `${secretLine(500 + i)}\n${'const x = "y";\n'.repeat(60_000)}` : `module.exports = ${i};\n`);
      const one = cli(big.dir, ['check', '--format', 'json', '--jobs', '1']);
      const starved = cli(big.dir, ['check', '--format', 'json', '--jobs', '2'], { TWELVE_FACTOR_WORKER_HEAP_MB: '4' });
      assert.equal(starved.code, 1, starved.stderr);
      assert.equal(findingsOf(one).length, 21);
      assert.equal(starved.stdout, one.stdout);
      assert.match(starved.stderr, /a scan worker ran out of memory/, 'the fallback was exercised');
    } finally {
      big.cleanup();
    }
  });
});
