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
    'twelveFactor.openDocs': (url) => {
      if (typeof url === 'string' && /^https:\/\//.test(url)) return vscode.env.openExternal(vscode.Uri.parse(url));
      return undefined;
    },
  };
  for (const [id, handler] of Object.entries(table)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}
