// Prints, for each adversarial input, the time every rule takes on it (slowest language), and the slowest rule.
// Run: npm run bench:adversarial   (add a rule id as argument to time only that rule). Full sizes: 1 MB lines, 5 MB bundle.
import { adversarialInputs, LANGUAGE_PATHS, RULES, runRule } from '../unit/helpers/adversarial';

const only = process.argv[2];
const rows: string[] = [];
for (const input of adversarialInputs()) {
  const times: { rule: string; path: string; ms: number }[] = [];
  for (const rule of RULES) {
    if (only && rule.meta.id !== only) continue;
    let worst = { path: '', ms: 0 };
    for (const { path, language } of LANGUAGE_PATHS) {
      if (rule.meta.languages && !rule.meta.languages.includes(language)) continue;
      const t0 = performance.now();
      runRule(rule, path, language, input.text);
      const ms = performance.now() - t0;
      if (ms > worst.ms) worst = { path, ms };
    }
    times.push({ rule: rule.meta.id, ...worst });
    process.stderr.write(`  ${input.name} · ${rule.meta.id}: ${worst.ms.toFixed(1)} ms (${worst.path})\n`);
  }
  times.sort((a, b) => b.ms - a.ms);
  const s = times[0];
  rows.push(`| ${input.name} | ${(input.text.length / 1e6).toFixed(2)} MB | ${s?.rule ?? '-'} (${s?.path ?? ''}) | ${s ? s.ms.toFixed(1) : '-'} ms |`);
}
console.log('| Input | Size | Slowest rule (file kind) | Time |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(r);
