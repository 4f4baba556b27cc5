import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ChecklistView, type ChecklistItem } from './checklistView';
import { createClient } from './client';
import { registerCommands } from './commands';
import { ServerInfoRequest } from './protocol';

/** What `activate` returns: used by the end-to-end tests to read the view as shown. */
export interface TwelveFactorApi {
  checklistItems(): Promise<ChecklistItem[]>;
  /** Re-reads the checklist from the server. */
  refreshChecklist(): Promise<void>;
  /** The language server's process id (the crash-recovery test kills it). */
  serverPid(): Promise<number | undefined>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<TwelveFactorApi> {
  const checklist = new ChecklistView(() => client, context.workspaceState);
  const tree = vscode.window.createTreeView('twelveFactor.checklist', { treeDataProvider: checklist, showCollapseAll: true });
  context.subscriptions.push(checklist, tree, tree.onDidChangeCheckboxState((e) => checklist.setReviewed(e.items)));
  const start = async () => {
    client = createClient(context);
    await client.start();
    context.subscriptions.push(checklist.attach(client));
  };
  const restart = async () => {
    await client?.stop();
    await start();
  };
  registerCommands(context, { client: () => client, checklist, restart });
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await start();
  return {
    checklistItems: () => checklist.items(),
    refreshChecklist: () => checklist.refresh(),
    serverPid: async () => (await client?.sendRequest<{ pid: number }>(ServerInfoRequest))?.pid,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
