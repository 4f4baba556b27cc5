import type { LanguageId } from '../types';
import type { Located } from './literal';

/**
 * The idiomatic read of an environment variable per programming language, and the text that replaces the
 * literal: the read alone, the read with the literal as its default (non-secrets only), or — when only part of
 * a string is extracted — the string split around the read (concatenation, or interpolation inside template
 * literals and f-strings).
 */
export interface CodeReplacement {
  /** Offsets in the code file to replace, and the new text. */
  start: number;
  end: number;
  newText: string;
  /** Offset of the variable's name inside newText. */
  nameAt: number;
}

/** A string literal holding `s`, in the language's plain double-quoted form (single quotes for PHP). */
export function stringLiteral(language: LanguageId, s: string): string {
  if (language === 'php') return `'${s.replace(/[\\']/g, '\\$&')}'`;
  let body = s.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  if (language === 'kotlin') body = body.replace(/\$/g, '\\$');
  if (language === 'ruby') body = body.replace(/#(?=[{$@])/g, '\\#');
  return `"${body}"`;
}

interface Read {
  text: string;
  nameAt: number;
}

function read(before: string, name: string, after: string): Read {
  return { text: before + name + after, nameAt: before.length };
}

/** The read expression; `fallback` is a literal to use as the default (non-secrets), `numeric` converts to a number. */
export function readExpression(
  language: LanguageId,
  name: string,
  opts: { fallback?: string; numeric?: boolean; vite?: boolean; quote?: '"' | "'"; csharpSystem?: boolean; standalone: boolean },
): Read | undefined {
  const q = opts.quote ?? '"';
  const fb = opts.fallback;
  const wrap = (r: Read): Read => (opts.standalone ? r : { text: `(${r.text})`, nameAt: r.nameAt + 1 });
  switch (language) {
    case 'javascript': case 'typescript': {
      const base = opts.vite ? 'import.meta.env.' : 'process.env.';
      if (fb === undefined) return read(base, name, '');
      if (opts.numeric) return read(`Number(${base}`, name, ` ?? ${fb})`);
      return wrap(read(base, name, ` ?? ${fb}`));
    }
    case 'python':
      if (fb === undefined) return read(`os.environ[${q}`, name, `${q}]`);
      return read(opts.numeric ? `int(os.environ.get(${q}` : `os.environ.get(${q}`, name, `${q}, ${fb})${opts.numeric ? ')' : ''}`);
    case 'go':
      if (opts.numeric) return undefined; // os.Getenv returns a string; strconv.Atoi has two results
      return read('os.Getenv("', name, '")');
    case 'java':
      if (fb === undefined) return read('System.getenv("', name, '")');
      return read(opts.numeric ? 'Integer.parseInt(System.getenv().getOrDefault("' : 'System.getenv().getOrDefault("', name, `", ${fb})${opts.numeric ? ')' : ''}`);
    case 'kotlin':
      if (fb === undefined) return read('System.getenv("', name, '")');
      if (opts.numeric) return read('(System.getenv("', name, `") ?: ${fb}).toInt()`);
      return wrap(read('System.getenv("', name, `") ?: ${fb}`));
    case 'ruby':
      if (fb === undefined) return read('ENV.fetch("', name, '")');
      return read(opts.numeric ? 'Integer(ENV.fetch("' : 'ENV.fetch("', name, `", ${fb})${opts.numeric ? ')' : ''}`);
    case 'php':
      if (fb === undefined) return read("getenv('", name, "')");
      if (opts.numeric) return read("(int) (getenv('", name, `') ?: ${fb})`);
      return wrap(read("getenv('", name, `') ?: ${fb}`));
    case 'csharp': {
      const base = `${opts.csharpSystem ? 'System.' : ''}Environment.GetEnvironmentVariable("`;
      if (fb === undefined) return read(base, name, '")');
      if (opts.numeric) return read(`int.Parse(${base}`, name, `") ?? ${fb})`);
      return wrap(read(base, name, `") ?? ${fb}`));
    }
    case 'rust':
      if (fb === undefined) return { text: `std::env::var("${name}").expect("${name} must be set")`, nameAt: 'std::env::var("'.length };
      if (opts.numeric) return read('std::env::var("', name, `").ok().and_then(|v| v.parse().ok()).unwrap_or(${fb})`);
      return read('std::env::var("', name, `").unwrap_or_else(|_| ${fb}.to_string())`);
    default:
      return undefined;
  }
}

const CONCAT: Partial<Record<LanguageId, string>> = { php: ' . ' };

/** Interpolation syntax inside the literal kinds that have it: `${…}` in JS templates and Kotlin, `{…}` in f-strings… */
function interpolation(language: LanguageId, lit: Located): [string, string] | undefined {
  if ((language === 'javascript' || language === 'typescript') && lit.quote === '`') return ['${', '}'];
  if (language === 'python' && /f/i.test(lit.prefix)) return ['{', '}'];
  if (language === 'kotlin' && lit.quote.startsWith('"')) return ['${', '}'];
  if (language === 'ruby' && lit.quote === '"') return ['#{', '}'];
  if (language === 'csharp' && lit.prefix.includes('$')) return ['{', '}'];
  return undefined;
}

/**
 * The code that replaces the literal. `fallback`: keep the literal as the default (non-secrets only).
 * Undefined when the language has no expression for it (a number in Go).
 */
export function codeReplacement(
  language: LanguageId,
  text: string,
  lit: Located,
  name: string,
  opts: { keepDefault: boolean; vite?: boolean; csharpSystem?: boolean },
): CodeReplacement | undefined {
  const whole = lit.partStart === lit.contentStart && lit.partEnd === lit.contentEnd;
  const numeric = lit.kind === 'number';
  if (whole) {
    const fallback = opts.keepDefault ? (numeric ? (language === 'javascript' || language === 'typescript' || language === 'rust' ? lit.value : stringLiteral(language, lit.value)) : text.slice(lit.tokenStart, lit.tokenEnd)) : undefined;
    const r = readExpression(language, name, { fallback, numeric, vite: opts.vite, csharpSystem: opts.csharpSystem, standalone: true });
    return r && { start: lit.tokenStart, end: lit.tokenEnd, newText: r.text, nameAt: r.nameAt };
  }
  const head = text.slice(lit.contentStart, lit.partStart);
  const tail = text.slice(lit.partEnd, lit.contentEnd);
  const interp = interpolation(language, lit);
  if (interp) {
    const innerQuote = lit.quote.startsWith('"') ? "'" : '"';
    const fallback = opts.keepDefault ? (language === 'python' ? `${innerQuote}${lit.value.replace(/[\\']/g, '\\$&')}${innerQuote}` : stringLiteral(language, lit.value)) : undefined;
    const r = readExpression(language, name, { fallback, vite: opts.vite, quote: language === 'python' ? (innerQuote as '"' | "'") : undefined, csharpSystem: opts.csharpSystem, standalone: true });
    if (!r) return undefined;
    return { start: lit.partStart, end: lit.partEnd, newText: `${interp[0]}${r.text}${interp[1]}`, nameAt: interp[0].length + r.nameAt };
  }
  if (language === 'rust') return undefined; // &str + String does not concatenate; extract the whole literal instead
  const fallback = opts.keepDefault ? stringLiteral(language, lit.value) : undefined;
  const r = readExpression(language, name, { fallback, vite: opts.vite, csharpSystem: opts.csharpSystem, standalone: false });
  if (!r) return undefined;
  const op = CONCAT[language] ?? ' + ';
  const open = text.slice(lit.tokenStart, lit.contentStart);
  const close = text.slice(lit.contentEnd, lit.tokenEnd);
  const parts: string[] = [];
  let nameAt = 0;
  if (head) parts.push(`${open}${head}${close}`);
  nameAt = parts.reduce((n, p) => n + p.length + op.length, 0);
  parts.push(r.text);
  if (tail) parts.push(`${open}${tail}${close}`);
  return { start: lit.tokenStart, end: lit.tokenEnd, newText: parts.join(op), nameAt: nameAt + r.nameAt };
}

/** `import os` for Python: after the last top-level import above the literal, else after shebang/comments/docstring. */
export function pythonImport(text: string, before: number): { at: number; newText: string } | undefined {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (/^import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os[ \t]*(?:,|#|$)/m.test(text)) return undefined;
  const lines = text.slice(bom).split(/(?<=\n)/);
  let offset = bom;
  let headerEnd = bom;
  let header = true;
  let docQuote: string | undefined;
  let continued: 'paren' | 'backslash' | undefined;
  let lastImportEnd = -1;
  for (const line of lines) {
    const start = offset;
    offset += line.length;
    if (docQuote) {
      if (line.includes(docQuote)) { docQuote = undefined; headerEnd = offset; }
      continue;
    }
    if (continued) {
      if (continued === 'paren' ? line.includes(')') : !/\\\s*$/.test(line)) continued = undefined;
      lastImportEnd = offset;
      continue;
    }
    if (header) {
      if (/^\s*$/.test(line)) continue;
      if (/^#/.test(line)) { headerEnd = offset; continue; }
      const doc = /^[rRuU]?("""|\'\'\')/.exec(line);
      header = false;
      if (doc) {
        if (line.slice(doc[0].length).includes(doc[1])) headerEnd = offset;
        else docQuote = doc[1];
        continue;
      }
    }
    if (start >= before) break;
    if (/^(?:import[ \t]|from[ \t]+\S+[ \t]+import[ \t])/.test(line)) {
      lastImportEnd = offset;
      continued = /\(/.test(line) && !/\)/.test(line) ? 'paren' : /\\\s*$/.test(line) ? 'backslash' : undefined;
    }
  }
  const endsLine = (at: number) => at === 0 || /[\r\n]$/.test(text.slice(0, at));
  if (lastImportEnd >= 0) return { at: lastImportEnd, newText: endsLine(lastImportEnd) ? `import os${eol}` : `${eol}import os` };
  if (headerEnd === bom) return { at: bom, newText: `import os${eol}${eol}` };
  return { at: headerEnd, newText: endsLine(headerEnd) ? `import os${eol}` : `${eol}import os${eol}` };
}

/** `"os"` in the Go file's imports: added to the import block (sorted), a single import made a block, or a new one. */
export function goImport(text: string): { at: number; end?: number; newText: string } | undefined {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  if (/^import\s+(?:\w+\s+)?"os"/m.test(text) || /^import\s*\([^)]*^\s*"os"/ms.test(text)) return undefined;
  const block = /^import\s*\(([^)]*)\)/m.exec(text);
  if (block) {
    const inner = block[1];
    const innerStart = block.index + block[0].indexOf('(') + 1;
    const re = /^([ \t]*)(?:[\w.]+\s+)?"([^"]+)"[^\r\n]*(?:\r?\n|$)/gm;
    let insertAt = -1;
    let indent = '\t';
    let lastEnd = -1;
    for (let m = re.exec(inner); m; m = re.exec(inner)) {
      indent = m[1] || indent;
      if (insertAt < 0 && m[2] > 'os' && !m[2].includes('.')) insertAt = innerStart + m.index;
      if (!m[2].includes('.')) lastEnd = innerStart + m.index + m[0].length;
    }
    if (insertAt < 0) insertAt = lastEnd >= 0 ? lastEnd : innerStart + (inner.startsWith(eol) ? eol.length : 0);
    return { at: insertAt, newText: `${indent}"os"${eol}` };
  }
  const single = /^import\s+((?:\w+\s+)?"[^"]+")[^\r\n]*/m.exec(text);
  if (single) {
    const path = /"([^"]+)"/.exec(single[1])![1];
    const lines = path < 'os' ? [single[1], '"os"'] : ['"os"', single[1]];
    return { at: single.index, end: single.index + single[0].length, newText: `import (${eol}\t${lines.join(`${eol}\t`)}${eol})` };
  }
  const pkg = /^package\s+\w+[^\r\n]*/m.exec(text);
  if (!pkg) return undefined;
  const at = pkg.index + pkg[0].length;
  return { at, newText: `${eol}${eol}import "os"` };
}

/**
 * A constant cannot hold a value read at run time: `const string X =` (C#) becomes `static readonly string X =`,
 * `const X =` (Go) becomes `var X =`, `const val` (Kotlin) becomes `val`. `false` when the declaration cannot
 * be rewritten (a Rust `const`/`static`), undefined when nothing needs to change.
 */
export function constFix(language: LanguageId, text: string, tokenStart: number): { at: number; end: number; newText: string } | false | undefined {
  let ls = tokenStart;
  while (ls > 0 && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--;
  const before = text.slice(ls, tokenStart);
  let m: RegExpExecArray | null;
  switch (language) {
    case 'csharp':
      m = /^(\s*(?:(?:public|private|protected|internal)\s+)*)const(?=\s+[\w<>?[\],.]+\s+\w+\s*=\s*$)/.exec(before);
      return m ? { at: ls + m[1].length, end: ls + m[0].length, newText: 'static readonly' } : undefined;
    case 'go':
      m = /^(\s*)const(?=\s+\w+(?:\s+\w+)?\s*=\s*$)/.exec(before);
      return m ? { at: ls + m[1].length, end: ls + m[0].length, newText: 'var' } : undefined;
    case 'kotlin':
      m = /^(\s*(?:(?:private|internal|public)\s+)?)const\s+(?=val\s)/.exec(before);
      return m ? { at: ls + m[1].length, end: ls + m[0].length, newText: '' } : undefined;
    case 'rust':
      return /^\s*(?:pub(?:\([\w\s]*\))?\s+)?(?:const|static)\s/.test(before) ? false : undefined;
    default:
      return undefined;
  }
}
