import type { LineIndex, Position, Range } from './types';

/** The offsets where lines start (LF, CRLF and lone CR all end a line). */
function lineStarts(text: string): Int32Array {
  if (text.indexOf('\r') < 0) {
    // The common case: LF only, found by the engine's native search instead of a loop over every character; counted
    // first, so the starts go into one typed array instead of a growing list (re-checks on every keystroke).
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count);
    let k = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
    return starts;
  }
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return Int32Array.from(starts);
}

/**
 * Builds a line index over `text` (LF, CRLF and lone CR all end a line). Lazy: the line starts are found on the
 * first question, so a check that finds nothing never pays for them.
 */
export function lineIndex(text: string): LineIndex {
  let cached: Int32Array | undefined;
  const starts = (): Int32Array => (cached ??= lineStarts(text));
  let hint = 0;
  const lineEnd = (line: number): number => {
    const s = starts();
    let end = line + 1 < s.length ? s[line + 1] : text.length;
    if (end > s[line] && text.charCodeAt(end - 1) === 10) end--;
    if (end > s[line] && text.charCodeAt(end - 1) === 13) end--;
    return end;
  };
  return {
    get lineCount() {
      return starts().length;
    },
    positionAt(offset: number): Position {
      const s = starts();
      const o = Math.max(0, Math.min(offset, text.length));
      // Findings come mostly in order: the line of the last answer, or a line or two after it, is looked at first.
      let lo = hint;
      if (s[lo] > o || (lo + 1 < s.length && s[lo + 1] <= o && (++lo + 1 < s.length && s[lo + 1] <= o))) {
        lo = 0;
        let hi = s.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (s[mid] <= o) lo = mid;
          else hi = mid - 1;
        }
      }
      hint = lo;
      return { line: lo, character: o - s[lo] };
    },
    offsetAt(p: Position): number {
      const s = starts();
      if (p.line >= s.length) return text.length;
      if (p.line < 0) return 0;
      return Math.min(s[p.line] + p.character, lineEnd(p.line));
    },
    lineText(line: number): string {
      const s = starts();
      if (line < 0 || line >= s.length) return '';
      return text.slice(s[line], lineEnd(line));
    },
  };
}

export function rangeOf(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

/**
 * The end-of-line sequence to use when appending to a file: that of its last line break (files with mixed
 * endings keep the style of their end), `\n` when the file has none.
 */
export function eolOf(text: string): '\n' | '\r\n' {
  const i = text.lastIndexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** `\w` of a regex (without the `u` flag), for a character code: ASCII letters, digits and `_`. */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** The start of the run of `isChar` characters that ends just before `at`, looked for at most `max` characters back. */
export function runStartBefore(text: string, at: number, isChar: (c: number) => boolean, max = at): number {
  const stop = Math.max(0, at - max);
  let p = at;
  while (p > stop && isChar(text.charCodeAt(p - 1))) p--;
  return p;
}

/** `[\w$]`: the characters of an identifier in JavaScript-like code, as patterns spell it. */
export function isIdentChar(c: number): boolean {
  return isWordChar(c) || c === 36;
}

/** `[\w+.-]`: the characters a URL scheme is made of (and what a scheme's lookbehind excludes before it). */
export function isSchemeChar(c: number): boolean {
  return isWordChar(c) || c === 43 || c === 46 || c === 45;
}

/**
 * The code unit at `i`, or -1 outside the text (where `charCodeAt` gives NaN). For character tests that may read
 * one past either end: optimized code takes an out-of-bounds read as a surprise and is thrown away on the first.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** A character class of ASCII characters only, as a table: `table[c] === 1` for a member code `c` below 128. */
export type AsciiClass = Uint8Array;

/**
 * The table of a character test that only ASCII characters pass (checked here, over every UTF-16 code unit): a
 * table lookup in a hot loop instead of a call through a function that differs from one caller to the next.
 */
export function asciiClass(isMember: (c: number) => boolean): AsciiClass {
  const table = new Uint8Array(128);
  for (let c = 0; c < 0x10000; c++) {
    if (!isMember(c)) continue;
    if (c >= 128) throw new Error(`asciiClass: ${c} is not ASCII`);
    table[c] = 1;
  }
  return table;
}

/** Whether the code `c` is in the ASCII class `cls` (false for -1, NaN and every code from 128 up). */
export function inClass(cls: AsciiClass, c: number): boolean {
  return c >= 0 && c < 128 && cls[c] === 1;
}
