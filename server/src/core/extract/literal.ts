import type { LanguageId } from '../types';

/**
 * Finds the literal to extract around a range: the string literal (with its quotes and prefix) that contains the
 * flagged value or the selection, a bare number (a port), or an unquoted config value (`password: abc`).
 * Line-based scanning, linear in the line's length; multi-line literals are found when the range starts right
 * after the opening quote and ends right before the closing one (a PEM key in a template literal).
 */
export interface Located {
  /** The whole token: prefix, quotes and content (what a code replacement replaces). */
  tokenStart: number;
  tokenEnd: number;
  /** The content between the quotes (equal to the token for bare values). */
  contentStart: number;
  contentEnd: number;
  /** The part being extracted, inside the content. */
  partStart: number;
  partEnd: number;
  /** `"`, `'`, `` ` ``, `"""`, `'''`, or '' for a number or a bare config value. */
  quote: string;
  /** String prefix letters (`f`, `r`, `b`, `@`, `$`, `r#`…) before the quote. */
  prefix: string;
  kind: 'string' | 'number' | 'bare';
  /** The part's value, escapes resolved. */
  value: string;
}

export const CODE_LANGUAGES: ReadonlySet<LanguageId> = new Set([
  'javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'php', 'csharp', 'rust',
]);

/** Quote characters that open strings, per language (`'` is a char literal in the C family and Rust). */
function quotesOf(language: LanguageId): string {
  switch (language) {
    case 'javascript': case 'typescript': return '"\'`';
    case 'go': return '"`';
    case 'java': case 'kotlin': case 'csharp': case 'rust': return '"';
    case 'python': case 'ruby': case 'php': case 'shell': case 'yaml': case 'toml': case 'dockerfile': return '"\'';
    default: return '"\'';
  }
}

function lineCommentAt(language: LanguageId, text: string, i: number): boolean {
  const c = text[i];
  const slash = c === '/' && text[i + 1] === '/';
  switch (language) {
    case 'python': case 'ruby': case 'shell': case 'yaml': case 'dockerfile': case 'toml':
      return c === '#' && (i === 0 || /\s/.test(text[i - 1]));
    case 'php': return slash || c === '#';
    case 'json': case 'properties': case 'ini': return false;
    default: return slash;
  }
}

const PREFIX = /(?:r#*|br#*|rb|[rRbBuUfF]{1,2}|@\$|\$@|[@$])$/;

function prefixBefore(language: LanguageId, text: string, quoteAt: number): string {
  const allowed = language === 'python' || language === 'rust' || language === 'csharp';
  if (!allowed) return '';
  const before = text.slice(Math.max(0, quoteAt - 4), quoteAt);
  const m = PREFIX.exec(before);
  if (!m) return '';
  const start = quoteAt - m[0].length;
  if (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1])) return '';
  if (language === 'python' && !/^[rRbBuUfF]+$/.test(m[0])) return '';
  if (language === 'csharp' && !/^[@$]+$/.test(m[0])) return '';
  if (language === 'rust' && !/^b?r?#*$/.test(m[0])) return '';
  return m[0];
}

function isRaw(language: LanguageId, prefix: string, quote: string): boolean {
  if (language === 'go' && quote === '`') return true;
  if (language === 'python') return /r/i.test(prefix);
  if (language === 'csharp') return prefix.includes('@');
  if (language === 'rust') return prefix.includes('r');
  return false;
}

/** End offset (just past the closing quote) of the string opened at `open` with `quote`, or -1. */
function closeOf(text: string, from: number, quote: string, raw: boolean, multiLine: boolean): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (!raw && c === '\\') { i++; continue; }
    if (!multiLine && (c === '\n' || c === '\r')) return -1;
    if (text.startsWith(quote, i)) return i + quote.length;
  }
  return -1;
}

interface StringSpan { start: number; end: number; quote: string; prefix: string; raw: boolean }

/** String literals of one line (those opening on it; a multi-line one may end on a later line). */
function stringsOnLine(language: LanguageId, text: string, lineStart: number): StringSpan[] {
  const quotes = quotesOf(language);
  const out: StringSpan[] = [];
  for (let i = lineStart; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) {
    const c = text[i];
    if (lineCommentAt(language, text, i)) break;
    if ((language === 'java' || language === 'kotlin' || language === 'csharp' || language === 'rust' || language === 'go') && c === "'") {
      const m = /^'(?:\\.[^']{0,8}|[^'\\])'/.exec(text.slice(i, i + 12));
      if (m) i += m[0].length - 1;
      continue;
    }
    if (!quotes.includes(c)) continue;
    const prefix = prefixBefore(language, text, i);
    let quote = c;
    if ((language === 'python' || language === 'kotlin' || language === 'java') && text.startsWith(c.repeat(3), i)) quote = c.repeat(3);
    const hashes = language === 'rust' ? (/#*$/.exec(prefix)?.[0] ?? '') : '';
    const raw = isRaw(language, prefix, quote);
    const multiLine = quote.length === 3 || c === '`' || raw;
    const end = closeOf(text, i + quote.length, quote + hashes, raw, multiLine);
    if (end < 0) break;
    out.push({ start: i - prefix.length, end, quote, prefix, raw });
    i = end - 1;
  }
  return out;
}

/** Resolves backslash escapes of a non-raw literal's content (the common ones; others keep the character). */
export function unescape(content: string, raw: boolean, singleQuotedLiteral: boolean): string {
  if (raw) return content;
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0' };
  return content.replace(/\\([\s\S])/g, (all, c: string) => {
    if (singleQuotedLiteral) return c === '\\' || c === "'" ? c : all;
    return map[c] ?? c;
  });
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function fromSpan(language: LanguageId, text: string, s: StringSpan, partStart: number, partEnd: number): Located {
  const hashes = language === 'rust' ? (/#*$/.exec(s.prefix)?.[0] ?? '') : '';
  const contentStart = s.start + s.prefix.length + s.quote.length;
  const contentEnd = s.end - s.quote.length - hashes.length;
  const ps = Math.max(contentStart, Math.min(partStart, contentEnd));
  const pe = Math.max(ps, Math.min(partEnd, contentEnd));
  const singleQuoted = s.quote === "'" && (language === 'ruby' || language === 'php' || language === 'shell' || language === 'yaml');
  return {
    tokenStart: s.start, tokenEnd: s.end, contentStart, contentEnd, partStart: ps, partEnd: pe,
    quote: s.quote, prefix: s.prefix, kind: 'string',
    value: unescape(text.slice(ps, pe), s.raw || (language === 'yaml' && s.quote === "'"), singleQuoted),
  };
}

/** An unquoted config value on the line: after `key: `, `key=`, `ENV KEY `; up to a trailing comment. */
function bareValueAt(language: LanguageId, text: string, offset: number): [number, number] | undefined {
  const ls = lineStartOf(text, offset);
  const le = lineEndOf(text, offset);
  if (le - ls > 10_000) return undefined; // not a config line anyone writes by hand
  const line = text.slice(ls, le);
  let m: RegExpExecArray | null = null;
  if (language === 'yaml') m = /^(\s*(?:-\s+)?(?:[^\s:#][^:#]{0,200}?:\s+|[A-Za-z_][A-Za-z0-9_]{0,200}=))(.*?)(\s+#.*)?$/.exec(line);
  else if (language === 'properties' || language === 'ini' || language === 'toml') m = /^(\s*[^\s=:#!;]{1,300}\s*[=:]\s*)(.*?)(\s+[#;].*)?$/.exec(line);
  else if (language === 'dockerfile') m = /^(\s*(?:ENV|ARG)\s+[A-Za-z_][A-Za-z0-9_]{0,200}(?:=|\s+))(.*?)\s*$/i.exec(line);
  else if (language === 'shell') m = /^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]{0,200}=)(\S*)/.exec(line);
  if (!m || m[2].length === 0) return undefined;
  const s = ls + m[1].length;
  const e = s + m[2].length;
  return offset >= s && offset <= e ? [s, e] : undefined;
}

/**
 * The literal around `[start, end)`: for a flagged value, the literal holding it; for a selection, the literal
 * under the cursor (an empty selection or one covering the whole literal extracts all of it).
 */
export function locate(language: LanguageId, text: string, start: number, end: number, selection: boolean): Located | undefined {
  if (end < start || start < 0 || end > text.length) return undefined;
  // A range or selection including the quotes: look inside.
  if (end - start >= 2 && text[start] === text[end - 1] && `"'\``.includes(text[start])) {
    const inner = locate(language, text, start + 1, end - 1, true);
    if (inner && inner.contentStart === start + 1 && inner.contentEnd === end - 1) return inner;
  }
  // Quick path for literals spanning lines: the range is exactly a literal's content.
  for (const q of ['"""', "'''", '"', "'", '`']) {
    if (end > start && text.startsWith(q, start - q.length) && text.startsWith(q, end) && quotesOf(language).includes(q[0])) {
      if (q.length === 1 && text.startsWith(q.repeat(3), start - 3)) continue;
      const prefix = prefixBefore(language, text, start - q.length);
      const value = text.slice(start, end);
      if (!/[\r\n]/.test(value) || q !== '"' || CODE_LANGUAGES.has(language)) {
        const raw = isRaw(language, prefix, q);
        const hashes = language === 'rust' ? (/#*$/.exec(prefix)?.[0] ?? '') : '';
        if (hashes && !text.startsWith(hashes, end + q.length)) continue;
        return fromSpan(language, text, { start: start - q.length - prefix.length, end: end + q.length + hashes.length, quote: q, prefix, raw }, start, end);
      }
    }
  }
  const ls = lineStartOf(text, start);
  for (const s of stringsOnLine(language, text, ls)) {
    const cs = s.start + s.prefix.length + s.quote.length;
    const ce = s.end - s.quote.length;
    if (start >= cs && end <= ce) {
      const whole = selection && (start === end || (start === cs && end >= ce - 1));
      return fromSpan(language, text, s, whole ? cs : start, whole ? ce : end);
    }
    if (selection && start === end && start >= s.start && start <= s.end) return fromSpan(language, text, s, cs, ce);
  }
  const slice = text.slice(start, end);
  if (/^\d{1,6}$/.test(slice) || (selection && start === end)) {
    const ws = /\d{0,6}$/.exec(text.slice(Math.max(0, start - 6), start))?.[0].length ?? 0;
    const we = /^\d{0,6}/.exec(text.slice(end, end + 6))?.[0].length ?? 0;
    const ns = start - ws;
    const ne = end + we;
    if (ne > ns && /^\d{1,6}$/.test(text.slice(ns, ne)) && !/[\w.]/.test(text[ns - 1] ?? '') && !/[\w.]/.test(text[ne] ?? '')) {
      if (CODE_LANGUAGES.has(language)) {
        return { tokenStart: ns, tokenEnd: ne, contentStart: ns, contentEnd: ne, partStart: ns, partEnd: ne, quote: '', prefix: '', kind: 'number', value: text.slice(ns, ne) };
      }
    }
  }
  if (CODE_LANGUAGES.has(language)) return undefined;
  // Config files: the flagged range as a bare value, or the value of the `key: value` line under the cursor.
  const bare = bareValueAt(language, text, start);
  if (!bare) {
    if (selection || end === start || /[\r\n]/.test(slice)) return undefined;
    return { tokenStart: start, tokenEnd: end, contentStart: start, contentEnd: end, partStart: start, partEnd: end, quote: '', prefix: '', kind: 'bare', value: slice };
  }
  const [bs, be] = bare;
  const ps = selection && start === end ? bs : Math.max(bs, start);
  const pe = selection && start === end ? be : Math.min(be, Math.max(end, ps));
  if (pe <= ps) return undefined;
  return { tokenStart: bs, tokenEnd: be, contentStart: bs, contentEnd: be, partStart: ps, partEnd: pe, quote: '', prefix: '', kind: 'bare', value: text.slice(ps, pe) };
}
