// Code-action helpers shared by the quick-fix, log-fix and extract tests: ask VS Code for the actions at a range
// (through the language client, like the lightbulb does) and apply one the way the editor does.
import * as assert from 'assert';
import * as vscode from 'vscode';

/** Code actions at `range`, with their edits resolved (the language client resolves them lazily). */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, kind, 100,
  );
  // A bare Command has a string `command`; a CodeAction has an optional Command object there.
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

export function titles(actions: vscode.CodeAction[]): string {
  return JSON.stringify(actions.map((a) => a.title));
}

/** Applies the action's edit (one WorkspaceEdit) and reports whether VS Code accepted it. */
export async function applyEdit(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `applying "${action.title}" failed`);
}

/**
 * Waits until `doc`'s text satisfies `accept`: checked now and on every change of that document; rejects after
 * `timeoutMs` showing the text.
 */
export function waitForText(doc: vscode.TextDocument, accept: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const text = doc.getText();
      if (!accept(text)) return;
      done();
      resolve(text);
    };
    const sub = vscode.workspace.onDidChangeTextDocument((e) => e.document === doc && check());
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${doc.uri.path}; text:\n${doc.getText()}`));
    }, timeoutMs);
    function done() {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** Rejects with a message naming `what` when `promise` does not settle within `timeoutMs`. */
export async function within<T>(promise: Thenable<T>, what: string, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve(promise), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
