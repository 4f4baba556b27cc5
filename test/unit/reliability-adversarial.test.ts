import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adversarialInputs, LANGUAGE_SAMPLE, RULES, runRule } from './helpers/adversarial';

/**
 * Promise 1: no catastrophic regexes. Every rule meets every adversarial input in one file kind of each syntax
 * family, bypassing the keyword prefilter. The bound is a hang detector (a catastrophic pattern takes minutes on
 * these inputs), not a speed goal; `npm run bench:adversarial` runs every file kind and prints the actual times.
 */
const HANG_BOUND_MS_PER_MB = 15_000;
/** 128 KB lines: a quadratic pattern needs ~10^10 steps here, so it still shows as a hang. */
const SCALE = 0.128;

describe('adversarial inputs finish for every rule', () => {
  for (const input of adversarialInputs(SCALE)) {
    it(input.name, () => {
      const mb = Math.max(1, input.text.length / 1_000_000);
      let slowest = { rule: '', path: '', ms: 0 };
      for (const rule of RULES) {
        for (const { path, language } of LANGUAGE_SAMPLE) {
          if (rule.meta.languages && !rule.meta.languages.includes(language)) continue;
          const t0 = performance.now();
          const findings = runRule(rule, path, language, input.text);
          const ms = performance.now() - t0;
          for (const f of findings) {
            assert.ok(f.range.start.line >= 0 && f.range.end.line >= f.range.start.line, `${rule.meta.id}: bad range`);
          }
          if (ms > slowest.ms) slowest = { rule: rule.meta.id, path, ms };
        }
      }
      assert.ok(slowest.ms < HANG_BOUND_MS_PER_MB * mb, `${slowest.rule} on ${slowest.path} took ${slowest.ms.toFixed(0)} ms`);
    });
  }
});
