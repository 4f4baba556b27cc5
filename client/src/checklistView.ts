import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ChecklistRequest,
  FactorSummaryChanged,
  RescanRequest,
  type ChecklistCheck,
  type ChecklistFactor,
  type ChecklistFinding,
  type ChecklistResult,
  type CheckStatus,
} from './protocol';

type Node =
  | { kind: 'factor'; factor: ChecklistFactor }
  | { kind: 'check'; check: ChecklistCheck; factor: ChecklistFactor }
  | { kind: 'finding'; finding: ChecklistFinding; check: ChecklistCheck };

/** What the tests read back: the top-level items as shown. */
export interface ChecklistItem {
  label: string;
  description?: string;
  status?: CheckStatus;
}

const ICON: Record<CheckStatus, [string, string]> = {
  pass: ['pass', 'testing.iconPassed'],
  warn: ['warning', 'list.warningForeground'],
  fail: ['error', 'list.errorForeground'],
  review: ['eye', 'charts.blue'],
};

function icon(status: CheckStatus): vscode.ThemeIcon {
  return new vscode.ThemeIcon(ICON[status][0], new vscode.ThemeColor(ICON[status][1]));
}

/**
 * The Twelve-Factor checklist: the 12 factors with status and summary, their checks, and the checks' findings
 * (click to open the file at the line). Review checks carry checkboxes whose state is kept per workspace and
 * branch. Filled from the server; refreshed when the server reports a change, never by a rescan per keystroke.
 */
export class ChecklistView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: ChecklistResult | undefined;
  private pending: Promise<void> | undefined;
  private readonly statusItem = vscode.window.createStatusBarItem('twelveFactor.status', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [this.changed, this.statusItem];

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly state: vscode.Memento,
  ) {
    this.statusItem.name = 'Twelve-Factor';
    this.statusItem.command = 'twelveFactor.showChecklist';
  }

  /** Subscribes to the server's change notifications; call after the client started. */
  attach(client: LanguageClient): vscode.Disposable {
    const sub = client.onNotification(FactorSummaryChanged, () => void this.refresh());
    void this.refresh();
    return sub;
  }

  /** Re-asks the server for the checklist (coalescing concurrent calls). */
  refresh(): Promise<void> {
    this.pending ??= this.load().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async load(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const result = await client.sendRequest<ChecklistResult | null>(ChecklistRequest, { reviewed: this.reviewed() });
    this.result = result ?? undefined;
    this.updateStatusBar();
    this.changed.fire();
  }

  /** "Run all checks": the server rescans the workspace, then the view refreshes. */
  async runAll(): Promise<void> {
    await vscode.window.withProgress({ location: { viewId: 'twelveFactor.checklist' }, title: 'Twelve-Factor: checking the workspace' }, async () => {
      await this.client()?.sendRequest(RescanRequest);
      await this.refresh();
    });
  }

  /** Copies the PR-ready Markdown (with the ticked review items) to the clipboard and returns it. */
  async copyMarkdown(): Promise<string> {
    await this.refresh();
    const markdown = this.result?.markdown ?? '';
    await vscode.env.clipboard.writeText(markdown);
    void vscode.window.setStatusBarMessage('Twelve-Factor checklist copied as Markdown', 3000);
    return markdown;
  }

  private stateKey(): string {
    return `twelveFactor.reviewed:${this.result?.root ?? ''}:${this.result?.branch ?? '(no branch)'}`;
  }

  reviewed(): string[] {
    return this.result ? this.state.get<string[]>(this.stateKey(), []) : [];
  }

  /** Stores the ticked review checks (from the tree's checkbox events). */
  async setReviewed(changes: readonly (readonly [Node, vscode.TreeItemCheckboxState])[]): Promise<void> {
    const set = new Set(this.reviewed());
    for (const [node, state] of changes) {
      if (node.kind !== 'check') continue;
      if (state === vscode.TreeItemCheckboxState.Checked) set.add(node.check.id);
      else set.delete(node.check.id);
    }
    await this.state.update(this.stateKey(), [...set].sort());
    await this.refresh();
  }

  private updateStatusBar(): void {
    const factors = this.result?.checklist.factors ?? [];
    const findings = factors.reduce((n, f) => n + f.checks.reduce((m, c) => m + c.findings.length, 0), 0);
    const failing = factors.filter((f) => f.status === 'fail' || f.status === 'warn').length;
    this.statusItem.text = `$(checklist) 12F: ${findings}`;
    this.statusItem.tooltip = `Twelve-Factor: ${findings} finding${findings === 1 ? '' : 's'}, ${failing} factor${failing === 1 ? '' : 's'} to look at. Click to open the checklist.`;
    if (factors.length > 0) this.statusItem.show();
  }

  async items(): Promise<ChecklistItem[]> {
    if (!this.result) await this.refresh();
    return this.getChildren().map((n) => {
      const t = this.getTreeItem(n);
      return { label: String(t.label), description: typeof t.description === 'string' ? t.description : undefined, status: n.kind === 'factor' ? n.factor.status : undefined };
    });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'factor') {
      const f = node.factor;
      const item = new vscode.TreeItem(`${f.roman}. ${f.name}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `factor-${f.number}`;
      item.description = f.summary;
      item.iconPath = icon(f.status);
      const about = this.result?.about[f.number] ?? '';
      item.tooltip = new vscode.MarkdownString(`**${f.roman}. ${f.name}** — ${f.status}\n\n${about}\n\n[12factor.net/${f.slug}](https://12factor.net/${f.slug})`);
      item.contextValue = `factor.${f.status}`;
      return item;
    }
    if (node.kind === 'check') {
      const c = node.check;
      const item = new vscode.TreeItem(c.title, c.findings.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `check-${c.id}`;
      item.description = c.summary;
      item.iconPath = icon(c.status);
      item.tooltip = `${c.title}\n${c.summary}`;
      if (c.status === 'review') {
        item.checkboxState = this.reviewed().includes(c.id) ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
      }
      item.contextValue = `check.${c.status}`;
      return item;
    }
    const f = node.finding;
    const item = new vscode.TreeItem(`${f.file}:${f.line}`, vscode.TreeItemCollapsibleState.None);
    item.description = f.message;
    item.tooltip = `${f.message}${f.ruleId ? `\n${f.ruleId}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info');
    const uri = vscode.Uri.joinPath(vscode.Uri.file(this.result?.root ?? '/'), f.file);
    const selection = new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1);
    item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection } satisfies vscode.TextDocumentShowOptions] };
    item.resourceUri = uri;
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return (this.result?.checklist.factors ?? []).map((factor) => ({ kind: 'factor', factor }));
    if (node.kind === 'factor') return node.factor.checks.map((check) => ({ kind: 'check', check, factor: node.factor }));
    if (node.kind === 'check') return node.check.findings.map((finding) => ({ kind: 'finding', finding, check: node.check }));
    return [];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
