import { parseAllDocuments, isMap, isScalar, isSeq, type Node } from 'yaml';
import { findComment } from '../languages';
import type { LanguageId, LineIndex } from '../types';

/**
 * Small, bounded scanners over source text shared by the logs, backing-services and port-binding rules: balanced
 * parentheses, top-level arguments, comments, YAML scalars. They never look further than `MAX_SPAN` characters.
 */

export const MAX_SPAN = 3000;

/** The start of the line holding `offset`, looking back at most `max` characters (so long lines stay cheap). */
export function lineStartNear(text: string, offset: number, max = 1000): number {
  const from = Math.max(0, offset - max);
  const i = text.slice(from, offset).lastIndexOf('\n');
  return i < 0 ? from : from + i + 1;
}

/** The end of the line holding `offset` (before its newline), looking ahead at most `max` characters. */
export function lineEndNear(text: string, offset: number, max = 1000): number {
  const i = text.slice(offset, offset + max).search(/\r?\n/);
  return i < 0 ? Math.min(text.length, offset + max) : offset + i;
}

/**
 * The offset of the bracket closing the one at `open` (`(`, `[` or `{`), skipping string literals; -1 when it
 * is not found within `MAX_SPAN` characters.
 */
export function matchBracket(text: string, open: number): number {
  const end = Math.min(text.length, open + MAX_SPAN);
  const stack: number[] = [];
  for (let i = open; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39 || c === 96) {
      for (i++; i < end && text.charCodeAt(i) !== c; i++) if (text.charCodeAt(i) === 92) i++;
      continue;
    }
    if (c === 40) stack.push(41);
    else if (c === 91) stack.push(93);
    else if (c === 123) stack.push(125);
    else if (c === 41 || c === 93 || c === 125) {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

export interface Arg {
  start: number;
  end: number;
  text: string;
}

/** The top-level, trimmed arguments between the bracket at `open` and its match at `close`. */
export function splitArgs(text: string, open: number, close: number): Arg[] {
  const args: Arg[] = [];
  let depth = 0;
  let from = open + 1;
  const push = (to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t !== '') args.push({ start: from + lead, end: from + lead + t.length, text: t });
  };
  for (let i = open + 1; i < close; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const q = c;
      for (i++; i < close && text[i] !== q; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      push(i);
      from = i + 1;
    }
  }
  push(close);
  return args;
}

/** The value of a simple string literal (`'x'`, `"x"`, `` `x` `` with no interpolation), or undefined. */
export function stringValue(arg: string): string | undefined {
  const m = /^(?:[rbuf]{0,2})(["'`])([^"'`\\]{0,1000})\1$/i.exec(arg);
  if (!m) return undefined;
  if (m[1] === '`' && m[2].includes('${')) return undefined;
  return m[2];
}

/** Is `offset` inside a line comment (or a block comment opened on the same line) of the file's language? */
export function inComment(language: LanguageId, lines: LineIndex, offset: number): boolean {
  const pos = lines.positionAt(offset);
  // Only the stretch of the line before the offset matters; bounded so minified one-line files stay cheap.
  const from = Math.max(0, pos.character - 2000);
  const line = lines.lineText(pos.line).slice(from, pos.character + 1);
  const c = findComment(language, line);
  if (c && c.start + from <= pos.character) return true;
  // Block comment continuation lines (` * …` in JS/Java/C#/Go doc comments).
  return /^\s*\*(?:\s|$)/.test(line) && ['javascript', 'typescript', 'java', 'kotlin', 'csharp', 'go', 'php', 'rust'].includes(language);
}

function longestLine(text: string): number {
  let max = 0;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    max = Math.max(max, end - start);
    start = end + 1;
  }
  return max;
}

export interface YamlScalar {
  /** Keys from the document root down to this value (sequence indices as numbers in string form). */
  path: string[];
  value: string;
  start: number;
  end: number;
  /** The index of the YAML document in the stream. */
  doc: number;
}

/** Every scalar value of every document in a YAML stream with its key path; nothing when the YAML does not parse. */
export function yamlScalars(text: string): YamlScalar[] {
  const out: YamlScalar[] = [];
  // The YAML parser is slow on huge or pathological one-line inputs; real config files are neither.
  if (text.length > 500_000 || longestLine(text) > 20_000) return out;
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch {
    return out;
  }
  if (!Array.isArray(docs)) return out;
  docs.forEach((doc, index) => {
    const walk = (node: unknown, path: string[], depth: number) => {
      if (depth > 40 || !node) return;
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : '';
          walk(pair.value, [...path, key], depth + 1);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => walk(item, [...path, String(i)], depth + 1));
      } else if (isScalar(node) && (node as Node).range) {
        const [start, end] = (node as Node).range!;
        const v = node.value;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
          out.push({ path, value: String(v), start, end, doc: index });
        }
      }
    };
    walk(doc.contents, [], 0);
  });
  return out;
}

/** The offset where a new top-level import can go: after the last top-level import statement of a Python file. */
export function pythonImportInsertOffset(text: string): number {
  let insertAt = 0;
  const re = /^(?:import [\w., ]{1,300}|from [\w.]{1,200} import (?:\([^)]{0,2000}\)|[^\n]{1,500}))[ \t]*(?:#[^\n]{0,500})?\r?\n?/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) insertAt = m.index + m[0].length;
  if (insertAt === 0) {
    // After a module docstring / shebang / encoding comments, if any.
    const head = /^(?:#[^\n]{0,500}\r?\n|[ \t]*\r?\n){0,50}(?:(?:"""[\s\S]{0,5000}?"""|'''[\s\S]{0,5000}?''')[ \t]*\r?\n)?/.exec(text);
    if (head) insertAt = head[0].length;
  }
  return insertAt;
}

/** Does a Python file import `module` at top level (`import os`, `import os, sys`)? */
export function pythonImports(text: string, module: string): boolean {
  return new RegExp(`^import[ \\t]+(?:[\\w.]{1,100}[ \\t]*,[ \\t]*){0,20}${module}\\b`, 'm').test(text);
}
