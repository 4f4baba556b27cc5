import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
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
