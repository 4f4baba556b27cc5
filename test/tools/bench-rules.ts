/**
 * Where the CPU goes on the benchmark tree, per rule (plus the prefilter and line index): every `BENCH_SAMPLE`th
 * file (default 4) of `.bench/tree` is read and each candidate rule timed on it.
 *   node --import tsx test/tools/bench-rules.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultEngine, languageOf, lineIndex, PLATFORM_VARIABLES } from '../../server/src/core';
import { walk } from '../../server/src/files/walk';
import { ROOT } from '../protocol/lsp-client';

const tree = join(ROOT, '.bench', 'tree');
const sample = Number(process.env.BENCH_SAMPLE ?? 4);
const files = walk(tree, { includeVendored: true, deferContentChecks: true }).files.filter((_, i) => i % sample === 0);
const engine = defaultEngine();
const facts = { platformVariables: new Set(PLATFORM_VARIABLES) };
const perRule = new Map<string, { ms: number; runs: number }>();
let prefilterMs = 0;
let linesMs = 0;
let bytes = 0;
for (const path of files) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    continue;
  }
  bytes += text.length;
  const file = { path, text, language: languageOf(path) };
  let t = performance.now();
  const rules = engine.candidateRules(file);
  prefilterMs += performance.now() - t;
  t = performance.now();
  const lines = lineIndex(text);
  linesMs += performance.now() - t;
  for (const r of rules) {
    t = performance.now();
    try {
      r.detect({ file, facts, lines });
    } catch {
      // counted all the same
    }
    const e = perRule.get(r.meta.id) ?? { ms: 0, runs: 0 };
    e.ms += performance.now() - t;
    e.runs++;
    perRule.set(r.meta.id, e);
  }
}
console.log(`${files.length} files (1 in ${sample}), ${(bytes / 1e6).toFixed(1)} M chars`);
console.log(`prefilter (keyword scan + rule selection): ${(prefilterMs / 1000).toFixed(1)} s`);
console.log(`line index: ${(linesMs / 1000).toFixed(1)} s`);
for (const [id, e] of [...perRule].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(`${id.padEnd(45)} ${(e.ms / 1000).toFixed(1).padStart(6)} s on ${e.runs} files`);
}
