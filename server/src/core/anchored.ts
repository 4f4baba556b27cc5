/*
 * Anchored scanning: the matches a global regex finds scanning the whole text, found by trying a sticky copy of it
 * only where a match can start (near a cheap anchor: a literal such as `://`, or a keyword the engine's pass found).
 */

const stickyCache = new WeakMap<RegExp, RegExp>();

function sticky(re: RegExp): RegExp {
  let s = stickyCache.get(re);
  if (!s) {
    s = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y');
    stickyCache.set(re, s);
  }
  return s;
}

/**
 * Matches of `re` (non-empty matches only) whose start offsets lie in the ranges `[from, to]` produced by
 * `candidates` in non-decreasing order of `from`. Equivalent to `text.matchAll(re)` when every real match
 * start is covered by some range.
 */
export function anchoredMatches(text: string, re: RegExp, candidates: readonly (readonly [number, number])[]): RegExpExecArray[] {
  const s = sticky(re);
  const out: RegExpExecArray[] = [];
  let next = 0; // first offset not yet tried (or already consumed by a match)
  // Indexed, not `for…of`: the lists come from `map` and from `push` (two array kinds to V8), and the optimized
  // iteration was thrown away at each new kind.
  for (let c = 0; c < candidates.length; c++) {
    const rawFrom = candidates[c][0];
    const rawTo = candidates[c][1];
    const to = Math.min(rawTo, text.length - 1);
    for (let p = Math.max(rawFrom, next, 0); p <= to; p++) {
      s.lastIndex = p;
      const m = s.exec(text);
      if (m && m[0].length > 0) {
        out.push(m);
        p = m.index + m[0].length - 1;
        next = p + 1;
      } else next = p + 1;
    }
  }
  return out;
}

/** Offsets of every match start of a global anchor regex. */
export function* anchorOffsets(text: string, anchor: RegExp): Generator<number> {
  anchor.lastIndex = 0;
  for (let m = anchor.exec(text); m; m = anchor.exec(text)) {
    yield m.index;
    if (m[0].length === 0) anchor.lastIndex++;
  }
}

/** Adds to `add` the offsets where a match of a pattern holding the word that ends at `hit` can start. */
export type StartsOf = (text: string, hit: number, add: (start: number) => void) => void;

/**
 * Every match a global scan of the whole text with `re` finds, when each match can only start at an offset that
 * `startsOf` gives for one of `hits`: the pattern (a sticky copy) is tried at those offsets in order, each from
 * where the previous match ended, as the scan would go on. No line is scanned, however long.
 */
export function* matchesAtStarts(re: RegExp, text: string, hits: readonly number[], startsOf: StartsOf): Generator<RegExpExecArray> {
  if (hits.length === 0) return;
  const at = sticky(re);
  const starts: number[] = [];
  const add = (start: number) => {
    if (start >= 0) starts.push(start);
  };
  for (const h of hits) startsOf(text, h, add);
  starts.sort((a, b) => a - b);
  let resume = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    if (start < resume || (i > 0 && start === starts[i - 1])) continue;
    at.lastIndex = start;
    const m = at.exec(text);
    if (!m) continue;
    resume = start + Math.max(m[0].length, 1);
    yield m;
  }
}

/** Characters that stand for themselves after a backslash in a pattern's source. */
const ESCAPED_LITERALS = new Set('.^$|?*+()[]{}/\\-$'.split(''));
const SPECIAL = new Set('^$.|?*+()[]{}\\'.split(''));
const QUANTIFIER = new Set(['?', '*', '+', '{']);

/**
 * The offset of the last character of the escape or character class that starts at `k` in a pattern's source (`k`
 * itself for any other character): what the scans of the source below step over.
 */
function atomEnd(src: string, k: number): number {
  if (src[k] === '\\') return k + 1;
  if (src[k] !== '[') return k;
  for (k++; k < src.length && src[k] !== ']'; k++) if (src[k] === '\\') k++;
  return k;
}

/** The end (exclusive) of the group opening at `i` (`src[i] === '('`), or -1: escapes and classes are skipped. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let k = i; k < src.length; k = atomEnd(src, k) + 1) {
    const c = src[k];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k + 1;
  }
  return -1;
}

/** A run of literal characters at `i`: the text it stands for and where it ends. */
function literalRun(src: string, i: number): { text: string; end: number } {
  let text = '';
  let k = i;
  while (k < src.length) {
    const c = src[k];
    if (c === '\\' && ESCAPED_LITERALS.has(src[k + 1])) {
      text += src[k + 1];
      k += 2;
    } else if (!SPECIAL.has(c)) {
      text += c;
      k++;
    } else break;
  }
  return { text, end: k };
}

/** Whether `src` holds a `|` at a nesting depth of `maxDepth` or less (outside classes). */
function hasShallowBar(src: string, maxDepth: number): boolean {
  let depth = 0;
  for (let k = 0; k < src.length; k = atomEnd(src, k) + 1) {
    const c = src[k];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth <= maxDepth) return true;
  }
  return false;
}

/**
 * Literal strings one of which every match of `re` starts with, read off its source: after an optional leading
 * lookbehind and any named group openings, either a group of plain literal alternatives (`(?:AKIA|ASIA)`) or a run
 * of literal characters (`SG\.`, up to the first class, escape or group; a quantified last character is left
 * out). Undefined when the source starts otherwise, is case-insensitive, or has an alternation that could bypass
 * the literal. With these, the pattern can be tried only where one of them occurs (see matchesAtStarts).
 */
export function leadingLiterals(re: RegExp): string[] | undefined {
  if (re.flags.includes('i')) return undefined;
  const src = re.source;
  let i = 0;
  if (src.startsWith('(?<!', i) || src.startsWith('(?<=', i)) {
    i = groupEnd(src, i);
    if (i < 0) return undefined;
  }
  let enclosing = 0;
  for (let m = /^\(\?<[A-Za-z_]\w*>/.exec(src.slice(i)); m; m = /^\(\?<[A-Za-z_]\w*>/.exec(src.slice(i))) {
    i += m[0].length;
    enclosing++;
  }
  if (hasShallowBar(src, enclosing)) return undefined;
  if (src.startsWith('(?:', i)) {
    const end = groupEnd(src, i);
    if (end < 0 || QUANTIFIER.has(src[end])) return undefined;
    const alternatives = src.slice(i + 3, end - 1).split('|');
    const out: string[] = [];
    for (const alt of alternatives) {
      const run = literalRun(alt, 0);
      if (run.end !== alt.length || run.text === '') return undefined;
      out.push(run.text);
    }
    return out;
  }
  const run = literalRun(src, i);
  const text = QUANTIFIER.has(src[run.end]) ? run.text.slice(0, -1) : run.text;
  return text === '' ? undefined : [text];
}
