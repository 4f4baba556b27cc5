import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core';
import { compareWithExpectations, fixtureFiles, RULE_FIXTURES } from './helpers/fixtures';

describe('rule fixtures (ng.* must flag what their expect: markers say, ok.* must stay silent)', () => {
  for (const rule of RULES) {
    const dir = join(RULE_FIXTURES, rule.meta.id);
    describe(rule.meta.id, () => {
      it('has ng and ok fixtures', () => {
        assert.ok(existsSync(dir), `missing ${dir}`);
        const files = fixtureFiles(dir).map((f) => f.slice(f.lastIndexOf('/') + 1));
        assert.ok(files.some((f) => f.startsWith('ng')), 'no ng.* fixture');
        assert.ok(files.some((f) => f.startsWith('ok')), 'no ok.* fixture');
      });
      if (!existsSync(dir)) return;
      for (const file of fixtureFiles(dir)) {
        it(file.slice(dir.length + 1), () => {
          const problems = compareWithExpectations(file, rule.meta.id);
          assert.deepEqual(problems, []);
        });
      }
    });
  }
});
