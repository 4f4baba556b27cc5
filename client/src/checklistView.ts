import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Mirrors server/src/protocol.ts (the client bundle does not import server code). */
const FactorSummaryRequest = 'twelveFactor/factorSummary';
const FactorSummaryChanged = 'twelveFactor/factorSummaryChanged';

interface FactorSummary {
  number: number;
  roman: string;
  name: string;
  slug: string;
  findings: number;
  rules: string[];
}
interface FactorSummaryResult {
  factors: FactorSummary[];
  filesWithFindings: number;
  complete: boolean;
}

export interface ChecklistItem {
  label: string;
  description?: string;
}

/** The Twelve-Factor tree: the 12 factors with the number of findings under each, filled from the server. */
export class ChecklistView implements vscode.TreeDataProvider<FactorSummary | string> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private summary: FactorSummaryResult | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** Subscribes to the server's change notifications; call after the client started. */
  attach(client: LanguageClient): vscode.Disposable {
    const sub = client.onNotification(FactorSummaryChanged, (s: FactorSummaryResult) => {
      this.summary = s;
      this.changed.fire();
    });
    void this.refresh();
    return sub;
  }

  async refresh(): Promise<void> {
    const client = this.client();
    if (!client) return;
    this.summary = await client.sendRequest<FactorSummaryResult>(FactorSummaryRequest);
    this.changed.fire();
  }

  async items(): Promise<ChecklistItem[]> {
    if (!this.summary) await this.refresh();
    return (this.summary?.factors ?? []).map((f) => {
      const t = this.getTreeItem(f);
      return { label: String(t.label), description: typeof t.description === 'string' ? t.description : undefined };
    });
  }

  getTreeItem(element: FactorSummary | string): vscode.TreeItem {
    if (typeof element === 'string') {
      const item = new vscode.TreeItem(element, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('symbol-ruler');
      return item;
    }
    const item = new vscode.TreeItem(
      `${element.roman}. ${element.name}`,
      element.rules.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `factor-${element.number}`;
    item.description =
      element.rules.length === 0 ? 'no automatic checks yet' : `${element.findings} finding${element.findings === 1 ? '' : 's'}`;
    item.iconPath = new vscode.ThemeIcon(
      element.rules.length === 0 ? 'circle-outline' : element.findings > 0 ? 'warning' : 'pass',
    );
    item.tooltip = new vscode.MarkdownString(`**${element.roman}. ${element.name}** — [12factor.net/${element.slug}](https://12factor.net/${element.slug})`);
    return item;
  }

  getChildren(element?: FactorSummary | string): (FactorSummary | string)[] {
    if (!element) return this.summary?.factors ?? [];
    if (typeof element === 'string') return [];
    return element.rules;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
