import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, applyWorkspaceEditToDisk } from './edits';
import { ROOT, TestClient } from './lsp-client';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'workspaces', 'protocol');

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfl-protocol-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();

describe('language server over stdio', () => {
  let ws: string;
  let client: TestClient;
  before(async () => {
    ws = copyFixture();
    client = new TestClient();
    const init = (await client.initialize(ws)) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.codeActionProvider, 'code actions advertised');
    assert.equal((init.capabilities.textDocumentSync as { change: number }).change, 2, 'incremental sync');
  });
  after(async () => {
    await client.shutdown();
    rmSync(ws, { recursive: true, force: true });
  });

  it('publishes diagnostics with rule id, docs link, source and masked message on didOpen', async () => {
    const path = join(ws, 'app.js');
    const diagnostics = await client.open(path, readFileSync(path, 'utf8'), 'javascript');
    assert.deepEqual(codes(diagnostics), [
      'config/env-missing-from-example@6',
      'config/hardcoded-secret@12',
      'logs/log-to-file@9',
    ]);
    for (const d of diagnostics) {
      assert.equal(d.source, 'twelve-factor');
      assert.match(String(d.codeDescription?.href), new RegExp(`README\\.md#${String(d.code).replace('/', '')}$`));
    }
    const secret = diagnostics.find((d) => d.code === 'config/hardcoded-secret')!;
    assert.ok(!secret.message.includes('Vq8#mZ2!rT7pLw4x'), `message leaks the secret: ${secret.message}`);
    assert.match(secret.message, /…/);
    const missing = diagnostics.find((d) => d.code === 'config/env-missing-from-example')!;
    assert.match(missing.message, /PAYMENTS_API_KEY/);
  });

  it('re-checks on incremental didChange', async () => {
    const uri = pathToFileURL(join(ws, 'app.js')).href;
    const next = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'const t = process.env.FEATURE_FLAGS;\n' }],
    });
    const diagnostics = await next;
    assert.ok(diagnostics.some((d) => d.code === 'config/env-missing-from-example' && d.range.start.line === 0 && /FEATURE_FLAGS/.test(d.message)));
  });

  it('offers fix → ignore → docs actions, and the "Add X" fix edits the example file on disk', async () => {
    const path = join(ws, 'worker.py');
    const uri = pathToFileURL(path).href;
    const diagnostics = await client.open(path, readFileSync(path, 'utf8'), 'python');
    const missing = diagnostics.find((d) => d.code === 'config/env-missing-from-example')!;
    assert.ok(missing, `expected QUEUE_NAME to be flagged, got ${codes(diagnostics)}`);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Add QUEUE_NAME to .env.example',
        'Ignore config/env-missing-from-example on this line',
        'Ignore config/env-missing-from-example in this file',
        'Ignore this finding (record it in .twelve-factor.yml)',
        'Show documentation for config/env-missing-from-example',
      ],
    );
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[4].command?.command, 'twelveFactor.openDocs');

    const cleared = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'config/env-missing-from-example'));
    applyWorkspaceEditToDisk(actions[0].edit!);
    assert.equal(readFileSync(join(ws, '.env.example'), 'utf8'), "# The app's config contract.\n\n# Postgres connection string.\nDATABASE_URL=\nREDIS_URL=\nQUEUE_NAME=\n");
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(ws, '.env.example')).href, type: 2 }],
    });
    await cleared;
  });

  it('the ignore action inserts a comment that silences the finding', async () => {
    const path = join(ws, 'worker.py');
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8');
    const fileLog = { start: { line: 6, character: 10 }, end: { line: 6, character: 29 } };
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: fileLog,
      context: { diagnostics: [{ range: fileLog, message: '', source: 'twelve-factor', code: 'logs/log-to-file' }] },
    })) as CodeAction[];
    const ignore = actions.find((a) => a.title === 'Ignore logs/log-to-file on this line');
    assert.ok(ignore, `got ${actions.map((a) => a.title).join(' | ')}`);
    const edits = (ignore.edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
    const ignored = applyTextEdits(text, edits);
    assert.match(ignored, /\n# twelve-factor-ignore-next-line logs\/log-to-file\nhandler = logging\.FileHandler/);
    const next = client.nextDiagnostics(uri, (p) => p.version === 5);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: ignored }] });
    assert.deepEqual(codes(await next), []);
  });

  it('fix all offers nothing when nothing is missing', async () => {
    const uri = pathToFileURL(join(ws, 'worker.py')).href;
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.twelveFactor'] },
    });
    assert.deepEqual(actions, []);
  });

  it('source.fixAll adds every missing key at once', async () => {
    const path = join(ws, 'multi.js');
    const text = 'const a = process.env.ALPHA;\nconst b = process.env.BETA;\nconst c = process.env.ALPHA;\n';
    const uri = pathToFileURL(path).href;
    const diagnostics = await client.open(path, text, 'javascript');
    assert.equal(diagnostics.filter((d) => d.code === 'config/env-missing-from-example').length, 3);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.twelveFactor');
    applyWorkspaceEditToDisk(actions[0].edit!);
    assert.match(readFileSync(join(ws, '.env.example'), 'utf8'), /QUEUE_NAME=\nALPHA=\nBETA=\n$/);
  });

  it('reports the factor summary for the checklist view', async () => {
    const summary = (await client.connection.sendRequest('twelveFactor/factorSummary')) as {
      factors: { number: number; findings: number }[];
    };
    assert.equal(summary.factors.length, 12);
    assert.ok(summary.factors.find((f) => f.number === 3)!.findings > 0);
    assert.ok(summary.factors.find((f) => f.number === 11)!.findings > 0);
  });

  it('honours per-rule severity settings read through workspace/configuration', async () => {
    client.settings.rules = { 'logs/log-to-file': 'off', 'config/hardcoded-secret': 'warning' };
    const uri = pathToFileURL(join(ws, 'app.js')).href;
    const next = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'logs/log-to-file'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const diagnostics = await next;
    assert.equal(diagnostics.find((d) => d.code === 'config/hardcoded-secret')?.severity, 2);
    delete client.settings.rules;
  });
});

describe('documents the server does not check', () => {
  it('skips a document over maxFileSize, and a binary one, with one message each', async () => {
    const ws = copyFixture();
    const client = new TestClient();
    try {
      client.settings.maxFileSize = 1000;
      await client.initialize(ws);
      const big = `const password = "Vq8#mZ2!rT7pLw4x";\n${'// filler\n'.repeat(200)}`;
      assert.deepEqual(await client.open(join(ws, 'big.js'), big, 'javascript'), []);
      assert.deepEqual(await client.open(join(ws, 'blob.js'), 'const token = "ghp_x";\u0000\u0001', 'javascript'), []);
      const uri = pathToFileURL(join(ws, 'big.js')).href;
      const again = client.nextDiagnostics(uri, (p) => p.version === 2);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: big + '// more\n' }] });
      assert.deepEqual(await again, []);
      assert.equal(client.messages.filter((m) => m.includes('big.js')).length, 1, client.messages.join('\n'));
      assert.match(client.messages.find((m) => m.includes('big.js'))!, /maxFileSize/);
      assert.match(client.messages.find((m) => m.includes('blob.js'))!, /binary/);
    } finally {
      await client.shutdown();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('a 5 MB document is checked off the request path', () => {
  it('answers other requests while the large document is being checked, then publishes its findings', async () => {
    const ws = copyFixture();
    const client = new TestClient();
    try {
      client.settings.maxFileSize = 10_000_000;
      await client.initialize(ws);
      const small = join(ws, 'worker.py');
      await client.open(small, readFileSync(small, 'utf8'), 'python');
      const line = 'const item = compute(process.env.DATABASE_URL, "abcdefghij", 42); // filler filler filler\n';
      const big = 'const password = "Vq8#mZ2!rT7pLw4x";\n' + line.repeat(Math.ceil(5_000_000 / line.length));
      const bigUri = pathToFileURL(join(ws, 'big.js')).href;
      const order: string[] = [];
      const bigDiagnostics = client.nextDiagnostics(bigUri, () => true, 60_000).then((d) => {
        order.push('big diagnostics');
        return d;
      });
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'javascript', version: 1, text: big } });
      const hover = client.connection
        .sendRequest('textDocument/hover', { textDocument: { uri: pathToFileURL(small).href }, position: { line: 3, character: 25 } })
        .then((h) => {
          order.push('hover');
          return h;
        });
      assert.ok(await hover);
      const diagnostics = await bigDiagnostics;
      assert.deepEqual(order, ['hover', 'big diagnostics']);
      assert.deepEqual(diagnostics.map((d) => `${d.code}@${d.range.start.line}`), ['config/hardcoded-secret@0']);
    } finally {
      await client.shutdown();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('`twelve-factor lsp --stdio` serves the same server', () => {
  it('initializes and publishes diagnostics', async () => {
    const ws = copyFixture();
    const client = new TestClient(['node', join(ROOT, 'dist', 'cli.js'), 'lsp', '--stdio']);
    try {
      await client.initialize(ws);
      const path = join(ws, 'worker.py');
      const diagnostics = await client.open(path, readFileSync(path, 'utf8'), 'python');
      assert.deepEqual(codes(diagnostics), ['config/env-missing-from-example@5', 'logs/log-to-file@7']);
    } finally {
      await client.shutdown();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
