import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  FileChangeType,
  MessageType,
  type Diagnostic,
  ShowMessageNotification,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type Hover,
  type Location,
  type ReferenceParams,
  type TextDocumentPositionParams,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { DocumentChecker } from './checker';
import { CheckSetup } from './checkSetup';
import { parseProjectConfig } from './config';
import { acceptFindingEdit } from './acceptFinding';
import { codeActions } from './codeActions';
import { isEnvExampleFile } from './core/env/discovery';
import * as env from './envFeatures';
import { toDiagnostic } from './diagnostics';
import { ProjectFactsCache } from './projectFacts';
import { workspaceChecklist } from './checklistService';
import { FactorSummaryChanged, type ChecklistParams, type ChecklistResult, type FactorSummaryResult } from './protocol';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';
import { WorkspaceScan } from './workspaceScan';

/** Files whose change on disk changes other files' findings: re-check open documents when they change. */
const FACTS_FILE = /(?:^|\/)(?:\.env(?:\.[^/]*)?|[^/]*\.env|env\.example|\.gitignore|\.twelve-factor\.ya?ml)$/;

/** Schema and syntax errors of a project config file, as diagnostics on the file. */
export function configDiagnostics(text: string): Diagnostic[] {
  return parseProjectConfig(text).errors.map((e) => {
    const line = Math.max(0, (e.line ?? 1) - 1);
    const character = Math.max(0, (e.column ?? 1) - 1);
    return {
      range: { start: { line, character }, end: { line, character: character + 1 } },
      severity: DiagnosticSeverity.Error,
      source: 'twelve-factor',
      code: 'config-file',
      message: e.message,
    };
  });
}

/** Why a document is not checked (too large for the setting, or binary), or undefined. */
export function skipReason(doc: TextDocument, settings: Settings): string | undefined {
  const text = doc.getText();
  if (text.length > settings.maxFileSize) {
    return `it is larger than twelveFactor.maxFileSize (${text.length} > ${settings.maxFileSize} characters)`;
  }
  if (text.slice(0, 8192).includes('\u0000')) return 'it looks binary (it holds NUL bytes)';
  return undefined;
}

/** The server's state and behaviour behind the handlers wired in server.ts. */
export class ServerState {
  private roots: string[] = [];
  private supportsConfiguration = false;
  private supportsWatchedFilesRegistration = false;
  private readonly facts = new ProjectFactsCache([]);
  private readonly setup = new CheckSetup(this.facts);
  private readonly checker = new DocumentChecker(this.setup);
  private readonly scan: WorkspaceScan;
  private summaryTimer: NodeJS.Timeout | undefined;
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  /** Open documents whose env reads are re-indexed once typing pauses (off the keystroke path). */
  private readonly indexTimers = new Map<string, { timer: NodeJS.Timeout; run: () => void }>();
  /** Documents already announced as not checked (large or binary): one message each. */
  private readonly skippedNotified = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
  ) {
    this.scan = new WorkspaceScan(
      this.setup,
      () => this.summaryChanged(),
      () => this.revalidateWhere((path) => isEnvExampleFile(path)),
    );
  }

  initialize(params: InitializeParams): void {
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    this.roots = folders.map((f) => DocumentChecker.pathOf(f.uri));
    this.facts.setRoots(this.roots);
    this.supportsConfiguration = params.capabilities.workspace?.configuration === true;
    this.supportsWatchedFilesRegistration =
      params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  }

  initialized(): void {
    if (this.supportsConfiguration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'twelveFactor' });
    }
    if (this.supportsWatchedFilesRegistration) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*' }],
      });
    }
    this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => DocumentChecker.pathOf(f.uri)));
      this.roots = [...this.roots.filter((r) => !removed.has(r)), ...e.added.map((f) => DocumentChecker.pathOf(f.uri))];
      this.facts.setRoots(this.roots);
      this.rescan();
    });
    this.rescan();
  }

  /**
   * Settings for a resource, read from the client through workspace/configuration and kept per resource until
   * the client reports a configuration change (never one global settings object), so a keystroke costs no
   * round trip to the client.
   */
  settingsFor(uri: string): Promise<Settings> {
    if (!this.supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'twelveFactor' })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  async validate(doc: TextDocument): Promise<void> {
    const settings = await this.settingsFor(doc.uri);
    const current = this.documents.get(doc.uri);
    if (!current || current.version !== doc.version) return; // a newer change will validate
    const skip = skipReason(doc, settings);
    if (skip) {
      this.checker.forget(doc.uri);
      if (!this.skippedNotified.has(doc.uri)) {
        this.skippedNotified.add(doc.uri);
        void this.connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Info,
          message: `Twelve-Factor Lint did not check ${DocumentChecker.pathOf(doc.uri)}: ${skip}.`,
        });
      }
      await this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      return;
    }
    const checked = await this.checker.checkAsync(doc, settings, () => (this.scan.ready ? [...this.scan.envIndex.names()] : undefined));
    if (this.documents.get(doc.uri)?.version !== doc.version) return; // changed while it was checked
    const diagnostics = checked ? checked.findings.map(toDiagnostic) : [];
    if (CheckSetup.isConfigFile(DocumentChecker.pathOf(doc.uri))) diagnostics.push(...configDiagnostics(doc.getText()));
    await this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    if (checked) {
      this.scan.set(checked.file.path, checked.findings);
      this.scheduleIndex(doc.uri, checked.file);
    }
  }

  /** Re-indexes a document's env reads (references, hover counts, unused keys) 250 ms after its last change. */
  private scheduleIndex(uri: string, file: { path: string; text: string; language: Parameters<WorkspaceScan['indexReads']>[2] }): void {
    clearTimeout(this.indexTimers.get(uri)?.timer);
    const run = () => {
      this.indexTimers.delete(uri);
      this.scan.indexReads(file.path, file.text, file.language);
    };
    this.indexTimers.set(uri, { timer: setTimeout(run, 250), run });
  }

  /** Requests that read the index (hover, references) first apply the pending updates. */
  private flushIndex(): void {
    for (const { timer, run } of [...this.indexTimers.values()]) {
      clearTimeout(timer);
      run();
    }
  }

  documentChanged(doc: TextDocument): void {
    void this.validate(doc);
  }

  documentClosed(doc: TextDocument): void {
    this.checker.forget(doc.uri);
    this.settingsCache.delete(doc.uri);
    void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    void this.scan.checkFromDisk(DocumentChecker.pathOf(doc.uri), (p) => this.settingsFor(pathToFileURL(p).href));
  }

  settingsChanged(): void {
    this.settingsCache.clear();
    this.checker.clear();
    this.revalidateAll();
    this.rescan();
  }

  watchedFilesChanged(changes: FileEvent[]): void {
    let factsChanged = false;
    for (const c of changes) {
      const path = DocumentChecker.pathOf(c.uri);
      if (FACTS_FILE.test(path)) {
        this.facts.invalidate(path);
        this.setup.invalidate(path);
        factsChanged = true;
      }
      if (this.documents.get(c.uri)) continue; // open documents are tracked from their text
      if (c.type === FileChangeType.Deleted) this.scan.remove(path);
      else void this.scan.checkFromDisk(path, (p) => this.settingsFor(pathToFileURL(p).href));
    }
    if (factsChanged) {
      this.checker.clear();
      this.revalidateAll();
      this.rescan();
    }
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const doc = this.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const checked = this.checker.check(doc, await this.settingsFor(doc.uri));
    const openText = (path: string) => this.documents.get(pathToFileURL(path).href)?.getText();
    return codeActions(params, doc, checked, (uri) => this.documents.get(uri)?.version ?? null, (finding) =>
      checked ? acceptFindingEdit(this.setup, checked, finding, openText) : undefined,
    );
  }

  factorSummary(): FactorSummaryResult {
    return this.scan.summary();
  }

  checklist(params: ChecklistParams | undefined): ChecklistResult | null {
    const open = new Map(this.documents.all().map((d) => [DocumentChecker.pathOf(d.uri), d] as const));
    return workspaceChecklist(this.roots, this.scan, params ?? {}, (path) => open.get(path)?.getText());
  }

  /** "Run all checks": rescan the workspace; resolves when the scan is complete. */
  async rescanAll(): Promise<void> {
    this.checker.clear();
    this.facts.invalidateAll();
    this.revalidateAll();
    await this.scan.start(this.roots, (p) => this.settingsFor(pathToFileURL(p).href));
  }

  private revalidateAll(): void {
    this.revalidateWhere(() => true);
  }

  /** Re-checks the open documents whose path matches (their facts changed, not their text). */
  private revalidateWhere(test: (path: string) => boolean): void {
    for (const doc of this.documents.all()) {
      if (!test(DocumentChecker.pathOf(doc.uri))) continue;
      this.checker.forget(doc.uri);
      void this.validate(doc);
    }
  }

  /** The checked state of a document for position requests (hover, completion…), current to its version. */
  private async current(uri: string) {
    const doc = this.documents.get(uri);
    this.flushIndex();
    if (!doc) return undefined;
    const checked = this.checker.check(doc, await this.settingsFor(uri));
    if (!checked) return undefined;
    return { doc, checked, path: checked.file.path, language: checked.file.language, facts: checked.facts };
  }

  async completion(p: TextDocumentPositionParams): Promise<CompletionItem[]> {
    const c = await this.current(p.textDocument.uri);
    return c ? env.completions(c.doc, p.position, c.language, c.facts) : [];
  }

  async hover(p: TextDocumentPositionParams): Promise<Hover | null> {
    const c = await this.current(p.textDocument.uri);
    return (c && env.hover(c.doc, p.position, c.language, c.path, c.facts, this.scan.envIndex)) ?? null;
  }

  async definition(p: TextDocumentPositionParams): Promise<Location | null> {
    const c = await this.current(p.textDocument.uri);
    return (c && env.definition(c.doc, p.position, c.language, c.path, c.facts)) ?? null;
  }

  async references(p: ReferenceParams): Promise<Location[]> {
    const c = await this.current(p.textDocument.uri);
    return c ? env.references(c.doc, p.position, c.language, c.path, c.facts, this.scan.envIndex, p.context.includeDeclaration) : [];
  }

  private rescan(): void {
    void this.scan.start(this.roots, (p) => this.settingsFor(pathToFileURL(p).href));
  }

  private summaryChanged(): void {
    if (this.summaryTimer) return;
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = undefined;
      void this.connection.sendNotification(FactorSummaryChanged, this.scan.summary());
    }, 200);
  }
}
