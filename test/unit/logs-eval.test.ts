import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluation, RULE_ID } from '../eval/logs/evaluate';

describe(`${RULE_ID} on the labelled evaluation projects (test/eval/logs)`, () => {
  const e = evaluation();

  it('covers several projects and a meaningful number of labelled sites', () => {
    assert.ok(e.projects.length >= 6, `only ${e.projects.length} projects`);
    assert.ok(e.truePositives + e.falseNegatives >= 40, 'too few labels to mean anything');
  });

  it('precision ≥ 0.95', () => {
    assert.ok(e.precision >= 0.95, `precision ${e.precision.toFixed(3)}: ${e.projects.flatMap((p) => p.falsePositives).join(', ')}`);
  });

  it('recall ≥ 0.95', () => {
    assert.ok(e.recall >= 0.95, `recall ${e.recall.toFixed(3)}: ${e.projects.flatMap((p) => p.falseNegatives).join(', ')}`);
  });
});
