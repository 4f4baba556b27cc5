import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ChecklistView } from './checklistView';

/** One table: command id → handler. Every command the extension contributes is registered from here. */
export function registerCommands(
  context: vscode.ExtensionContext,
  deps: { client: () => LanguageClient | undefined; checklist: ChecklistView; restart: () => Promise<void> },
): void {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'twelveFactor.refreshChecklist': () => deps.checklist.refresh(),
    'twelveFactor.runAllChecks': () => deps.checklist.runAll(),
    'twelveFactor.copyChecklistMarkdown': () => deps.checklist.copyMarkdown(),
    'twelveFactor.showChecklist': () => vscode.commands.executeCommand('workbench.view.extension.twelveFactor'),
    'twelveFactor.showOutput': () => deps.client()?.outputChannel.show(),
    'twelveFactor.restartServer': () => deps.restart(),
    'twelveFactor.renameExtractedVariable': (arg) => renameExtractedVariable(arg),
    'twelveFactor.openDocs': (url) => {
      if (typeof url === 'string' && /^https:\/\//.test(url)) return vscode.env.openExternal(vscode.Uri.parse(url));
      return undefined;
    },
  };
  for (const [id, handler] of Object.entries(table)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}

interface ExtractedVariable {
  name: string;
  locations: { uri: string; range: { start: { line: number; character: number } } }[];
}

/**
 * Runs after "Extract to environment variable": offers to rename the suggested name, and rewrites it in every
 * file the extraction touched (code, env example, .env) in one more edit.
 */
async function renameExtractedVariable(arg: unknown): Promise<void> {
  const a = arg as ExtractedVariable | undefined;
  if (!a || typeof a.name !== 'string' || !Array.isArray(a.locations)) return;
  const name = await vscode.window.showInputBox({
    title: 'Environment variable name',
    value: a.name,
    valueSelection: [0, a.name.length],
    validateInput: (v) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? undefined : 'Letters, digits and _ only, not starting with a digit'),
  });
  if (!name || name === a.name) return;
  const edit = new vscode.WorkspaceEdit();
  for (const l of a.locations) {
    const start = new vscode.Position(l.range.start.line, l.range.start.character);
    edit.replace(vscode.Uri.parse(l.uri), new vscode.Range(start, start.translate(0, a.name.length)), name);
  }
  await vscode.workspace.applyEdit(edit);
}
