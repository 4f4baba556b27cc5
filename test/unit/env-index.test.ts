import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EnvReadIndex } from '../../server/src/core';

describe('EnvReadIndex', () => {
  it('indexes reads per file with offsets and LSP ranges', () => {
    const index = new EnvReadIndex();
    const text = 'const a = 1;\nconst db = process.env.DATABASE_URL;\n';
    const names = index.update('/ws/a.js', text, 'javascript');
    assert.deepEqual([...names], ['DATABASE_URL']);
    const [r] = index.readers('DATABASE_URL');
    assert.equal(r.path, '/ws/a.js');
    assert.equal(text.slice(r.start, r.end), 'DATABASE_URL');
    assert.deepEqual(r.range, { start: { line: 1, character: 23 }, end: { line: 1, character: 35 } });
  });
  it('counts reads and files, across languages and formats', () => {
    const index = new EnvReadIndex();
    index.update('/ws/a.py', 'import os\nos.environ["REDIS_URL"]\nos.getenv("REDIS_URL")\n', 'python');
    index.update('/ws/docker-compose.yml', 'services:\n  a:\n    image: x:${TAG}\n    environment: { R: "${REDIS_URL}" }\n', 'yaml');
    assert.deepEqual(index.count('REDIS_URL'), { reads: 3, files: 2 });
    assert.deepEqual([...index.names()].sort(), ['REDIS_URL', 'TAG']);
    assert.deepEqual(index.readers('REDIS_URL').map((r) => r.path), ['/ws/a.py', '/ws/a.py', '/ws/docker-compose.yml']);
  });
  it('updates incrementally: re-indexing a file replaces its reads, removing it forgets them', () => {
    const index = new EnvReadIndex();
    index.update('/ws/a.js', 'process.env.OLD_NAME', 'javascript');
    index.update('/ws/b.js', 'process.env.SHARED', 'javascript');
    index.update('/ws/a.js', 'process.env.NEW_NAME; process.env.SHARED', 'javascript');
    assert.equal(index.isRead('OLD_NAME'), false);
    assert.equal(index.isRead('NEW_NAME'), true);
    assert.deepEqual(index.count('SHARED'), { reads: 2, files: 2 });
    index.remove('/ws/b.js');
    assert.deepEqual(index.count('SHARED'), { reads: 1, files: 1 });
    index.update('/ws/a.js', 'nothing here', 'javascript');
    assert.deepEqual([...index.names()], []);
    assert.deepEqual(index.files(), []);
  });
});
