import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, TestClient } from './lsp-client';
import type { ChecklistResult } from '../../server/src/protocol';

describe('checklist request over the protocol', () => {
  let ws: string;
  let client: TestClient;
  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'tfl-checklist-'));
    cpSync(join(ROOT, 'test', 'fixtures', 'workspaces', 'protocol'), ws, { recursive: true });
    client = new TestClient();
    await client.initialize(ws);
    await client.connection.sendRequest('twelveFactor/rescan');
  });
  after(async () => {
    await client.shutdown();
    rmSync(ws, { recursive: true, force: true });
  });

  it('returns the 12 factors in order with statuses computed from the workspace scan', async () => {
    const r = (await client.connection.sendRequest('twelveFactor/checklist', {})) as ChecklistResult;
    assert.equal(r.root, ws);
    assert.deepEqual(r.checklist.factors.map((f) => f.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const config = r.checklist.factors[2];
    assert.equal(config.status, 'fail', 'a hardcoded secret fails factor III');
    const secrets = config.checks.flatMap((c) => c.findings).filter((f) => f.ruleId === 'config/hardcoded-secret');
    assert.deepEqual(secrets.map((f) => `${f.file}:${f.line}`).sort(), ['.env.local-values:1', 'app.js:12']);
    assert.ok(!JSON.stringify(r).includes('Vq8#mZ2!rT7pLw4x'), 'no secret in the checklist');
    assert.notEqual(r.checklist.factors[10].status, 'pass', 'file logging shows under XI');
    assert.match(r.about[3], /environment/);
    assert.match(r.markdown, /^## Twelve-Factor checklist/);
  });

  it('counts ticked review items as done in the Markdown', async () => {
    const plain = (await client.connection.sendRequest('twelveFactor/checklist', {})) as ChecklistResult;
    const review = plain.checklist.factors.flatMap((f) => f.checks).find((c) => c.status === 'review');
    assert.ok(review, 'the fixture project has at least one review question');
    const ticked = (await client.connection.sendRequest('twelveFactor/checklist', { reviewed: [review.id] })) as ChecklistResult;
    assert.ok(plain.markdown.includes(review.title.replace(/[<>[\]&]/g, '')) || plain.markdown.includes('Review:'));
    assert.notEqual(ticked.markdown, plain.markdown);
    assert.ok(!ticked.markdown.includes(`Review: ${review.title}`), 'the ticked question is no longer open');
  });
});
