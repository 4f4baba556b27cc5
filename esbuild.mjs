// Bundles the extension client, the language server and the CLI (and the e2e test suite).
//   node esbuild.mjs               development build with source maps
//   node esbuild.mjs --production  minified, no source maps
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');

/**
 * Rule patterns carry their own true-positive and near-miss examples (`examples: { ng, ok }`) for the tests.
 * They are test data: this plugin removes every `examples` property from the core's source before bundling, so
 * no fake token ships in the extension or trips a secret scanner.
 */
const stripExamples = {
  name: 'strip-rule-examples',
  setup(build) {
    build.onLoad({ filter: /server[\\/]src[\\/]core[\\/].*\.ts$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!/\bexamples\s*:/.test(source)) return undefined;
      const ts = (await import('typescript')).default;
      const file = ts.createSourceFile(args.path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const cuts = [];
      const visit = (node) => {
        if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'examples' && ts.isObjectLiteralExpression(node.parent)) {
          let end = node.getEnd();
          if (source[end] === ',') end++;
          cuts.push([node.getStart(file), end]);
          return;
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      let contents = source;
      for (const [a, b] of cuts.sort((x, y) => y[0] - x[0])) contents = contents.slice(0, a) + contents.slice(b);
      return { contents, loader: 'ts' };
    });
  },
};
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  plugins: [stripExamples],
};

const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/server.ts', checkWorker: 'server/src/checkWorker.ts' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: { cli: 'server/src/cli.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
  { ...common, entryPoints: { scanWorker: 'server/src/scanWorker.ts' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: ['test/e2e/suite/index.ts'],
    outdir: 'out/e2e/suite',
    external: ['vscode', 'mocha'],
    sourcemap: true,
    minify: false,
  },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('[watch] watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
