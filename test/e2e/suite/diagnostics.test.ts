import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, findOn, openFixture, ours, ruleOf, waitForDiagnostics, waitForFinding } from './helpers';

suite('Diagnostics', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('an undeclared environment variable is reported, a declared one is not', async () => {
    const doc = await openFixture('app.js');
    const d = await waitForFinding(doc, 'config/env-missing-from-example', 'QUEUE_URL');
    assert.strictEqual(d.source, 'twelve-factor');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /QUEUE_URL/);
    assert.match(d.message, /\.env\.example/);
    // The code links to the rule's documentation.
    assert.ok(typeof d.code === 'object' && d.code.target instanceof vscode.Uri, 'diagnostic code should carry a docs link');
    assert.match(d.code.target.toString(), /^https?:/);
    const all = ours(doc.uri);
    assert.strictEqual(findOn(doc, all, 'config/env-missing-from-example', 'DATABASE_URL'), undefined, 'DATABASE_URL is declared');
    assert.strictEqual(findOn(doc, all, 'config/env-missing-from-example', 'PORT'), undefined, 'PORT is a platform variable');
  });

  test('a hardcoded password is reported without showing the secret', async () => {
    const doc = await openFixture('settings.js');
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === 'config/hardcoded-secret'), 'config/hardcoded-secret');
    const d = diags.find((x) => ruleOf(x) === 'config/hardcoded-secret')!;
    assert.strictEqual(d.range.start.line, 1, 'on the `const password = …` line');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    const secret = doc.lineAt(1).text.match(/"([^"]+)"/)![1];
    assert.ok(!d.message.includes(secret), 'the message must not contain the whole secret');
  });

  test('a winston File transport is reported', async () => {
    const doc = await openFixture('logger.js');
    const d = await waitForFinding(doc, 'logs/log-to-file', 'File');
    assert.strictEqual(doc.lineAt(d.range.start.line).text.includes('transports.File'), true);
  });

  test('a type declaration file gets the secret check only', async () => {
    const doc = await openFixture('types.d.ts');
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === 'config/hardcoded-secret'), 'config/hardcoded-secret');
    assert.deepStrictEqual([...new Set(diags.map(ruleOf))], ['config/hardcoded-secret'], 'no env, URL, port or log findings in a .d.ts');
    assert.strictEqual(diags.find((d) => ruleOf(d) === 'config/hardcoded-secret')!.range.start.line, 3);
  });

  test('Python: os.getenv of an undeclared variable and a logging.FileHandler are reported', async () => {
    const doc = await openFixture('worker.py');
    assert.strictEqual(doc.languageId, 'python');
    await waitForFinding(doc, 'config/env-missing-from-example', 'WORKER_CONCURRENCY');
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === 'logs/log-to-file'), 'logs/log-to-file');
    const log = diags.find((d) => ruleOf(d) === 'logs/log-to-file')!;
    assert.match(doc.lineAt(log.range.start.line).text, /FileHandler/);
    assert.strictEqual(findOn(doc, diags, 'config/env-missing-from-example', 'DATABASE_URL'), undefined);
  });
});
