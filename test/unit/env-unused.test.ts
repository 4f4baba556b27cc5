import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultEngine, EnvReadIndex, PLATFORM_VARIABLES, type ProjectFacts, type SourceFile } from '../../server/src/core';

const RULE = 'config/env-unused-in-code';
const example: SourceFile = {
  path: '/ws/.env.example',
  text: '# contract\nDATABASE_URL=\nexport STALE_FLAG=off\nPORT=3000\nAWS_SECRET_ACCESS_KEY=\nCERT="-----BEGIN-----\nabc\n-----END-----"\n',
  language: 'dotenv',
};

function unused(file: SourceFile, isReadInWorkspace: ProjectFacts['isReadInWorkspace']): string[] {
  const facts: ProjectFacts = { platformVariables: new Set(PLATFORM_VARIABLES), isReadInWorkspace };
  return defaultEngine()
    .check(file, facts)
    .filter((f) => f.ruleId === RULE)
    .map((f) => `${f.data?.variable}@${f.range.start.line}:${f.range.start.character}-${f.range.end.character}:${f.severity}`);
}

describe('config/env-unused-in-code', () => {
  it('reports declared keys no code reads, on the key name, as hints', () => {
    const index = new EnvReadIndex();
    index.update('/ws/src/db.js', 'const db = process.env.DATABASE_URL;', 'javascript');
    assert.deepEqual(unused(example, (n) => index.isRead(n)), ['STALE_FLAG@2:7-17:hint', 'CERT@5:0-4:hint']);
  });
  it('a read anywhere in the workspace (any language or format) clears a key', () => {
    const index = new EnvReadIndex();
    index.update('/ws/src/db.js', 'process.env.DATABASE_URL', 'javascript');
    index.update('/ws/docker-compose.yml', 'services:\n  a:\n    environment: { F: "${STALE_FLAG:-off}" }\n', 'yaml');
    index.update('/ws/tls.py', 'import os\nos.environ["CERT"]\n', 'python');
    assert.deepEqual(unused(example, (n) => index.isRead(n)), []);
  });
  it('skips platform variables (PORT) and variables frameworks and SDKs read by themselves (DATABASE_URL, AWS_*)', () => {
    assert.deepEqual(unused(example, () => false).map((s) => s.split('@')[0]), ['STALE_FLAG', 'CERT']);
  });
  it('reports nothing while the workspace index is not ready', () => {
    assert.deepEqual(unused(example, undefined), []);
    assert.deepEqual(unused(example, () => undefined), []);
  });
  it('runs on example files only, not on local .env files', () => {
    assert.deepEqual(unused({ ...example, path: '/ws/.env' }, () => false), []);
    assert.deepEqual(unused({ ...example, path: '/ws/.env.local' }, () => false), []);
    assert.equal(unused({ ...example, path: '/ws/.env.sample' }, () => false).length, 2);
  });
});
