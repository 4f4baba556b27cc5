import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  appendKeysFix,
  defaultEngine,
  fixAllDotenvMissing,
  fixAllMissing,
  lineIndex,
  parseEnvExample,
  PLATFORM_VARIABLES,
  type Fix,
  type ProjectFacts,
  type SourceFile,
} from '../../server/src/core';

function facts(exampleText?: string): ProjectFacts {
  return {
    envExample: exampleText === undefined ? undefined : parseEnvExample('/ws/.env.example', exampleText),
    envExampleCreatePath: '/ws/.env.example',
    platformVariables: new Set(PLATFORM_VARIABLES),
  };
}

/** Applies a fix's edits to the example file's text (edits are at the end of the file). */
function applied(fix: Fix, text: string): string {
  const lines = lineIndex(text);
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start))) {
    out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  }
  return out;
}

const js = (text: string): SourceFile => ({ path: '/ws/src/app.js', text, language: 'javascript' });

describe('appendKeysFix keeps the example file’s style', () => {
  it('LF with a final newline', () => {
    const f = facts('A=\n');
    assert.equal(applied(appendKeysFix(['B', 'C'], f, '/ws/.env.example'), 'A=\n'), 'A=\nB=\nC=\n');
  });
  it('CRLF with a final newline', () => {
    const f = facts('A=\r\n');
    assert.equal(applied(appendKeysFix(['B'], f, '/ws/.env.example'), 'A=\r\n'), 'A=\r\nB=\r\n');
  });
  it('no final newline stays without one', () => {
    const f = facts('A=1\r\nX=2');
    assert.equal(applied(appendKeysFix(['B'], f, '/ws/.env.example'), 'A=1\r\nX=2'), 'A=1\r\nX=2\r\nB=');
  });
  it('creates the file when there is none', () => {
    const fix = appendKeysFix(['B', 'C'], facts(), '/ws/.env.example');
    assert.deepEqual(fix.createFiles, [{ file: '/ws/.env.example', text: 'B=\nC=\n' }]);
    assert.deepEqual(fix.edits, []);
  });
});

describe('config/env-missing-from-example fixes', () => {
  it('each finding offers "Add X" on the example file', () => {
    const findings = defaultEngine().check(js('process.env.STRIPE_KEY; process.env.A'), facts('A=\n'))
      .filter((f) => f.ruleId === 'config/env-missing-from-example');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].fixes?.[0].title, 'Add STRIPE_KEY to .env.example');
    assert.equal(findings[0].data?.variable, 'STRIPE_KEY');
    assert.equal(findings[0].data?.exampleFile, '/ws/.env.example');
  });
  it('fixAllMissing adds every missing name once, in order of first read, skipping platform variables', () => {
    const file = js('process.env.B_KEY; process.env.PORT; process.env.A_KEY; process.env.B_KEY; process.env.DECLARED');
    const fix = fixAllMissing(file, facts('DECLARED=\n'));
    assert.ok(fix);
    assert.equal(fix.title, 'Add 2 missing variables to .env.example');
    assert.equal(applied(fix, 'DECLARED=\n'), 'DECLARED=\nB_KEY=\nA_KEY=\n');
  });
  it('fixAllMissing creates the example when there is none, and is undefined when nothing is missing', () => {
    const fix = fixAllMissing(js('process.env.X_ONE; process.env.X_TWO'), facts());
    assert.deepEqual(fix?.createFiles, [{ file: '/ws/.env.example', text: 'X_ONE=\nX_TWO=\n' }]);
    assert.equal(fixAllMissing(js('process.env.PORT'), facts('')), undefined);
  });
});

describe('config/dotenv-key-missing-from-example fixes', () => {
  const local: SourceFile = {
    path: '/ws/.env',
    text: 'DATABASE_URL=postgres://u:p@localhost/db\nexport NEW_SECRET="s3cr3t-value-not-copied"\nOTHER=1\n',
    language: 'dotenv',
  };
  it('adds the key without its value', () => {
    const findings = defaultEngine().check(local, facts('DATABASE_URL=\n')).filter((f) => f.ruleId === 'config/dotenv-key-missing-from-example');
    assert.deepEqual(findings.map((f) => [f.data?.variable, f.range.start.line, f.range.start.character]), [['NEW_SECRET', 1, 7], ['OTHER', 2, 0]]);
    const text = applied(findings[0].fixes![0], 'DATABASE_URL=\n');
    assert.equal(text, 'DATABASE_URL=\nNEW_SECRET=\n');
    for (const f of findings) assert.ok(!f.message.includes('s3cr3t'), 'no value in messages');
  });
  it('fix all declares every missing key in file order', () => {
    const fix = fixAllDotenvMissing(local, facts('DATABASE_URL=\n'));
    assert.equal(applied(fix!, 'DATABASE_URL=\n'), 'DATABASE_URL=\nNEW_SECRET=\nOTHER=\n');
  });
  it('does not run on example files', () => {
    const example: SourceFile = { path: '/ws/app/.env.example', text: 'UNDECLARED=\n', language: 'dotenv' };
    const findings = defaultEngine().check(example, facts('')).filter((f) => f.ruleId === 'config/dotenv-key-missing-from-example');
    assert.deepEqual(findings, []);
  });
});
