import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedCases } from './helpers/apply-fixes';

const ID = 'port-binding/hardcoded-port';

describe(`${ID} quick fixes (fixture + all fixes = <fixture>.fixed)`, () => {
  const cases = fixedCases(ID);

  it('has a .fixed fixture for each language with a fix', () => {
    assert.deepEqual(cases.map((c) => c.name).sort(), [
      'ng-fix-App.kt',
      'ng-fix-Program.cs',
      'ng-fix-Server.java',
      'ng-fix-application.properties',
      'ng-fix-express.js',
      'ng-fix-flask.py',
      'ng-fix-grpc.py',
      'ng-fix-puma.rb',
      'ng-fix-sinatra.rb',
      'ng-fix-web.Procfile',
    ]);
  });

  for (const c of cases) {
    it(c.name, () => {
      assert.ok(c.findings.length > 0, 'no finding');
      assert.ok(c.findings.every((f) => (f.fixes ?? []).length === 1 && f.fixes![0].safe === false), 'each finding has one unsafe fix');
      assert.equal(c.actual, c.expected);
    });
  }
});
