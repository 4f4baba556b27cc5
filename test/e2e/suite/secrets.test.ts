import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, ruleOf, waitForDiagnostics } from './helpers';

const SECRET = 'config/hardcoded-secret';

/** The secret-valued literal on `line` (the text between the first pair of double quotes). */
function literalOn(doc: vscode.TextDocument, line: number): string {
  const m = /"([^"]+)"/.exec(doc.lineAt(line).text);
  assert.ok(m, `no string literal on line ${line + 1}`);
  return m[1];
}

suite('Hardcoded secrets (issue 3)', () => {
  let doc: vscode.TextDocument;
  let found: vscode.Diagnostic[];

  suiteSetup(async () => {
    await activateExtension();
    doc = await openFixture('secrets.js');
    // secrets.js: line 2 a GitHub token, line 3 a password, line 4 a postgres URL with a password.
    found = (await waitForDiagnostics(
      doc.uri,
      (ds) => [1, 2, 3].every((line) => ds.some((d) => ruleOf(d) === SECRET && d.range.start.line === line)),
      `${SECRET} on lines 2, 3 and 4`,
    )).filter((d) => ruleOf(d) === SECRET);
  });

  const on = (line: number) => {
    const d = found.find((x) => x.range.start.line === line);
    assert.ok(d, `no ${SECRET} on line ${line + 1}`);
    return d;
  };

  test('a GitHub token (valid checksum) is named as such and masked', () => {
    const d = on(1);
    const token = literalOn(doc, 1);
    assert.ok(token.startsWith('ghp_') && token.length === 40, 'fixture: a ghp_ token of 40 characters');
    assert.strictEqual(doc.getText(d.range), token, 'the range covers the token');
    assert.match(d.message, /GitHub personal access token/);
    assert.ok(!d.message.includes(token), 'the message must not contain the whole token');
    assert.ok(!d.message.includes(token.slice(10)), 'the message shows at most a short prefix of the token');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
  });

  test('a high-entropy password assigned to a password-named variable is reported', () => {
    const d = on(2);
    const value = literalOn(doc, 2);
    assert.strictEqual(doc.getText(d.range), value, 'the range covers the value');
    assert.match(d.message, /password/i);
    assert.match(d.message, /dbPassword/, 'the message names the variable');
    assert.ok(!d.message.includes(value), 'the message must not contain the whole password');
  });

  test('the password of a postgres connection URL is reported, not the whole URL', () => {
    const d = on(3);
    const url = literalOn(doc, 3);
    const password = /^postgres:\/\/[^:]+:([^@]+)@/.exec(url)?.[1];
    assert.ok(password, 'fixture: a postgres URL with user:password');
    assert.strictEqual(doc.getText(d.range), password, 'the range covers exactly the password');
    assert.match(d.message, /postgres/i);
    assert.match(d.message, /password/i);
    assert.ok(!d.message.includes(password), 'the message must not contain the password');
    // Nothing else on the line shows the password either (the hardcoded-URL warning masks it too).
    for (const other of vscode.languages.getDiagnostics(doc.uri).filter((x) => x.range.start.line === 3)) {
      assert.ok(!other.message.includes(password), `${ruleOf(other)} shows the password`);
    }
  });
});
