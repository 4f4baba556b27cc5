import type { LanguageId } from '../types';

/** A read of an environment variable found in a file: the variable name and where the name stands. */
export interface EnvRead {
  name: string;
  /** Offsets of the name itself in the text (the squiggle goes on the name). */
  start: number;
  end: number;
}

/**
 * Runs `re` over `text` and adds every match to `out`. `re` must have a named group `name` and match nothing but
 * quotes, brackets and white space after it. `offset` is added to the positions (for patterns run over a slice);
 * `keep` may veto a match, given the name and the match.
 */
export function collect(
  re: RegExp,
  text: string,
  out: EnvRead[],
  keep?: (name: string, m: RegExpExecArray) => boolean,
  offset = 0,
): void {
  // No `d` flag (match indices allocate per match): every pattern ends its match with the name or with
  // quotes, brackets and white space, so the name's last occurrence in the match is the name.
  const g = new RegExp(re.source, re.flags.includes('m') ? 'gm' : 'g');
  for (let m = g.exec(text); m; m = g.exec(text)) {
    const name = m.groups?.name;
    if (m[0].length === 0) g.lastIndex++;
    if (!name) continue;
    if (keep && !keep(name, m)) continue;
    const start = m.index + m[0].lastIndexOf(name) + offset;
    out.push({ name, start, end: start + name.length });
  }
}

/** A variable name as env readers write it: a letter or `_`, then letters, digits, `_` (bounded length). */
export const NAME = '[A-Za-z_][A-Za-z0-9_]{0,127}';
/** The conventional env-variable spelling: upper case, digits and `_`. */
export const UPPER_NAME = '[A-Z_][A-Z0-9_]{0,127}';

/** Whether a name is written the way environment variables are (upper case, with at least one letter). */
export function isUpperName(name: string): boolean {
  return /^[A-Z_][A-Z0-9_]*$/.test(name) && /[A-Z]/.test(name);
}

/** Comment and string syntax that the comment masker needs, per kind of file. */
export interface LexSyntax {
  line: readonly string[];
  block?: readonly [string, string];
  /** Quote characters of strings that end at the end of the line at the latest. */
  quotes: string;
  /** Quote characters of strings that may span lines (JS template literals, Go raw strings). */
  multiline?: string;
  /** Python's `"""` and `'''` strings (blanked like comments, except f-strings). */
  triple?: boolean;
  /** `#` starts a comment only at the start of a line or after white space (shell, YAML). */
  hashAfterSpace?: boolean;
  /** Comments only stand alone on their line (Dockerfile, properties, Procfile). */
  fullLineOnly?: boolean;
  /** JavaScript regex literals (`/["'`]/`), skipped so their quotes do not open strings. */
  regexLiterals?: boolean;
}

const C_LIKE: LexSyntax = { line: ['//'], block: ['/*', '*/'], quotes: `"'` };

export const LEX: Partial<Record<LanguageId, LexSyntax>> = {
  javascript: { ...C_LIKE, multiline: '`', regexLiterals: true },
  typescript: { ...C_LIKE, multiline: '`', regexLiterals: true },
  go: { ...C_LIKE, multiline: '`' },
  java: C_LIKE,
  kotlin: C_LIKE,
  csharp: C_LIKE,
  rust: { line: ['//'], block: ['/*', '*/'], quotes: '"' },
  php: { line: ['//', '#'], block: ['/*', '*/'], quotes: `"'` },
  python: { line: ['#'], quotes: `"'`, triple: true },
  ruby: { line: ['#'], quotes: `"'` },
  shell: { line: ['#'], quotes: '', hashAfterSpace: true },
  yaml: { line: ['#'], quotes: `"'`, hashAfterSpace: true },
  dockerfile: { line: ['#'], quotes: '', fullLineOnly: true },
  procfile: { line: ['#'], quotes: '', fullLineOnly: true },
  properties: { line: ['#', '!'], quotes: '', fullLineOnly: true },
  xml: { line: [], block: ['<!--', '-->'], quotes: '' },
  plaintext: { line: ['//'], quotes: '"' },
};

/** Collects [from, to) ranges to blank; `apply` rebuilds the text once, keeping line breaks. */
class Blanker {
  private readonly ranges: [number, number][] = [];
  constructor(private readonly text: string) {}
  add(from: number, to: number): void {
    if (to > from) this.ranges.push([from, to]);
  }
  apply(): string {
    if (this.ranges.length === 0) return this.text;
    // Built from pieces joined once: slices of the text and of one run of spaces, and the line breaks that stay.
    const text = this.text;
    let longest = 0;
    for (const [from, to] of this.ranges) longest = Math.max(longest, to - from);
    const blank = ' '.repeat(longest);
    const parts: string[] = [];
    // The next line break at or after the current range (`\n`, or `\r` too when the text holds one), found by
    // `indexOf` and kept across ranges: the comments' characters are not visited one by one.
    const cr = text.indexOf('\r') >= 0;
    let lf = -2;
    let crAt = cr ? -2 : -1;
    let at = 0;
    for (const [from, to] of this.ranges) {
      parts.push(text.slice(at, from));
      let run = from;
      for (;;) {
        if (lf !== -1 && lf < run) lf = text.indexOf('\n', run);
        if (crAt !== -1 && crAt < run) crAt = text.indexOf('\r', run);
        const j = crAt === -1 || (lf !== -1 && lf < crAt) ? lf : crAt;
        if (j === -1 || j >= to) break;
        if (j > run) parts.push(blank.slice(0, j - run));
        parts.push(j === lf ? '\n' : '\r');
        run = j + 1;
      }
      if (to > run) parts.push(blank.slice(0, to - run));
      at = to;
    }
    parts.push(text.slice(at));
    return parts.join('');
  }
}

/** The next occurrence of any of a few strings (characters), by one `indexOf` per string, each kept until passed. */
class NextOf {
  private readonly at: Int32Array;
  constructor(private readonly text: string, private readonly chars: readonly string[]) {
    this.at = new Int32Array(chars.length).fill(-2);
  }
  /** The first position at or after `i` where one of the strings starts, or -1. */
  from(i: number): number {
    let best = -1;
    for (let k = 0; k < this.chars.length; k++) {
      let p = this.at[k];
      if (p !== -1 && p < i) this.at[k] = p = this.text.indexOf(this.chars[k], i);
      if (p >= 0 && (best < 0 || p < best)) best = p;
    }
    return best;
  }
}

/**
 * Where a JavaScript regex literal starting at `i` ends (just after its closing `/` and flags), or `i + 1` when the
 * `/` is a division: a regex follows an operator, an opening bracket, a comma or `return`, never a value.
 */
function regexLiteralEnd(text: string, i: number): number {
  let p = i - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
  const before = p < 0 ? '\n' : text[p];
  const keyword = /\b(?:return|typeof|case|in|of)$/.test(text.slice(Math.max(0, p - 6), p + 1));
  if (!'(,=:[!&|?{};+-*%<>~^\n'.includes(before) && !keyword) return i + 1;
  let inClass = false;
  let j = i + 1;
  for (; j < text.length && j - i < 2000; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '\n' || c === '\r') return i + 1;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return j + 1;
  }
  // No end within 2000 characters of one line: skip what was scanned, so no text is scanned twice.
  return j;
}

/**
 * Just after the end of the one-line string opened at `i`: its closing quote, or the end of its line (a backslash
 * escapes any character but a line terminator), or the end of the text.
 */
function stringEnd(text: string, i: number): number {
  const q = text.charCodeAt(i);
  const n = text.length;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) {
      const d = text.charCodeAt(j + 1);
      if (j + 1 < n && d !== 10 && d !== 13 && d !== 0x2028 && d !== 0x2029) j++;
    } else if (c === q || c === 10) return j + 1;
  }
  return n;
}

/** Just after the closing quote of the multi-line string opened at `i` (a backslash escapes any character). */
function multilineStringEnd(text: string, i: number): number {
  const q = text.charCodeAt(i);
  const n = text.length;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) {
      if (j + 1 >= n) return n;
      j++;
    } else if (c === q) return j + 1;
  }
  return n;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * What `maskComments` needs of a syntax, worked out once per syntax. One class for every syntax: the lexer's loop
 * then sees objects of one shape (syntax literals with different optional keys made it recompile on new files).
 */
class LexPlan {
  readonly fullLineOnly: boolean;
  readonly line: readonly string[];
  readonly block: readonly [string, string] | undefined;
  readonly quotes: string;
  readonly multiline: string;
  readonly triple: boolean;
  readonly hashAfterSpace: boolean;
  readonly regexLiterals: boolean;
  /** The first characters of every token that can begin a comment or string (none: nothing to mask). */
  readonly tokenChars: readonly string[];
  /** What can open a comment (or a Python triple-quoted string): past the last one, nothing more is masked. */
  readonly openers: readonly string[];
  /** Quote characters that begin no comment token (and no triple quote): they go straight to their string's end. */
  readonly plainQuote = new Uint8Array(128);
  readonly multilineQuote = new Uint8Array(128);

  constructor(syntax: LexSyntax) {
    this.fullLineOnly = syntax.fullLineOnly ?? false;
    this.line = syntax.line;
    this.block = syntax.block;
    this.quotes = syntax.quotes;
    this.multiline = syntax.multiline ?? '';
    this.triple = syntax.triple ?? false;
    this.hashAfterSpace = syntax.hashAfterSpace ?? false;
    this.regexLiterals = syntax.regexLiterals ?? false;
    const block = this.block;
    const starts = [...this.line, ...(block ? [block[0]] : []), ...this.quotes, ...this.multiline, ...(this.regexLiterals ? ['/'] : [])];
    this.tokenChars = [...new Set(starts.map((t) => t[0]))];
    this.openers = [...this.line, ...(block ? [block[0]] : []), ...(this.triple ? ['"""', "'''"] : [])];
    const commentOpeners = [...this.line, ...(block ? [block[0]] : [])];
    for (const q of this.quotes + this.multiline) {
      if (!this.triple && !commentOpeners.some((t) => t[0] === q)) this.plainQuote[q.charCodeAt(0)] = 1;
    }
    for (const q of this.multiline) this.multilineQuote[q.charCodeAt(0)] = 1;
  }
}

const PLANS = new WeakMap<LexSyntax, LexPlan>();

function planOf(syntax: LexSyntax): LexPlan {
  let plan = PLANS.get(syntax);
  if (!plan) PLANS.set(syntax, (plan = new LexPlan(syntax)));
  return plan;
}

/**
 * The text with every comment replaced by spaces (line breaks kept), so offsets and lines stay the same and
 * patterns run on the result never match inside comments. Strings are skipped so that `//` or `#` inside them is
 * not taken for a comment; their content is kept. One linear pass.
 */
export function maskComments(text: string, syntax: LexSyntax | undefined): string {
  if (!syntax) return text;
  const plan = planOf(syntax);
  if (plan.fullLineOnly) return maskFullLineComments(text, plan.line);
  if (plan.tokenChars.length === 0) return text;
  return maskTokens(text, plan);
}

/** Comments that stand alone on their line (Dockerfile, properties, Procfile). */
function maskFullLineComments(text: string, line: readonly string[]): string {
  const blanker = new Blanker(text);
  let lineStart = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    let i = lineStart;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (line.some((l) => text.startsWith(l, i))) {
      blanker.add(i, end);
    }
    lineStart = end + 1;
  }
  return blanker.apply();
}

/** Comments anywhere, with strings (and JavaScript regex literals) skipped: see maskComments. */
function maskTokens(text: string, plan: LexPlan): string {
  const blanker = new Blanker(text);
  const n = text.length;
  // Stops at every character that can begin a token; the checks below decide whether one does begin there.
  const next = new NextOf(text, plan.tokenChars);
  const { block, line, hashAfterSpace, triple, quotes, multiline, regexLiterals, plainQuote, multilineQuote } = plan;
  // Only comments (and Python's triple-quoted strings) are blanked: past the last place one could start, the rest
  // of the text needs no lexing. (Found going forward, an `indexOf` per opener kept until passed: a backward
  // search for the last one costs a slow scan of the whole text.)
  const opener = new NextOf(text, plan.openers);
  let nextOpener = -1;
  let i = 0;
  while (i < n) {
    i = next.from(i);
    if (i < 0) break;
    if (i > nextOpener && (nextOpener = opener.from(i)) < 0) break;
    const code = text.charCodeAt(i);
    if (code < 128 && plainQuote[code] === 1) {
      i = multilineQuote[code] === 1 ? multilineStringEnd(text, i) : stringEnd(text, i);
      continue;
    }
    const ch = text[i];
    if (block && text.startsWith(block[0], i)) {
      let end = text.indexOf(block[1], i + block[0].length);
      end = end < 0 ? n : end + block[1].length;
      blanker.add(i, end);
      i = end;
      continue;
    }
    let lc: string | undefined;
    for (const l of line) {
      if (text.startsWith(l, i)) {
        lc = l;
        break;
      }
    }
    if (lc && (!(hashAfterSpace && lc === '#') || i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = n;
      blanker.add(i, end);
      i = end;
      continue;
    }
    if (triple && (text.startsWith('"""', i) || text.startsWith("'''", i))) {
      // Docstrings and other triple-quoted text are not code (f-strings are: their {…} parts run).
      const endAt = text.indexOf(text.slice(i, i + 3), i + 3);
      const end = endAt < 0 ? n : endAt + 3;
      if (!/[fF][rR]?$|[rR][fF]$/.test(text.slice(Math.max(0, i - 2), i))) blanker.add(i, end);
      i = end;
      continue;
    }
    const multi = multiline.includes(ch);
    if (multi || quotes.includes(ch)) {
      i = multi ? multilineStringEnd(text, i) : stringEnd(text, i);
      continue;
    }
    if (ch === '/' && regexLiterals) {
      i = regexLiteralEnd(text, i);
      continue;
    }
    i++;
  }
  return blanker.apply();
}
