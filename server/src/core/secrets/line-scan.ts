/**
 * Running single-line regexes only on the lines that can hold a match. A cheap hint search (a literal or an
 * alternation of words that every match must contain) picks the lines; the expensive pattern then runs on each
 * picked line instead of trying a match at every position of the file.
 */

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
