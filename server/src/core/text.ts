import type { LineIndex, Position, Range } from './types';

/** Builds a line index over `text` (LF, CRLF and lone CR all end a line). */
export function lineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  const lineEnd = (line: number): number => {
    let end = line + 1 < starts.length ? starts[line + 1] : text.length;
    if (end > starts[line] && text.charCodeAt(end - 1) === 10) end--;
    if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--;
    return end;
  };
  return {
    lineCount: starts.length,
    positionAt(offset: number): Position {
      const o = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, character: o - starts[lo] };
    },
    offsetAt(p: Position): number {
      if (p.line >= starts.length) return text.length;
      if (p.line < 0) return 0;
      return Math.min(starts[p.line] + p.character, lineEnd(p.line));
    },
    lineText(line: number): string {
      if (line < 0 || line >= starts.length) return '';
      return text.slice(starts[line], lineEnd(line));
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
