import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluation, RULE_ID } from '../eval/ports/evaluate';

describe(`${RULE_ID} on the labelled evaluation projects (test/eval/ports)`, () => {
  const e = evaluation();

  it('covers several projects', () => {
    assert.ok(e.projects.length >= 4 && e.truePositives + e.falseNegatives >= 15);
  });

  it('precision ≥ 0.9', () => {
    assert.ok(e.precision >= 0.9, `precision ${e.precision.toFixed(3)}: ${e.projects.flatMap((p) => p.falsePositives).join(', ')}`);
  });

  it('recall ≥ 0.9', () => {
    assert.ok(e.recall >= 0.9, `recall ${e.recall.toFixed(3)}: ${e.projects.flatMap((p) => p.falseNegatives).join(', ')}`);
  });
});
