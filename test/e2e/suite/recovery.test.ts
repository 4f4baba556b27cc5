import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitForText, within } from './actions';
import { activateExtension, eventually, openFixture, ours, ruleOf, waitForDiagnostics } from './helpers';

const SECRET = 'config/hardcoded-secret';

suite('Crash recovery (issue 9)', () => {
  test('after the language server is killed, a new one starts and diagnostics come back', async () => {
    const api = await activateExtension();
    assert.ok(api.serverPid, 'the API has serverPid()');
    const doc = await openFixture('crash.js');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === SECRET), `${SECRET} in crash.js`);
    const pid = await api.serverPid();
    assert.ok(typeof pid === 'number' && pid > 0, `serverPid() returned ${pid}`);

    // Watch the diagnostics of crash.js: the client may clear them when it notices the crash; they must be there
    // once the new server runs.
    let cleared = false;
    let events = 0;
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === doc.uri.toString())) return;
      events += 1;
      if (ours(doc.uri).length === 0) cleared = true;
    });
    let newPid: number;
    try {
      process.kill(pid, 'SIGKILL');
      // The pid of whatever server answers now (requests fail or wait while the client restarts it).
      newPid = await eventually(async () => {
        const p = await within(api.serverPid!(), 'serverPid()', 3_000).catch(() => undefined);
        return typeof p === 'number' && p !== pid ? p : undefined;
      }, 'a new language server (serverPid() to change)', 45_000, 500);
      await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === SECRET), `${SECRET} in crash.js after the restart`);
    } finally {
      sub.dispose();
    }
    console.log(`      server ${pid} killed, ${newPid!} started; diagnostics of crash.js ${cleared ? 'were cleared, then came back' : 'were not cleared'} (${events} change events)`);
    assert.throws(() => process.kill(pid, 0), 'the old server process is gone');

    // The new server checks edits: a second secret typed into the (unsaved) document is reported.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(3, 0), 'const apiToken = "Zr4kP9xQw2Lm7Vn3Bt6Hy8Jc";\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === SECRET && d.range.start.line === 3), `${SECRET} on the inserted line`);
    // Leave the file as it was.
    await vscode.commands.executeCommand('workbench.action.files.revert', doc.uri);
    await waitForText(doc, (t) => !t.includes('apiToken'), 'the revert');
  });
});
