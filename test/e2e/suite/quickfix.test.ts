import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, findOn, openFixture, readFromDisk, waitForDiagnostics, waitForDisk, waitForFinding, workspaceUri } from './helpers';

const MISSING = 'config/env-missing-from-example';

/** Code actions at `range`, with their edits resolved (the language client resolves them lazily). */
async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, undefined, 100,
  );
  // A bare Command has a string `command`; a CodeAction has an optional Command object there.
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applying "${action.title}" failed`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  assert.ok(action.edit || action.command, `"${action.title}" has neither an edit nor a command`);
}

suite('Quick fixes', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('offers add / ignore / docs for an undeclared variable', async () => {
    const doc = await openFixture('app.js');
    const d = await waitForFinding(doc, MISSING, 'QUEUE_URL');
    const titles = (await codeActionsAt(doc.uri, d.range)).map((a) => a.title);
    assert.ok(titles.includes('Add QUEUE_URL to .env.example'), `titles: ${JSON.stringify(titles)}`);
    assert.ok(titles.some((t) => t.startsWith(`Ignore ${MISSING}`) && /this line/.test(t)), `titles: ${JSON.stringify(titles)}`);
    assert.ok(titles.some((t) => t.startsWith('Show documentation')), `titles: ${JSON.stringify(titles)}`);
  });

  test('"Add QUEUE_URL to .env.example" writes the example file and the warning goes away', async () => {
    const doc = await openFixture('app.js');
    const d = await waitForFinding(doc, MISSING, 'QUEUE_URL');
    const exampleUri = workspaceUri('.env.example');
    const before = await readFromDisk(exampleUri);
    assert.ok(!/^QUEUE_URL=/m.test(before), 'precondition: QUEUE_URL is not declared yet');

    const actions = await codeActionsAt(doc.uri, d.range);
    const add = actions.find((a) => a.title === 'Add QUEUE_URL to .env.example');
    assert.ok(add, `no add fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(add.kind && vscode.CodeActionKind.QuickFix.contains(add.kind), `kind is ${add.kind?.value}`);
    await apply(add);
    assert.ok(await vscode.workspace.saveAll(false), 'saving the edited files failed');

    const after = await waitForDisk(exampleUri, (text) => /^QUEUE_URL=\s*$/m.test(text), 'QUEUE_URL= in .env.example');
    assert.ok(after.startsWith(before.trimEnd()), 'the existing declarations are kept');
    await waitForDiagnostics(doc.uri, (ds) => !findOn(doc, ds, MISSING, 'QUEUE_URL'), 'the QUEUE_URL warning to disappear');
  });

  test('"Ignore … on this line" silences the finding with a comment', async () => {
    const doc = await openFixture('worker.py');
    const d = await waitForFinding(doc, MISSING, 'WORKER_CONCURRENCY');
    const actions = await codeActionsAt(doc.uri, d.range);
    const ignore = actions.find((a) => a.title.startsWith(`Ignore ${MISSING}`) && /this line/.test(a.title));
    assert.ok(ignore, `no ignore fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    await apply(ignore);
    await waitForDiagnostics(doc.uri, (ds) => !findOn(doc, ds, MISSING, 'WORKER_CONCURRENCY'), 'the ignored finding to disappear');
    assert.match(doc.getText(), /#.*twelve-factor/i, 'an ignore comment was inserted');
    assert.ok(await doc.save(), 'saving worker.py failed');
  });
});
