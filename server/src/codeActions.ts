import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type CreateFile,
  type Diagnostic,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  appendKeysFix,
  eolOf,
  makeComment,
  ruleById,
  type Fix,
  type LanguageId,
  type ReportedFinding,
} from './core';
import type { CheckedDocument } from './checker';
import { SOURCE } from './diagnostics';
import { extractFix, extractRefactor } from './extractAction';
import { OpenDocsCommand } from './protocol';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.twelveFactor`;

type VersionOf = (uri: string) => number | null;

/** A core fix as an LSP workspace edit: edits of the checked document and of other project files, creations. */
export function fixToWorkspaceEdit(fix: Fix, doc: TextDocument, versionOf: VersionOf): WorkspaceEdit {
  const changes: (TextDocumentEdit | CreateFile)[] = [];
  for (const c of fix.createFiles ?? []) {
    const uri = pathToFileURL(c.file).href;
    changes.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    changes.push({
      textDocument: { uri, version: null },
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: c.text }],
    });
  }
  const byUri = new Map<string, TextDocumentEdit>();
  for (const e of fix.edits) {
    const uri = e.file === undefined ? doc.uri : pathToFileURL(e.file).href;
    let te = byUri.get(uri);
    if (!te) {
      te = { textDocument: { uri, version: uri === doc.uri ? doc.version : versionOf(uri) }, edits: [] };
      byUri.set(uri, te);
      changes.push(te);
    }
    te.edits.push({ range: e.range, newText: e.newText });
  }
  return { documentChanges: changes };
}

function sameRange(d: Diagnostic, f: ReportedFinding): boolean {
  return (
    d.range.start.line === f.range.start.line &&
    d.range.start.character === f.range.start.character &&
    d.range.end.line === f.range.end.line &&
    d.range.end.character === f.range.end.character
  );
}

/** Insert an ignore comment above `line` (or at the top of the file), indented like the line. */
function ignoreEdit(doc: TextDocument, language: LanguageId, line: number, directive: string): WorkspaceEdit {
  const text = doc.getText();
  const eol = eolOf(text);
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  return {
    documentChanges: [
      {
        textDocument: { uri: doc.uri, version: doc.version },
        edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${makeComment(language, directive)}${eol}` }],
      },
    ],
  };
}

function canComment(language: LanguageId): boolean {
  return language !== 'json' && language !== 'plaintext';
}

/**
 * Code actions for the diagnostics under the cursor, ordered per diagnostic as vscode-eslint does: the fix
 * (preferred), then the ignore actions, then "Show documentation". Plus `source.fixAll.twelveFactor`.
 */
export function codeActions(
  params: CodeActionParams,
  doc: TextDocument,
  checked: CheckedDocument | undefined,
  versionOf: VersionOf,
  /** "Ignore this finding" recorded in the project config (the server provides it). */
  accept?: (finding: ReportedFinding) => { title: string; edit: WorkspaceEdit } | undefined,
): CodeAction[] {
  if (!checked) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = checked.findings.find((f) => f.ruleId === diagnostic.code && sameRange(diagnostic, f));
      if (!finding) continue;
      const ruleId = finding.ruleId;
      const extract = extractFix(finding, diagnostic, doc, checked, versionOf);
      if (extract) actions.push(extract);
      (finding.fixes ?? []).forEach((fix, i) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: !extract && i === 0,
          edit: fixToWorkspaceEdit(fix, doc, versionOf),
        });
      });
      if (canComment(checked.file.language)) {
        const line = finding.range.start.line;
        actions.push({
          title: `Ignore ${ruleId} on this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: ignoreEdit(doc, checked.file.language, line, `twelve-factor-ignore-next-line ${ruleId}`),
        });
        const firstLine = doc.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
        actions.push({
          title: `Ignore ${ruleId} in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: ignoreEdit(doc, checked.file.language, firstLine === '#!' ? 1 : 0, `twelve-factor-ignore-file ${ruleId}`),
        });
      }
      const accepted = accept?.(finding);
      if (accepted) actions.push({ title: accepted.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: accepted.edit });
      const meta = ruleById(ruleId)?.meta;
      if (meta) {
        actions.push({
          title: `Show documentation for ${ruleId}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: `Show documentation for ${ruleId}`, command: OpenDocsCommand, arguments: [meta.docsUrl] },
        });
      }
    }
  }
  if (wants(CodeActionKind.RefactorExtract)) {
    const covered = actions.filter((a) => a.title.startsWith('Extract to environment variable')).flatMap((a) => a.diagnostics ?? []).map((d) => d.range);
    const refactor = extractRefactor(params, doc, checked, versionOf, covered);
    if (refactor) actions.push(refactor);
  }
  if (only && wants(FIX_ALL_KIND)) {
    const fix = fixAll(checked);
    if (fix) actions.push({ title: fix.title, kind: FIX_ALL_KIND, edit: fixToWorkspaceEdit(fix, doc, versionOf) });
  }
  return actions;
}

/** The safe fixes of a document at once: today, every missing env variable added to the example file. */
export function fixAll(checked: CheckedDocument): Fix | undefined {
  const names: string[] = [];
  let target: string | undefined;
  for (const f of checked.findings) {
    if (f.ruleId !== 'config/env-missing-from-example' || typeof f.data?.variable !== 'string') continue;
    if (typeof f.data.exampleFile === 'string') target ??= f.data.exampleFile;
    if (!names.includes(f.data.variable)) names.push(f.data.variable);
  }
  if (!target || names.length === 0) return undefined;
  return appendKeysFix(names, checked.facts, target);
}
