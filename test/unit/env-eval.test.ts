import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateAll } from '../eval/env/evaluate';

describe('env contract evaluation (test/eval/env: labelled realistic projects)', () => {
  const result = evaluateAll();
  it('covers at least 4 projects', () => {
    assert.ok(result.projects.length >= 4, `${result.projects.length} projects`);
  });
  it('finds undeclared reads with precision and recall of at least 0.95 overall', () => {
    const detail = result.projects.map((p) => `${p.project}: P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} ${[...p.falsePositives.map((f) => `FP ${f}`), ...p.falseNegatives.map((f) => `FN ${f}`)].join('; ')}`).join('\n');
    assert.ok(result.precision >= 0.95, `precision ${result.precision}\n${detail}`);
    assert.ok(result.recall >= 0.95, `recall ${result.recall}\n${detail}`);
  });
});
