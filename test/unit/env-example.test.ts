import assert from 'node:assert/strict';
import { parse } from 'dotenv';
import { describe, it } from 'node:test';
import { parseDotenv, parseEnvExample } from '../../server/src/core';

describe('parseEnvExample', () => {
  it('keys from dotenv, with their line and the comment above', () => {
    const text = '# Postgres URL\nDATABASE_URL=\nexport REDIS_URL=redis://x\nCERT="-----BEGIN-----\nNOT_A_KEY=1\n-----END-----"\n\n# two\n# lines\nLOG_LEVEL = info # inline\n';
    const keys = parseEnvExample('/ws/.env.example', text).keys;
    assert.deepEqual([...keys.keys()], ['DATABASE_URL', 'REDIS_URL', 'CERT', 'LOG_LEVEL']);
    assert.deepEqual(keys.get('DATABASE_URL'), { line: 1, comment: 'Postgres URL' });
    assert.deepEqual(keys.get('REDIS_URL'), { line: 2 });
    assert.deepEqual(keys.get('LOG_LEVEL'), { line: 9, comment: 'two\nlines' });
  });
});

describe('parseDotenv', () => {
  it('finds the same keys as dotenv’s parse', () => {
    const cases = ['KEY:\n\nNEW=', 'KEY:\n\n\n\nNEW=', 'A=\n\n\n\n"x"\nB=1', 'A="x\n\n\n\ny"\nB=2', 'A=1\r\n\r\n\r\nB=2', 'K:\n  \n\t\nN=1', '# c\nexport A=1\n'];
    for (const c of cases) assert.deepEqual(Object.keys(parseDotenv(c)), Object.keys(parse(c)), JSON.stringify(c));
  });
  it('stays linear on long runs of blank lines (dotenv alone is quadratic there)', () => {
    const started = Date.now();
    parseDotenv('\n'.repeat(1_000_000));
    parseDotenv(' \r\n'.repeat(333_333));
    parseEnvExample('/ws/.env', 'A=1\n' + '\n'.repeat(1_000_000) + 'B=2\n');
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
  });
});
