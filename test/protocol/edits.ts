import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(offset + character, text.length);
}

/** Applies LSP text edits to a string (edits are non-overlapping; applied from the end). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start.line, b.range.start.character) - offsetAt(text, a.range.start.line, a.range.start.character));
  let out = text;
  for (const e of sorted) {
    const s = offsetAt(out, e.range.start.line, e.range.start.character);
    const t = offsetAt(out, e.range.end.line, e.range.end.character);
    out = out.slice(0, s) + e.newText + out.slice(t);
  }
  return out;
}

/** Applies a workspace edit to the files on disk, as an editor would (creations first, then edits). */
export function applyWorkspaceEditToDisk(edit: WorkspaceEdit): string[] {
  const touched: string[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') {
        const path = fileURLToPath(change.uri);
        if (!existsSync(path)) writeFileSync(path, '');
        touched.push(path);
      }
      continue;
    }
    const path = fileURLToPath(change.textDocument.uri);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
    writeFileSync(path, applyTextEdits(before, change.edits as TextEdit[]));
    touched.push(path);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const path = fileURLToPath(uri);
    writeFileSync(path, applyTextEdits(readFileSync(path, 'utf8'), edits));
    touched.push(path);
  }
  return touched;
}
