import * as assert from 'assert';
import * as vscode from 'vscode';
import { applyEdit, codeActionsAt, titles, waitForText, within } from './actions';
import { activateExtension, openFixture, ruleOf, waitForDiagnostics, waitForDisk, workspaceUri } from './helpers';

const SECRET = 'config/hardcoded-secret';
const EXTRACT = /^Extract to environment variable ([A-Za-z_][A-Za-z0-9_]*)/;
const SIDE_FILES = ['.env.example', '.env', '.gitignore'];

/** A file's text on disk, or undefined when it does not exist. */
async function read(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function snapshot(files: string[]): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  for (const f of files) out.set(f, await read(workspaceUri(f)));
  return out;
}

/**
 * Runs the follow-up command of a code action the way the editor does after applying it. A command that asks
 * for input (the rename of the new variable) is answered with Escape: the quick input is closed until the
 * command returns.
 */
async function runFollowUp(command: vscode.Command): Promise<void> {
  let settled = false;
  const run = Promise.resolve(vscode.commands.executeCommand(command.command, ...(command.arguments ?? []))).finally(() => (settled = true));
  const deadline = Date.now() + 15_000;
  while (!settled && Date.now() < deadline) {
    await Promise.race([run.catch(() => undefined), vscode.commands.executeCommand('workbench.action.closeQuickOpen').then(() => new Promise((r) => setTimeout(r, 100)))]);
  }
  await within(run, `the follow-up command ${command.command} to return`, 1_000);
}

interface Case {
  file: string;
  line: number;
  /** The code that reads the variable, given its name. */
  read: (name: string) => RegExp;
  extraCode?: RegExp;
}

async function extractAndUndo(c: Case): Promise<void> {
  const doc = await openFixture(c.file);
  const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === SECRET && d.range.start.line === c.line), `${SECRET} in ${c.file}`);
  const d = diags.find((x) => ruleOf(x) === SECRET && x.range.start.line === c.line)!;
  const value = doc.getText(d.range);
  const originalCode = doc.getText();
  assert.ok(!doc.isDirty, `${c.file} should start saved`);
  const before = await snapshot(SIDE_FILES);

  const actions = await codeActionsAt(doc.uri, d.range);
  const extract = actions.find((a) => EXTRACT.test(a.title));
  assert.ok(extract, `no "Extract to environment variable …" among ${titles(actions)}`);
  assert.ok(extract.kind && vscode.CodeActionKind.QuickFix.contains(extract.kind), `kind is ${extract.kind?.value}`);
  const name = EXTRACT.exec(extract.title)![1];
  assert.match(name, /^[A-Z][A-Z0-9_]*$/, 'an upper-case variable name');
  assert.ok(!(before.get('.env.example') ?? '').includes(`${name}=`), `precondition: ${name} is not declared yet`);

  await applyEdit(extract);
  // Its follow-up command (rename the new variable) runs when the extension registers it; that it does is
  // checked by its own test below.
  if (extract.command && (await vscode.commands.getCommands(true)).includes(extract.command.command)) await runFollowUp(extract.command);
  assert.ok(await vscode.workspace.saveAll(false), 'saving the edited files failed');

  // On disk: the code reads the variable, the example declares it without value, .env holds it, git ignores .env.
  const code = await waitForDisk(doc.uri, (t) => c.read(name).test(t), `${c.file} to read ${name}`);
  assert.ok(!code.includes(value), 'the secret is gone from the code');
  if (c.extraCode) assert.match(code, c.extraCode);
  const example = await waitForDisk(workspaceUri('.env.example'), (t) => new RegExp(`^${name}=`, 'm').test(t), `${name}= in .env.example`);
  assert.match(example, new RegExp(`^${name}=\\s*$`, 'm'), '.env.example declares the name without a value');
  assert.ok(!example.includes(value), '.env.example must not hold the secret');
  assert.ok(example.startsWith((before.get('.env.example') ?? '').trimEnd()), '.env.example keeps its lines');
  const dotenv = await waitForDisk(workspaceUri('.env'), (t) => new RegExp(`^${name}=`, 'm').test(t), `${name}=… in .env`);
  const assigned = new RegExp(`^${name}=(.*)$`, 'm').exec(dotenv)![1].replace(/^(["'])(.*)\1$/, '$2');
  assert.ok(assigned === value, '.env assigns the extracted value to the name');
  const gitignore = await waitForDisk(workspaceUri('.gitignore'), (t) => /^\/?\.env\s*$/m.test(t), '.env in .gitignore');
  assert.ok(!gitignore.includes(value));
  // The finding is gone.
  await waitForDiagnostics(doc.uri, (ds) => !ds.some((x) => ruleOf(x) === SECRET), `the ${SECRET} finding to disappear from ${c.file}`);

  // ONE undo in the code editor reverts the whole edit, side files included, without a dialog. Why no "Undo in
  // N files?" prompt: every WorkspaceEdit applied through the bulk edit service gets its own UndoRedoGroup, and
  // UndoRedoService only prompts (_confirmAndExecuteWorkspaceUndo) for a splittable multi-file element that is
  // not part of an undo group; the grouped elements (file creations + text edits) are undone in one go
  // (_continueUndoInGroup). Files the edit created are deleted by the undo. No setting is needed
  // (checked against code-server 4.139.1 / VS Code 1.139.1).
  await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
  await within(vscode.commands.executeCommand('undo'), 'the undo command (a confirmation dialog would block it)', 20_000);
  await waitForText(doc, (t) => t === originalCode, `${c.file} to be back to its original text after one undo`);
  assert.ok(await vscode.workspace.saveAll(false), 'saving after the undo failed');
  await waitForDisk(doc.uri, (t) => t === originalCode, `${c.file} back to the original on disk`);
  const gone: string[] = [];
  for (const f of SIDE_FILES) {
    const original = before.get(f);
    const uri = workspaceUri(f);
    if (original === undefined) {
      // Created by the edit: the undo deletes it (or at least empties it).
      const now = await waitForDisk(uri, (t) => t === '', `${f} (created by the edit) to be emptied or removed`).catch(async (e) => {
        if ((await read(uri)) === undefined) return undefined;
        throw e;
      });
      gone.push(`${f}: ${now === undefined ? 'removed' : 'emptied'}`);
    } else {
      await waitForDisk(uri, (t) => t === original, `${f} back to its original content`);
    }
  }
  console.log(`      after the undo, files created by the edit: ${gone.join('; ') || 'none'}`);
}

suite('Extract to environment variable (issue 7)', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('JavaScript: process.env, .env.example, .env, .gitignore; one undo reverts all', async () => {
    await extractAndUndo({ file: 'extract.js', line: 1, read: (n) => new RegExp(`const apiKey = process\\.env\\.${n};`) });
  });

  test('the action\'s follow-up command (rename the new variable) is registered', async () => {
    const doc = await openFixture('extract.js');
    const d = (await waitForDiagnostics(doc.uri, (ds) => ds.some((x) => ruleOf(x) === SECRET), `${SECRET} in extract.js`)).find((x) => ruleOf(x) === SECRET)!;
    const extract = (await codeActionsAt(doc.uri, d.range)).find((a) => EXTRACT.test(a.title));
    assert.ok(extract, 'no extract action');
    if (!extract.command) return; // no follow-up: nothing to run
    const known = await vscode.commands.getCommands(true);
    assert.ok(known.includes(extract.command.command), `the action's command ${extract.command.command} is not registered by the extension: choosing the action in the editor shows "command not found"`);
  });

  test('Python: os.environ[…] with import os; one undo reverts all', async () => {
    await extractAndUndo({
      file: 'extract_token.py',
      line: 3,
      read: (n) => new RegExp(`auth_token = os\\.environ\\[["']${n}["']\\]`),
      extraCode: /^import os$/m,
    });
  });
});
