import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes, fixedCases } from './helpers/apply-fixes';

const ID = 'logs/log-to-file';

describe(`${ID} quick fixes (fixture + all fixes = <fixture>.fixed)`, () => {
  const cases = fixedCases(ID);

  it('has .fixed fixtures for winston, Python, Ruby, Monolog and Serilog', () => {
    const names = cases.map((c) => c.name).sort();
    assert.deepEqual(names, ['ng-fix-handlers.py', 'ng-fix-monolog.php', 'ng-fix-ruby.rb', 'ng-fix-serilog.cs', 'ng-fix-winston.js']);
  });

  for (const c of cases) {
    it(c.name, () => {
      assert.ok(c.findings.some((f) => (f.fixes ?? []).length > 0), 'no finding offers a fix');
      for (const f of c.findings) for (const fix of f.fixes ?? []) assert.equal(fix.safe, false, 'log fixes change behaviour: never safe');
      assert.equal(c.actual, c.expected);
    });
  }

  it('applies identical edits once and rejects overlapping ones', () => {
    const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const imp = { title: 'x', safe: false, edits: [{ range: at, newText: 'import sys\n' }] };
    assert.equal(applyFixes('a\n', [imp, imp]), 'import sys\na\n');
    const r = (s: number, e: number) => ({ start: { line: 0, character: s }, end: { line: 0, character: e } });
    assert.throws(() => applyFixes('abcdef', [{ title: 'a', safe: false, edits: [{ range: r(0, 4), newText: 'X' }, { range: r(2, 5), newText: 'Y' }] }]));
  });
});
