import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultEngine, languageOf, type ProjectFacts, type ReportedFinding, type SourceFile } from './core';
import { OffThreadChecker, OFF_THREAD_THRESHOLD } from './offThread';
import type { ProjectFactsCache } from './projectFacts';
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

  constructor(private readonly facts: ProjectFactsCache) {}

  /**
   * Checks a document, large ones on the worker thread so the main thread keeps answering requests. Resolves
   * with undefined when the document is not to be checked (disabled).
   */
  async checkAsync(doc: TextDocument, settings: Settings, readNames: () => string[] | undefined): Promise<CheckedDocument | undefined> {
    const cached = this.results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    if (!settings.enable || doc.getText().length < OFF_THREAD_THRESHOLD) return this.check(doc, settings);
    const path = DocumentChecker.pathOf(doc.uri);
    const file: SourceFile = { path, text: doc.getText(), language: languageOf(path, doc.languageId) };
    const facts = this.facts.factsFor(path, settings.platformVariables);
    const findings = await this.offThread.check(file, facts, this.facts.rootOf(path), settings.rules, readNames());
    const result = { version: doc.version, file, facts, findings };
    const latest = this.results.get(doc.uri);
    if (!latest || latest.version <= doc.version) this.results.set(doc.uri, result);
    return result;
  }

  dispose(): void {
    this.offThread.dispose();
  }

  /** Filesystem path of a document URI (non-file URIs keep their path part). */
  static pathOf(uri: string): string {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    try {
      return decodeURIComponent(new URL(uri).pathname);
    } catch {
      return uri;
    }
  }

  check(doc: TextDocument, settings: Settings): CheckedDocument | undefined {
    const cached = this.results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    if (!settings.enable) {
      this.results.delete(doc.uri);
      return undefined;
    }
    const path = DocumentChecker.pathOf(doc.uri);
    const text = doc.getText();
    if (text.length > settings.maxFileSize) {
      this.results.delete(doc.uri);
      return undefined;
    }
    const file: SourceFile = { path, text, language: languageOf(path, doc.languageId) };
    const facts = this.facts.factsFor(path, settings.platformVariables);
    const findings = defaultEngine().check(file, facts, { severities: settings.rules });
    const result = { version: doc.version, file, facts, findings };
    this.results.set(doc.uri, result);
    return result;
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
}
