import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from '../eval/secrets/evaluate';

describe('config/hardcoded-secret on the evaluation projects (test/eval/secrets)', () => {
  const { projects, overall } = evaluate();
  it('has at least 4 projects with labelled secrets', () => {
    assert.ok(projects.length >= 4);
    assert.ok(projects.every((p) => p.tp + p.fn > 0));
  });
  it('precision and recall are at least 0.95 overall', () => {
    const misses = projects.flatMap((p) => [...p.falsePositives.map((m) => `FP ${p.project}/${m.file}:${m.line}`), ...p.falseNegatives.map((m) => `FN ${p.project}/${m.file}:${m.line}`)]);
    assert.ok(overall.precision >= 0.95, `precision ${overall.precision.toFixed(3)}: ${misses.join('; ')}`);
    assert.ok(overall.recall >= 0.95, `recall ${overall.recall.toFixed(3)}: ${misses.join('; ')}`);
  });
});
