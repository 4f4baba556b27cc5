import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyWorkspaceEditToDisk } from './edits';
import { ROOT, TestClient } from './lsp-client';

/**
 * "Extract to environment variable" over the wire: the built server offers it first on a hardcoded secret, and
 * its one WorkspaceEdit, applied to real files, changes the code, the example file, `.env` and `.gitignore`.
 * Secrets are never printed: assertions on files holding them compare booleans or masked text.
 */
const FIXTURE = join(ROOT, 'test', 'fixtures', 'workspaces', 'extract');
const STRIPE = readFileSync(join(FIXTURE, 'app.js'), 'utf8').match(/sk_live_\w+/)![0];
const TOKEN = readFileSync(join(FIXTURE, 'worker.py'), 'utf8').match(/api_token = "(\w+)"/)![1];

const dirs: string[] = [];
const clients: TestClient[] = [];

function workspace(git?: (run: (...args: string[]) => void, dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfl-extract-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  if (git) {
    const run = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'pipe' });
    run('init', '-q');
    git(run, dir);
  }
  return dir;
}

async function start(ws: string): Promise<TestClient> {
  const client = new TestClient();
  clients.push(client);
  await client.initialize(ws);
  return client;
}

async function actionsFor(client: TestClient, path: string, languageId: string, rule: string): Promise<{ actions: CodeAction[]; diagnostic: Diagnostic }> {
  const diagnostics = await client.open(path, readFileSync(path, 'utf8'), languageId);
  const diagnostic = diagnostics.find((d) => d.code === rule);
  assert.ok(diagnostic, `expected ${rule}, got ${diagnostics.map((d) => d.code).join(', ')}`);
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: pathToFileURL(path).href },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as CodeAction[];
  return { actions, diagnostic };
}

const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);

describe('extract to environment variable (built server over stdio)', () => {
  after(async () => {
    for (const c of clients) await c.shutdown();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('JS secret, no git repository yet: code, example, new .env and new .gitignore in one edit', async () => {
    const ws = workspace();
    const client = await start(ws);
    const app = join(ws, 'app.js');
    const { actions } = await actionsFor(client, app, 'javascript', 'config/hardcoded-secret');
    const titles = actions.map((a) => a.title);
    assert.equal(titles[0], 'Extract to environment variable STRIPE_SECRET_KEY');
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[0].kind, 'quickfix');
    assert.ok(actions.slice(1).every((a) => !a.isPreferred), 'only the extract action is preferred');
    assert.deepEqual(titles.slice(-4), [
      'Ignore config/hardcoded-secret on this line',
      'Ignore config/hardcoded-secret in this file',
      'Ignore this finding (record it in .twelve-factor.yml)',
      'Show documentation for config/hardcoded-secret',
    ]);
    assert.ok(titles.every((t) => !t.includes(STRIPE)), 'a title leaks the secret');

    applyWorkspaceEditToDisk(actions[0].edit!);
    const code = read(app)!;
    assert.match(code, /^const stripeKey = process\.env\.STRIPE_SECRET_KEY;$/m);
    assert.equal(code.includes(STRIPE), false, 'the secret is still in the code');
    assert.equal(read(join(ws, '.env.example')), "# The app's config contract.\nDATABASE_URL=\n# secret\nSTRIPE_SECRET_KEY=\n");
    assert.equal(read(join(ws, '.env')) === `STRIPE_SECRET_KEY=${STRIPE}\n`, true, '.env holds the value');
    assert.equal(read(join(ws, '.gitignore')), '.env\n');

    // The rename command gets the name's places in the edited files.
    const arg = (actions[0].command?.arguments ?? [])[0] as { name: string; locations: { uri: string; range: { start: { line: number; character: number } } }[] };
    assert.equal(actions[0].command?.command, 'twelveFactor.renameExtractedVariable');
    assert.equal(arg.locations.length, 3);
    for (const loc of arg.locations) {
      const line = readFileSync(new URL(loc.uri), 'utf8').split('\n')[loc.range.start.line];
      assert.equal(line.slice(loc.range.start.character, loc.range.start.character + arg.name.length), 'STRIPE_SECRET_KEY');
    }

    // The edited code no longer has the finding, and the example file declares what it reads.
    const uri = pathToFileURL(app).href;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(ws, '.env.example')).href, type: 2 }] });
    const next = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: code }] });
    const codes = (await next).map((d) => d.code);
    assert.ok(!codes.includes('config/hardcoded-secret') && !codes.includes('config/env-missing-from-example'), `left: ${codes.join(', ')}`);
  });

  it('Python secret, .env ignored and untracked: import os added, value appended, .gitignore untouched', async () => {
    const ws = workspace(() => undefined);
    writeFileSync(join(ws, '.gitignore'), 'node_modules/\r\n.env\r\n');
    writeFileSync(join(ws, '.env'), 'DATABASE_URL=postgres://localhost/dev');
    const client = await start(ws);
    const worker = join(ws, 'worker.py');
    const { actions } = await actionsFor(client, worker, 'python', 'config/hardcoded-secret');
    assert.equal(actions[0].title, 'Extract to environment variable API_TOKEN');
    applyWorkspaceEditToDisk(actions[0].edit!);
    assert.equal(
      read(worker),
      '"""Background worker."""\nimport logging\nimport os\n\nlog = logging.getLogger(__name__)\napi_token = os.environ["API_TOKEN"]\n',
    );
    assert.equal(read(join(ws, '.env.example')), "# The app's config contract.\nDATABASE_URL=\n# secret\nAPI_TOKEN=\n");
    assert.equal(read(join(ws, '.env')) === `DATABASE_URL=postgres://localhost/dev\nAPI_TOKEN=${TOKEN}`, true, '.env: value appended, no final newline kept');
    assert.equal(read(join(ws, '.gitignore')), 'node_modules/\r\n.env\r\n');
  });

  it('Python secret, .env tracked by git: the value is not written and the title says so', async () => {
    const ws = workspace((git, dir) => {
      writeFileSync(join(dir, '.env'), 'DATABASE_URL=postgres://localhost/dev\n');
      git('add', '.env');
    });
    const client = await start(ws);
    const worker = join(ws, 'worker.py');
    const { actions } = await actionsFor(client, worker, 'python', 'config/hardcoded-secret');
    assert.equal(actions[0].title, 'Extract to environment variable API_TOKEN (value not written: .env is tracked by git)');
    applyWorkspaceEditToDisk(actions[0].edit!);
    assert.match(read(worker)!, /api_token = os\.environ\["API_TOKEN"\]/);
    assert.match(read(join(ws, '.env.example'))!, /\nAPI_TOKEN=\n$/);
    assert.equal(read(join(ws, '.env')), 'DATABASE_URL=postgres://localhost/dev\n');
    assert.equal(read(join(ws, '.gitignore')), undefined);
  });

  it('offers refactor.extract on a selected string literal, not on a bare cursor', async () => {
    const ws = workspace();
    const client = await start(ws);
    const app = join(ws, 'app.js');
    const text = readFileSync(app, 'utf8');
    await client.open(app, text, 'javascript');
    const line = text.split('\n').findIndex((l) => l.includes('eu-west-1'));
    const col = text.split('\n')[line].indexOf('eu-west-1');
    const ask = (from: number, to: number) =>
      client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: pathToFileURL(app).href },
        range: { start: { line, character: from }, end: { line, character: to } },
        context: { diagnostics: [], only: ['refactor'] },
      }) as Promise<CodeAction[]>;
    const actions = await ask(col, col + 'eu-west-1'.length);
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Extract to environment variable REGION', 'refactor.extract']]);
    assert.deepEqual(await ask(col + 2, col + 2), []);
    applyWorkspaceEditToDisk(actions[0].edit!);
    assert.match(read(app)!, /region: process\.env\.REGION \?\? "eu-west-1"/);
    assert.equal(read(join(ws, '.env')), "REGION=eu-west-1\n");

    // Selecting a flagged secret extracts it as a secret: its provider's name, no default.
    const secretLine = text.split('\n').findIndex((l) => l.includes('sk_live_'));
    const secretCol = text.split('\n')[secretLine].indexOf('sk_live_');
    const onSecret = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: pathToFileURL(app).href },
      range: { start: { line: secretLine, character: secretCol }, end: { line: secretLine, character: secretCol + 10 } },
      context: { diagnostics: [], only: ['refactor.extract'] },
    })) as CodeAction[];
    assert.deepEqual(onSecret.map((a) => a.title), ['Extract to environment variable STRIPE_SECRET_KEY']);
    const codeEdit = onSecret[0].edit!.documentChanges![0] as { edits: { newText: string }[] };
    assert.deepEqual(codeEdit.edits.map((e) => e.newText), ['process.env.STRIPE_SECRET_KEY']);
  });
});
