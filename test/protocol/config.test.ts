import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { applyWorkspaceEditToDisk } from './edits';
import { ROOT, TestClient } from './lsp-client';

const codes = (ds: { code?: unknown; range: { start: { line: number } } }[]) => ds.map((d) => `${String(d.code)}@${d.range.start.line + 1}`).sort();

describe('the project config (.twelve-factor.yml) in the language server', () => {
  let ws: string;
  let client: TestClient;
  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'tfl-config-'));
    cpSync(join(ROOT, 'test', 'fixtures', 'workspaces', 'protocol'), ws, { recursive: true });
    mkdirSync(join(ws, 'legacy'));
    writeFileSync(join(ws, 'legacy', 'old.py'), 'import logging\nh = logging.FileHandler("old.log")\n');
    writeFileSync(
      join(ws, '.twelve-factor.yml'),
      ['rules:', '  logs/log-to-file: "off"', 'ignore:', '  - legacy/', 'platformVariables:', '  - PAYMENTS_API_KEY', ''].join('\n'),
    );
    client = new TestClient();
    await client.initialize(ws);
  });
  after(async () => {
    await client.shutdown();
    rmSync(ws, { recursive: true, force: true });
  });

  it('applies severities and platform variables from the config', async () => {
    const path = join(ws, 'app.js');
    assert.deepEqual(codes(await client.open(path, readFileSync(path, 'utf8'), 'javascript')), ['config/hardcoded-secret@12']);
  });

  it('does not check files the config ignores', async () => {
    const path = join(ws, 'legacy', 'old.py');
    client.settings.rules = { 'logs/log-to-file': 'warning' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await client.open(path, readFileSync(path, 'utf8'), 'python'), []);
  });

  it('user settings override the config severities', async () => {
    const uri = pathToFileURL(join(ws, 'app.js')).href;
    const next = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'logs/log-to-file'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.ok((await next).some((d) => d.code === 'logs/log-to-file'));
    delete client.settings.rules;
    // As an editor does when a setting changes: the server reads settings again after this notification only.
    const back = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'logs/log-to-file'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await back;
  });

  it('re-reads the config when it changes on disk', async () => {
    const uri = pathToFileURL(join(ws, 'app.js')).href;
    const next = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'config/env-missing-from-example'));
    writeFileSync(join(ws, '.twelve-factor.yml'), 'rules:\n  logs/log-to-file: "off"\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(ws, '.twelve-factor.yml')).href, type: 2 }],
    });
    assert.deepEqual(codes(await next), ['config/env-missing-from-example@6', 'config/hardcoded-secret@12']);
  });

  it('shows schema errors as diagnostics on the config file', async () => {
    const path = join(ws, '.twelve-factor.yml');
    const diagnostics = await client.open(path, 'rules:\n  logs/log-to-file: loud\nunknownKey: 1\n', 'yaml');
    const config = diagnostics.filter((d) => d.code === 'config-file');
    assert.ok(config.length >= 2, JSON.stringify(config));
    assert.ok(config.some((d) => /unknownKey/.test(d.message)));
  });
});

describe('"Ignore this finding" records a fingerprint in the project config', () => {
  it('creates .twelve-factor.yml with the fingerprint, and the finding stays gone after it moves', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'tfl-accept-'));
    const client = new TestClient();
    try {
      const path = join(ws, 'settings.py');
      const text = 'DEBUG = False\nDB_PASSWORD = "Vq8#mZ2!rT7pLw4x"\n';
      writeFileSync(path, text);
      await client.initialize(ws);
      const diagnostics = await client.open(path, text, 'python');
      const secret = diagnostics.find((d) => d.code === 'config/hardcoded-secret')!;
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: pathToFileURL(path).href },
        range: secret.range,
        context: { diagnostics: [secret] },
      })) as { title: string; edit?: Parameters<typeof applyWorkspaceEditToDisk>[0] }[];
      const titles = actions.map((a) => a.title);
      const accept = actions.find((a) => a.title.startsWith('Ignore this finding'));
      assert.ok(accept, titles.join(' | '));
      assert.ok(titles.indexOf(accept.title) > titles.indexOf('Ignore config/hardcoded-secret in this file'), 'after the comment ignores');
      assert.ok(titles.indexOf(accept.title) < titles.findIndex((t) => t.startsWith('Show documentation')), 'before the docs');
      applyWorkspaceEditToDisk(accept.edit!);
      const config = readFileSync(join(ws, '.twelve-factor.yml'), 'utf8');
      assert.match(config, /accepted:\n {2}- rule: config\/hardcoded-secret\n {4}fingerprint: [0-9a-f]{32}\n {4}path: settings\.py\n/);
      assert.ok(!config.includes('Vq8#mZ2!rT7pLw4x'), 'the config never holds the secret');
      const uri = pathToFileURL(path).href;
      const cleared = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'config/hardcoded-secret'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(ws, '.twelve-factor.yml')).href, type: 1 }] });
      await cleared;
      const moved = client.nextDiagnostics(uri, (p) => p.version === 2);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '# moved down\n\n' + text }] });
      assert.ok(!(await moved).some((d) => d.code === 'config/hardcoded-secret'), 'fingerprint survives a line move');
      const other = client.nextDiagnostics(uri, (p) => p.version === 3);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: text.replace('Vq8#mZ2!rT7pLw4x', 'Zt5$kW9@pQ2xNm7v') }] });
      assert.ok((await other).some((d) => d.code === 'config/hardcoded-secret'), 'a different secret is reported again');
    } finally {
      await client.shutdown();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
