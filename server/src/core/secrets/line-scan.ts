/**
 * Running single-line regexes only on the lines that can hold a match. A cheap hint search (a literal or an
 * alternation of words that every match must contain) picks the lines; the expensive pattern then runs on each
 * picked line instead of trying a match at every position of the file.
 */
import { inClass, type AsciiClass } from '../text';

/**
 * The `[start, end)` offsets, flattened, of the lines (split at `\n`) where `hint` (a global regex) matches, in
 * order and each once.
 */
export function hintedLines(text: string, hint: RegExp): number[] {
  const spans: number[] = [];
  hint.lastIndex = 0;
  for (let m = hint.exec(text); m; m = hint.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    let end = text.indexOf('\n', m.index);
    if (end < 0) end = text.length;
    spans.push(start, end);
    hint.lastIndex = end;
  }
  return spans;
}

/**
 * Every match of `re` (global) on the given lines, in order, with `index` shifted to an offset in `text`.
 * Exact for patterns whose matches never contain a `\n` and that look at most one character behind a match:
 * each line is matched together with the `\n` before it, so lookbehinds, `\b` and `^`/`$` (with the `m` flag)
 * see what they would in the whole text, and a whole-text scan finds the same matches on those lines. `gate`, if
 * given, is a cheap test every line with a match passes (a character the pattern requires): lines failing it are
 * skipped without running `re`.
 */
export function* matchesOnLines(
  re: RegExp,
  text: string,
  lines: readonly number[],
  gate?: (line: string) => boolean,
): Generator<RegExpExecArray> {
  for (let i = 0; i < lines.length; i += 2) {
    const base = lines[i] > 0 ? lines[i] - 1 : 0;
    const line = text.slice(base, lines[i + 1]);
    if (gate && !gate(line)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m[0].length === 0) re.lastIndex++;
      m.index += base;
      yield m;
    }
  }
}

/** Tries a sticky (`y`) pattern at one offset. */
export function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  if (at < 0) return null;
  re.lastIndex = at;
  return re.exec(text);
}

/**
 * The start of the run of `chars` characters holding each offset asked, for increasing offsets of letters: a walk
 * back stops at the previous offset asked when it is in the same run, so a long run full of hints costs one walk.
 */
export function runStarts(text: string, chars: AsciiClass): (at: number) => number {
  let prevAt = -1;
  let prevStart = -1;
  return (at) => {
    let r = at;
    while (r > 0 && inClass(chars, text.charCodeAt(r - 1))) {
      if (r - 1 === prevAt) {
        r = prevStart;
        break;
      }
      r--;
    }
    prevAt = at;
    prevStart = r;
    return r;
  };
}

/** How far the scan of one line with one pattern has got (see LineScans). */
interface LineScan {
  /** The line with the `\n` before it, as matchesOnLines scans it, and where that starts in the text. */
  line: string;
  base: number;
  /** Where the scan goes on in `line`, and the start (in the text) of the last match it found (-1: none yet). */
  resume: number;
  reached: number;
  done: boolean;
  starts: Set<number>;
}

/**
 * Confirms matches found by trying a pattern at one offset (an anchor) instead of scanning: a scan goes left to
 * right and resumes after each match, so a match at an anchor stands only if the scan of its line finds it too
 * (`"Token", "Token", "MaxKeys"` pairs the first two strings, never the last two). Each line is scanned at most
 * once per pattern, and only as far as the offsets asked about: on a line of a megabyte (a bundle), a match near
 * its start is confirmed without scanning the rest.
 */
export class LineScans {
  private readonly byPattern = new Map<RegExp, Map<number, LineScan>>();
  /** The offset of every `\n`, found on the first question (a search back per question is quadratic on one long line). */
  private breaks: Int32Array | undefined;

  constructor(private readonly text: string) {}

  /** The line holding `at`, split at `\n`: its start and its end (the `\n` after it, or the end of the text). */
  private lineOf(at: number): [number, number] {
    const text = this.text;
    const b = (this.breaks ??= lineFeeds(text));
    // The first break at or after `at`.
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return [lo > 0 ? b[lo - 1] + 1 : 0, lo < b.length ? b[lo] : text.length];
  }

  /** Whether a scan with `re` (global) of the line holding `at` finds a match that starts at `at`. */
  finds(re: RegExp, at: number): boolean {
    const text = this.text;
    const [ls, le] = this.lineOf(at);
    let byLine = this.byPattern.get(re);
    if (!byLine) this.byPattern.set(re, (byLine = new Map()));
    let scan = byLine.get(ls);
    if (!scan) {
      const base = ls > 0 ? ls - 1 : 0;
      scan = { line: text.slice(base, le), base, resume: 0, reached: -1, done: false, starts: new Set() };
      byLine.set(ls, scan);
    }
    // On from where the last question left it, as matchesOnLines goes, until a match starts at `at` or after it.
    while (!scan.done && scan.reached < at) {
      re.lastIndex = scan.resume;
      const m = re.exec(scan.line);
      if (!m) {
        scan.done = true;
        break;
      }
      scan.reached = m.index + scan.base;
      scan.starts.add(scan.reached);
      scan.resume = m.index + (m[0].length === 0 ? 1 : m[0].length);
    }
    return scan.starts.has(at);
  }
}

/**
 * The offset of every `\n` in `text`, counted first so they go into one typed array. (A function of its own: in
 * `lineOf`, run once per text, the allocation kept throwing away the optimized binary search around it.)
 */
function lineFeeds(text: string): Int32Array {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const breaks = new Int32Array(count);
  let k = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks[k++] = i;
  return breaks;
}
