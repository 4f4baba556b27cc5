/** The non-pure side of the checklist: snapshots from disk (git detection, ignore rules, size limit) and renderers. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checklistForProject, findGitRoot, gitBranch, loadSnapshot, renderJson, renderMarkdown, renderText } from '../../server/src/checklist';
import { checklistOfFixture } from './checklist-helpers';

const temp = mkdtempSync(join(tmpdir(), 'tf-checklist-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const root = join(temp, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

describe('loadSnapshot', () => {
  it('takes relative or absolute paths, keeps those inside the root, and reads them lazily', () => {
    const root = project('paths', { 'a.js': 'A', 'sub/b.py': 'B' });
    const s = loadSnapshot(root, ['a.js', join(root, 'sub', 'b.py'), join(temp, 'elsewhere.txt'), '../x']);
    assert.deepEqual(s.files, ['a.js', 'sub/b.py']);
    assert.equal(s.read('sub/b.py'), 'B');
    assert.equal(s.read('missing.txt'), undefined);
    assert.equal(s.read('../paths/a.js'), undefined, 'only listed files are read');
  });

  it('prefers the overlay (unsaved editor text) over the disk', () => {
    const root = project('overlay', { 'a.js': 'disk' });
    const s = loadSnapshot(root, ['a.js'], { overlay: (p) => (p === 'a.js' ? 'editor' : undefined) });
    assert.equal(s.read('a.js'), 'editor');
  });

  it('does not read files above the size limit or binary files', () => {
    const root = project('sizes', { 'big.json': 'x'.repeat(2000), 'bin.dat': 'a\u0000b', 'small.txt': 'ok' });
    const s = loadSnapshot(root, ['big.json', 'bin.dat', 'small.txt'], { maxBytes: 1000 });
    assert.equal(s.read('big.json'), undefined);
    assert.equal(s.read('bin.dat'), undefined);
    assert.equal(s.read('small.txt'), 'ok');
  });

  it('detects git by a .git folder or file in the root or an ancestor, without running git', () => {
    const repo = project('repo', { '.git/HEAD': 'ref: refs/heads/main\n', 'svc/app.js': '' });
    assert.equal(findGitRoot(join(repo, 'svc')), repo);
    assert.equal(loadSnapshot(join(repo, 'svc'), ['app.js']).isGitRepo, true);
    const worktree = project('worktree', { '.git': 'gitdir: /somewhere/else\n' });
    assert.equal(loadSnapshot(worktree, []).isGitRepo, true);
  });

  it('reads the branch from HEAD (worktree .git files followed), the short commit when detached', () => {
    const repo = project('branch', { '.git/HEAD': 'ref: refs/heads/feature/checklist\n' });
    assert.equal(gitBranch(repo), 'feature/checklist');
    const detached = project('detached', { '.git/HEAD': '0123456789abcdef0123456789abcdef01234567\n' });
    assert.equal(gitBranch(detached), '0123456789ab');
    const wt = project('wt', { '.git': 'gitdir: ../wt-gitdir\n', '../wt-gitdir/HEAD': 'ref: refs/heads/main\n' });
    assert.equal(gitBranch(wt), 'main');
  });

  it('answers git ignore questions from root and nested .gitignore files, deeper negations winning', () => {
    const repo = project('ignores', {
      '.git/HEAD': '',
      '.gitignore': '.env\n*.log\n',
      'app/.gitignore': '!keep.log\n',
      'app/.env': 'A=1\n',
      'app/keep.log': '',
      'app/x.log': '',
      'app/.env.example': 'A=\n',
    });
    const s = loadSnapshot(join(repo, 'app'), ['.gitignore', '.env', 'keep.log', 'x.log', '.env.example']);
    assert.equal(s.gitIgnored?.('.env'), true, 'the repo root .gitignore applies to a project in a subfolder');
    assert.equal(s.gitIgnored?.('x.log'), true);
    assert.equal(s.gitIgnored?.('keep.log'), false);
    assert.equal(s.gitIgnored?.('.env.example'), false);
  });

  it('has no ignore test outside git, and takes the caller’s own', () => {
    const root = project('nogit-ignores', { '.gitignore': '.env\n' });
    const outside = findGitRoot(root);
    if (outside === undefined) assert.equal(loadSnapshot(root, ['.gitignore']).gitIgnored, undefined);
    const own = loadSnapshot(root, ['.env'], { gitIgnored: (p) => p === '.env' });
    assert.equal(own.gitIgnored?.('.env'), true);
  });

  it('feeds the whole checklist from disk: a .env that git does not ignore fails factor III', () => {
    const repo = project('env-committed', { '.git/HEAD': '', '.env': 'TOKEN=\n', 'app.js': 'console.log(1)\n' });
    const checklist = checklistForProject(repo, ['.env', 'app.js'], []);
    const config = checklist.factors[2];
    assert.equal(config.checks.find((c) => c.id === 'config/env-file-ignored')?.status, 'fail');
    assert.equal(checklist.factors[0].checks[0].status, 'pass', 'git work tree found');
  });
});

describe('renderers', () => {
  const bad = checklistOfFixture('config-bad').checklist;
  const good = checklistOfFixture('good').checklist;

  it('renders Markdown: heading, counts, one task per factor, nested findings and review questions', () => {
    const md = renderMarkdown(bad);
    const lines = md.split('\n');
    assert.equal(lines[0], '## Twelve-Factor checklist');
    assert.match(lines[2], /^\d+ passed, \d+ to review, \d+ with warnings, 1 failed\.$/);
    assert.equal(lines.filter((l) => /^- \[[x ]\] \*\*[IVX]+\. /.test(l)).length, 12);
    assert.ok(lines.includes('- [x] **I. Codebase** — git work tree, one app'), md);
    assert.ok(lines.includes('- [ ] **III. Config** — 1 hardcoded secret, env example incomplete (2 variables)'), md);
    assert.ok(lines.some((l) => /^ {2}- \[ \] `config\.js:6` .*"dbPassword".*Zr5vFML…/.test(l)), md);
    assert.ok(lines.includes('  - [ ] Review: Does the app stop accepting work and finish in-flight requests on SIGTERM? (no SIGTERM handling found)'), md);
    assert.ok(!md.includes('Zr5vFMLtoyXjpQhuorC9gcWzYFrB'));
  });

  it('keeps the review question above the findings that raised it', () => {
    const md = renderMarkdown(checklistOfFixture('slow-start').checklist);
    const lines = md.split('\n');
    const q = lines.indexOf('  - [ ] Review: Does start-up take seconds, not minutes? (2 waits at start-up)');
    assert.ok(q > 0, md);
    assert.match(lines[q + 1], /^ {2}- \[ \] `docker-entrypoint\.sh:3` /);
  });

  it('links findings when given a link base', () => {
    const md = renderMarkdown(bad, { linkBase: 'https://github.com/o/r/blob/abc123/' });
    assert.ok(md.includes('[`config.js:6`](https://github.com/o/r/blob/abc123/config.js#L6)'), md);
  });

  it('ticks every factor of a passing project', () => {
    const md = renderMarkdown(good);
    assert.equal(md.split('\n').filter((l) => l.startsWith('- [x] ')).length, 12);
    assert.ok(md.includes('12 passed, 0 to review, 0 with warnings, 0 failed.'));
  });

  it('renders text with and without colour', () => {
    const plain = renderText(bad);
    assert.ok(plain.startsWith('Twelve-Factor checklist: '));
    assert.ok(plain.includes('✖ III. Config — 1 hardcoded secret'), plain);
    assert.match(plain, /\n {8}config\.js:6:16 {2}.*Zr5vFML…/);
    assert.ok(!plain.includes('\x1b['));
    const coloured = renderText(bad, { color: true });
    assert.ok(coloured.includes('\x1b[31m✖\x1b[0m'));
  });

  it('renders JSON that parses back to the checklist', () => {
    assert.deepEqual(JSON.parse(renderJson(bad)), bad);
  });

  it('keeps Markdown safe from HTML in messages', () => {
    const withHtml = structuredClone(bad);
    withHtml.factors[2].checks[0].findings[0].message = '<img src=x> [link](y)';
    const md = renderMarkdown(withHtml);
    assert.ok(md.includes('&lt;img src=x&gt; \\[link\\](y)'), md);
  });
});
