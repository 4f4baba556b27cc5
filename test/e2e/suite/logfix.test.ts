import * as assert from 'assert';
import * as vscode from 'vscode';
import { applyEdit, codeActionsAt, titles, waitForText } from './actions';
import { activateExtension, openFixture, readFromDisk, ruleOf, waitForDiagnostics, waitForDisk } from './helpers';

const LOG = 'logs/log-to-file';

/** Applies the log-to-file quick fix of the first finding in `file` and checks the document and its diagnostics. */
async function fixLogSink(file: string, sink: RegExp, expected: RegExp, extra?: RegExp) {
  const doc = await openFixture(file);
  const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === LOG), `${LOG} in ${file}`);
  const d = diags.find((x) => ruleOf(x) === LOG)!;
  assert.match(doc.lineAt(d.range.start.line).text, sink, 'the finding is on the file sink');

  const actions = await codeActionsAt(doc.uri, d.range);
  // The fix: a quick fix for this diagnostic that is neither an ignore comment nor the docs link.
  // Ours are the quick fixes (other extensions add refactorings); vscode.executeCodeActionProvider does not carry
  // an action's `diagnostics` over, so the fix is told apart from the ignore and docs actions by its title.
  const quickFixes = actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
  const fix = quickFixes.find((a) => !/^(Ignore |Show documentation|Extract to )/.test(a.title));
  assert.ok(fix, `no log-to-file fix among ${titles(actions)}`);
  assert.ok(fix.edit, `"${fix.title}" has no edit`);
  assert.strictEqual(fix.isPreferred, true, `"${fix.title}" should be the preferred fix`);
  await applyEdit(fix);

  const text = await waitForText(doc, (t) => expected.test(t), `the stdout sink (${expected})`);
  assert.ok(!sink.test(text), 'the file sink is gone');
  if (extra) assert.match(text, extra);
  await waitForDiagnostics(doc.uri, (ds) => !ds.some((x) => ruleOf(x) === LOG), `the ${LOG} finding to disappear from ${file}`);
  assert.ok(await doc.save(), `saving ${file} failed`);
  const onDisk = await waitForDisk(doc.uri, (t) => expected.test(t), `the fixed ${file} on disk`);
  assert.strictEqual(onDisk, text);
  return { doc, title: fix.title };
}

suite('Log to file quick fix (issue 5)', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('winston File transport → Console transport', async () => {
    const before = await readFromDisk((await openFixture('file-logger.js')).uri);
    const { doc } = await fixLogSink('file-logger.js', /transports\.File\(/, /new winston\.transports\.Console\(\)/);
    // Only the transport changed: the rest of the file is as it was.
    assert.strictEqual(
      doc.getText().replace(/new winston\.transports\.Console\(\)/, ''),
      before.replace(/new winston\.transports\.File\(\{[^}]*\}\)/, ''),
    );
  });

  test('Python logging.FileHandler → StreamHandler(sys.stdout), importing sys', async () => {
    await fixLogSink('file_logging.py', /FileHandler\(/, /audit\.addHandler\(logging\.StreamHandler\(sys\.stdout\)\)/, /^import sys$/m);
  });
});
