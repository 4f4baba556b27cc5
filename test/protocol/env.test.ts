import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, Hover, Location } from 'vscode-languageserver-protocol';
import { ROOT, TestClient } from './lsp-client';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'workspaces', 'protocol');

describe('env contract editor features over the protocol', () => {
  let ws: string;
  let client: TestClient;
  const uriOf = (name: string) => pathToFileURL(join(ws, name)).href;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'tfl-env-'));
    cpSync(FIXTURE, ws, { recursive: true });
    // A local .env with a real-looking value, to prove hover masks it.
    renameSync(join(ws, '.env.local-values'), join(ws, '.env'));
    client = new TestClient();
    await client.initialize(ws);
    await client.open(join(ws, 'worker.py'), readFileSync(join(ws, 'worker.py'), 'utf8'), 'python');
    await client.open(join(ws, 'app.js'), readFileSync(join(ws, 'app.js'), 'utf8'), 'javascript');
  });
  after(async () => {
    await client.shutdown();
    rmSync(ws, { recursive: true, force: true });
  });

  it('completes declared names after process.env. with the example comment as documentation', async () => {
    const uri = uriOf('complete.js');
    await client.open(join(ws, 'complete.js'), 'const x = process.env.', 'javascript');
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: 22 },
    })) as CompletionItem[];
    assert.deepEqual(items.map((i) => i.label).sort(), ['DATABASE_URL', 'REDIS_URL']);
    const db = items.find((i) => i.label === 'DATABASE_URL')!;
    assert.match(JSON.stringify(db.documentation), /Postgres connection string/);
  });

  it('completes inside os.environ["…"] in Python, and offers nothing elsewhere', async () => {
    await client.open(join(ws, 'complete.py'), 'import os\nx = os.environ["RE\ny = 1\n', 'python');
    const at = (line: number, character: number) =>
      client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uriOf('complete.py') }, position: { line, character } }) as Promise<CompletionItem[]>;
    assert.ok((await at(1, 18)).some((i) => i.label === 'REDIS_URL'));
    assert.deepEqual(await at(2, 5), []);
  });

  it('hovers a read: declaration, local value masked, read count', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf('app.js') },
      position: { line: 4, character: 36 },
    })) as Hover;
    const text = JSON.stringify(hover.contents);
    assert.match(text, /DATABASE_URL/);
    assert.match(text, /line 4: Postgres connection string\.\\n/);
    assert.match(text, /Set in the local `\.env`/);
    assert.ok(!text.includes('Zx81pLqv93Kd'), 'hover must not show the local value');
    assert.match(text, /Read 1 time in 1 file/);
  });

  it('goes to the definition in the example file', async () => {
    const loc = (await client.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uriOf('worker.py') },
      position: { line: 3, character: 25 },
    })) as Location;
    assert.equal(loc.uri, uriOf('.env.example'));
    assert.deepEqual(loc.range.start, { line: 4, character: 0 });
  });

  it('finds all references of an example key across the workspace', async () => {
    const example = join(ws, '.env.example');
    await client.open(example, readFileSync(example, 'utf8'), 'dotenv');
    const refs = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uriOf('.env.example') },
      position: { line: 3, character: 3 },
      context: { includeDeclaration: true },
    })) as Location[];
    assert.deepEqual(
      refs.map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${r.range.start.line}`),
      ['.env.example:3', 'app.js:4'],
    );
  });

  it('re-checks open documents when the example file changes on disk', async () => {
    const uri = uriOf('worker.py');
    const cleared = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'config/env-missing-from-example'));
    writeFileSync(join(ws, '.env.example'), readFileSync(join(ws, '.env.example'), 'utf8') + 'QUEUE_NAME=\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('.env.example'), type: 2 }] });
    await cleared;
    const back = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'config/env-missing-from-example'));
    rmSync(join(ws, '.env.example'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('.env.example'), type: 3 }] });
    const diagnostics = await back;
    assert.match(diagnostics.find((d) => d.code === 'config/env-missing-from-example')!.message, /none found/);
  });
});
