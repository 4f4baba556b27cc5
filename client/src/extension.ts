import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ChecklistView, type ChecklistItem } from './checklistView';
import { createClient } from './client';
import { registerCommands } from './commands';

export interface TwelveFactorApi {
  /** The top-level items of the checklist view, as shown (used by the end-to-end tests). */
  checklistItems(): Promise<ChecklistItem[]>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<TwelveFactorApi> {
  const checklist = new ChecklistView(() => client);
  context.subscriptions.push(checklist, vscode.window.registerTreeDataProvider('twelveFactor.checklist', checklist));
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
  return { checklistItems: () => checklist.items() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
