import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { PROVIDERS } from '../../server/src/core/secrets/providers';
import { ROOT, TestClient } from './lsp-client';

/**
 * Promise 4: no secret ever leaves in full. A workspace holds every provider's own true-positive examples plus
 * generic passwords, connection-string passwords and a local .env; every output of the CLI and the server is
 * searched for each whole secret value.
 */

const GENERIC: { file: string; text: string; secret: string }[] = [
  { file: 'generic.py', text: 'DB_PASSWORD = "Tr0ub4dor&3-xQ9z"\n', secret: 'Tr0ub4dor&3-xQ9z' },
  { file: 'conn.js', text: 'const url = "postgres://app:s3cretPassw0rdZ@db.example.com:5432/app";\n', secret: 's3cretPassw0rdZ' },
  { file: 'App.config', text: '<add key="db" value="Server=db;Database=app;User Id=sa;Password=Kq7!vP2#wL9m;" />\n', secret: 'Kq7!vP2#wL9m' },
  { file: '.env', text: 'SESSION_SECRET=f3b1c9e8a7d64b2c9e0f1a2b3c4d5e6f\n', secret: 'f3b1c9e8a7d64b2c9e0f1a2b3c4d5e6f' },
];

function providerSecrets(): { id: string; text: string; secret: string }[] {
  const out: { id: string; text: string; secret: string }[] = [];
  for (const p of PROVIDERS) {
    for (const ng of p.examples.ng) {
      const m = new RegExp(p.re.source, p.re.flags.replace('g', '')).exec(ng);
      const token = m?.groups?.token ?? m?.[0];
      if (token && token.length >= 12) out.push({ id: p.id, text: ng, secret: token });
    }
  }
  return out;
}

function leaks(output: string, secrets: string[]): string[] {
  const escaped = (s: string) => JSON.stringify(s).slice(1, -1);
  return secrets.filter((s) => output.includes(s) || output.includes(escaped(s))).map((s) => `${s.slice(0, 6)}… (${s.length} chars)`);
}

describe('no output contains a whole secret', () => {
  let ws: string;
  let secrets: string[];
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'tfl-leak-'));
    mkdirSync(join(ws, 'src'));
    const provs = providerSecrets();
    assert.ok(provs.length >= 80, `expected examples for at least 80 provider kinds, got ${provs.length}`);
    provs.forEach((p, i) => writeFileSync(join(ws, 'src', `p${i}.txt`), `${p.text}\n`));
    for (const g of GENERIC) writeFileSync(join(ws, g.file), g.text);
    secrets = [...provs.map((p) => p.secret), ...GENERIC.map((g) => g.secret)];
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif']) {
    it(`CLI check --format ${format}`, () => {
      const r = spawnSync('node', [join(ROOT, 'dist', 'cli.js'), 'check', '.', '--format', format, '--no-color'], { cwd: ws, encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      const output = r.stdout + r.stderr;
      assert.ok(output.length > 1000);
      assert.deepEqual(leaks(output, secrets), []);
    });
  }

  it('CLI checklist --format markdown and json', () => {
    for (const format of ['markdown', 'json', 'text']) {
      const r = spawnSync('node', [join(ROOT, 'dist', 'cli.js'), 'checklist', '.', '--format', format, '--no-color'], { cwd: ws, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, `${format}: exit ${r.status} ${r.stderr}`);
      assert.deepEqual(leaks(r.stdout + r.stderr, secrets), [], format);
    }
  });

  it('language server: diagnostics, hover, code action titles and edits, trace log', async () => {
    const client = new TestClient();
    const captured: string[] = [];
    try {
      await client.initialize(ws);
      for (const name of ['generic.py', 'conn.js', 'App.config', '.env', 'src/p0.txt', 'src/p1.txt']) {
        const path = join(ws, name);
        const diagnostics: Diagnostic[] = await client.open(path, readFileSync(path, 'utf8'), name.endsWith('.py') ? 'python' : 'javascript');
        captured.push(JSON.stringify(diagnostics));
        for (const d of diagnostics) {
          const actions = (await client.connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri: pathToFileURL(path).href },
            range: d.range,
            context: { diagnostics: [d] },
          })) as CodeAction[];
          // Titles and commands must be masked; an extract fix may carry the value only in edits to the git-ignored .env.
          captured.push(JSON.stringify(actions.map((a) => ({ title: a.title, command: a.command }))));
          const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: pathToFileURL(path).href }, position: d.range.start });
          captured.push(JSON.stringify(hover));
        }
      }
      captured.push(JSON.stringify(await client.connection.sendRequest('twelveFactor/checklist', {})));
      captured.push(client.logs.join('\n'), client.messages.join('\n'), client.stderr);
    } finally {
      await client.shutdown();
    }
    assert.deepEqual(leaks(captured.join('\n'), secrets), []);
  });

  it('the fixture really holds the secrets (the test can fail)', () => {
    const all = execFileSync('cat', [join(ws, 'generic.py'), join(ws, 'src', 'p0.txt')], { encoding: 'utf8' });
    assert.ok(leaks(all, secrets).length >= 2);
  });
});
