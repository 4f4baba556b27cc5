import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultEngine, type ProjectFacts, type ReportedFinding, type SourceFile } from './core';
import type { CheckSetup } from './checkSetup';
import { OffThreadChecker, OFF_THREAD_THRESHOLD } from './offThread';
import type { Settings } from './settings';

export interface CheckedDocument {
  version: number;
  file: SourceFile;
  facts: ProjectFacts;
  findings: ReportedFinding[];
}

/** Checks documents with the core, keeping the last result per document for code actions and summaries. */
export class DocumentChecker {
  private readonly results = new Map<string, CheckedDocument>();
  private readonly offThread = new OffThreadChecker();

  constructor(private readonly setup: CheckSetup) {}

  /** Filesystem path of a document URI (non-file URIs keep their path part). */
  static pathOf(uri: string): string {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    try {
      return decodeURIComponent(new URL(uri).pathname);
    } catch {
      return uri;
    }
  }

  private prepare(doc: TextDocument, settings: Settings) {
    if (!settings.enable) return undefined;
    const text = doc.getText();
    if (text.length > settings.maxFileSize) return undefined;
    return this.setup.prepare(DocumentChecker.pathOf(doc.uri), text, settings, doc.languageId);
  }

  private remember(doc: TextDocument, result: CheckedDocument): CheckedDocument {
    const latest = this.results.get(doc.uri);
    if (!latest || latest.version <= doc.version) this.results.set(doc.uri, result);
    return result;
  }

  /** Checks on the main thread (cached per document version); undefined when the document is not checked. */
  check(doc: TextDocument, settings: Settings): CheckedDocument | undefined {
    const cached = this.results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const p = this.prepare(doc, settings);
    if (!p) {
      this.results.delete(doc.uri);
      return undefined;
    }
    return this.remember(doc, { version: doc.version, file: p.file, facts: p.facts, findings: defaultEngine().check(p.file, p.facts, p.options) });
  }

  /**
   * Checks a document, large ones on the worker thread so the main thread keeps answering requests. Resolves
   * with undefined when the document is not to be checked (disabled, too large, ignored by the project config).
   */
  async checkAsync(doc: TextDocument, settings: Settings, readNames: () => string[] | undefined): Promise<CheckedDocument | undefined> {
    const cached = this.results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    if (doc.getText().length < OFF_THREAD_THRESHOLD) return this.check(doc, settings);
    const p = this.prepare(doc, settings);
    if (!p) return undefined;
    const findings = await this.offThread.check(p.file, p.facts, this.setup.facts.rootOf(p.file.path), p.options, readNames());
    return this.remember(doc, { version: doc.version, file: p.file, facts: p.facts, findings });
  }

  last(uri: string): CheckedDocument | undefined {
    return this.results.get(uri);
  }

  forget(uri: string): void {
    this.results.delete(uri);
  }

  /** Drop every cached result (project facts changed), so the next check recomputes. */
  clear(): void {
    this.results.clear();
  }

  dispose(): void {
    this.offThread.dispose();
  }
}
