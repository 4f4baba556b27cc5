import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BINARY_EXT, looksBinary } from '../../server/src/files/walk';
import { ROOT } from '../protocol/lsp-client';

const MAX = 2_000_000;

/**
 * The benchmark tree `.bench/tree` (git-ignored): the packages of bench-corpus.mjs installed with npm, then made
 * fair for both tools: nested `node_modules` folders renamed (secretlint always skips them), symlinks removed,
 * and files that twelve-factor never reads (binary, larger than 2 MB) deleted, so both read the same files.
 */
export function prepareCorpus(): { tree: string; files: number; bytes: number } {
  const bench = join(ROOT, '.bench');
  const tree = join(bench, 'tree');
  const marker = join(tree, '.bench-complete.json');
  if (existsSync(marker)) return { tree, ...JSON.parse(readFileSync(marker, 'utf8')) };
  const corpus = join(bench, 'corpus');
  if (!existsSync(join(corpus, 'node_modules'))) {
    mkdirSync(corpus, { recursive: true });
    writeFileSync(join(corpus, 'package.json'), JSON.stringify({ name: 'bench-corpus', private: true }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const list = execFileSync(process.execPath, ['-e', `import(${JSON.stringify(join(__dirname, 'bench-corpus.mjs'))}).then((m) => console.log(m.CORPUS_PACKAGES.join('\\n')))`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    console.log(`installing ${list.length} packages into ${corpus}…`);
    execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...list], { cwd: corpus, stdio: 'inherit' });
  }
  rmSync(tree, { recursive: true, force: true });
  renameSync(join(corpus, 'node_modules'), tree);
  let files = 0;
  let bytes = 0;
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      let path = join(dir, name);
      const st = lstatSync(path);
      if (st.isSymbolicLink()) {
        rmSync(path, { force: true });
      } else if (st.isDirectory()) {
        if (name === 'node_modules') renameSync(path, (path = join(dir, 'node_modules_')));
        visit(path);
      } else if (st.isFile()) {
        if (st.size > MAX || BINARY_EXT.test(name) || looksBinary(path)) {
          rmSync(path, { force: true });
        } else {
          files++;
          bytes += st.size;
        }
      }
    }
  };
  visit(tree);
  writeFileSync(marker, JSON.stringify({ files, bytes }));
  return { tree, files, bytes };
}
