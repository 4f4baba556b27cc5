import { lineIndex } from '../text';
import type { LanguageId, Range } from '../types';
import { findEnvReads } from './reads';

/** One read of a variable somewhere in the workspace. */
export interface IndexedRead {
  path: string;
  /** Offsets of the name in the file's text. */
  start: number;
  end: number;
  /** The same as a 0-based line/character range (for LSP locations). */
  range: Range;
}

/**
 * Which files read which environment variables, kept up to date one file at a time (`update` when a file is
 * opened, changed or found on disk; `remove` when it is deleted). Pure: the caller supplies the texts. Serves
 * references and hover counts for a key, and the "declared but never read" check (`isRead`).
 */
export class EnvReadIndex {
  private readonly byFile = new Map<string, { name: string; start: number; end: number; range: Range }[]>();
  private readonly byName = new Map<string, Map<string, number>>();

  /** (Re)indexes one file. Returns the names it reads. */
  update(path: string, text: string, language: LanguageId): ReadonlySet<string> {
    this.remove(path);
    const reads = findEnvReads(text, language, path);
    const names = new Set<string>();
    if (reads.length === 0) return names;
    const lines = lineIndex(text);
    this.byFile.set(
      path,
      reads.map((r) => ({ ...r, range: { start: lines.positionAt(r.start), end: lines.positionAt(r.end) } })),
    );
    for (const r of reads) {
      names.add(r.name);
      let files = this.byName.get(r.name);
      if (!files) this.byName.set(r.name, (files = new Map()));
      files.set(path, (files.get(path) ?? 0) + 1);
    }
    return names;
  }

  remove(path: string): void {
    const old = this.byFile.get(path);
    if (!old) return;
    this.byFile.delete(path);
    for (const r of old) {
      const files = this.byName.get(r.name);
      if (!files) continue;
      files.delete(path);
      if (files.size === 0) this.byName.delete(r.name);
    }
  }

  /** Every read of `name`, by path then position. */
  readers(name: string): IndexedRead[] {
    const files = this.byName.get(name);
    if (!files) return [];
    const out: IndexedRead[] = [];
    for (const path of [...files.keys()].sort()) {
      for (const r of this.byFile.get(path) ?? []) {
        if (r.name === name) out.push({ path, start: r.start, end: r.end, range: r.range });
      }
    }
    return out;
  }

  /** How many reads of `name` there are, and in how many files (for hover text). */
  count(name: string): { reads: number; files: number } {
    const files = this.byName.get(name);
    let reads = 0;
    for (const n of files?.values() ?? []) reads += n;
    return { reads, files: files?.size ?? 0 };
  }

  isRead(name: string): boolean {
    return this.byName.has(name);
  }

  /** Every variable name read anywhere in the indexed files. */
  names(): Set<string> {
    return new Set(this.byName.keys());
  }

  /** The reads in one file (as last indexed). */
  readsIn(path: string): IndexedRead[] {
    return (this.byFile.get(path) ?? []).map((r) => ({ path, start: r.start, end: r.end, range: r.range }));
  }

  /** Indexed file paths. */
  files(): string[] {
    return [...this.byFile.keys()];
  }

  clear(): void {
    this.byFile.clear();
    this.byName.clear();
  }
}
