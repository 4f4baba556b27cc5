/**
 * One pass over a file that finds both which of a set of keywords occur (ASCII case-insensitive, like the rule
 * prefilter) and which lines hold a "line" keyword: the prefilter's automaton (compileAutomaton) with a table whose
 * entries also say when a keyword ends, one table load per character, no lower-cased copy of the text.
 */
import { compileAutomaton } from '../prefilter';

export interface KeywordScan {
  /** Indices of the keywords that occur, each once. */
  found: number[];
  /**
   * For each line-keyword group: the flattened `[start, end)` offsets of the lines (split at `\n`) holding a
   * keyword of the group, in order, each once.
   */
  lines: number[][];
  /**
   * For each line-keyword group in `hitGroups`: the offset of the last character of every keyword hit of the
   * group, in order (empty for the other groups).
   */
  hits: number[][];
}

export class KeywordLines {
  private readonly asciiClass: Uint8Array;
  private readonly otherClass: Map<number, number>;
  private readonly classes: number;
  private readonly delta: Int32Array;
  /** Bit g set: a keyword of line group g ends in this state. */
  private readonly groupsAt: Uint32Array;
  private readonly groups: number;
  private readonly out: (number[] | null)[];

  /**
   * `lineGroups[i]`: a bit mask of the line groups (at most 31) whose lines keyword `i` marks (0: none).
   * Keywords are lower-case.
   */
  /** `hitGroups`: a bit mask of the groups whose every hit `scan` reports (see KeywordScan.hits). */
  constructor(readonly keywords: readonly string[], lineGroups: readonly number[], private readonly hitGroups = 0) {
    const { asciiClass, otherClass, classes, delta, out } = compileAutomaton(keywords);
    this.asciiClass = asciiClass;
    this.otherClass = otherClass;
    this.classes = classes;
    const n = out.length;
    this.out = out.map((o) => (o.length > 0 ? o : null));
    this.groupsAt = Uint32Array.from(out, (o) => o.reduce((mask, i) => mask | lineGroups[i], 0));
    this.groups = 32 - Math.clz32(lineGroups.reduce((mask, g) => mask | g, 0));
    const accepting = out.map((o) => o.length > 0);
    // The hot table: entries are the next state's row offset (state * classes), or, when a keyword ends in that
    // state, minus the state minus one, so the scan does one load and one sign test per character.
    const table = new Int32Array(n * classes);
    for (let i = 0; i < table.length; i++) {
      const next = delta[i];
      table[i] = accepting[next] ? -next - 1 : next * classes;
    }
    this.delta = table;
  }

  scan(text: string): KeywordScan {
    const found: number[] = [];
    const groups = this.groups;
    const lines: number[][] = [];
    const hits: number[][] = [];
    for (let g = 0; g < groups; g++) {
      lines.push([]);
      hits.push([]);
    }
    // The bounds of the line of the last keyword hit, and for each group the start of the last line it marked.
    let lineStart = -1;
    let lineEnd = -1;
    const marked = new Int32Array(groups).fill(-1);
    const seen = new Uint8Array(this.keywords.length);
    const { asciiClass, otherClass, delta, out, classes, groupsAt, hitGroups } = this;
    const hasOther = otherClass.size > 0;
    const len = text.length;
    let row = 0;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      const v = delta[row + (c < 128 ? asciiClass[c] : hasOther ? otherClass.get(c) ?? 0 : 0)];
      if (v >= 0) {
        row = v;
        continue;
      }
      const state = -v - 1;
      row = state * classes;
      const mask = groupsAt[state];
      if (mask !== 0) {
        if (i >= lineEnd) {
          lineStart = text.lastIndexOf('\n', i) + 1;
          lineEnd = text.indexOf('\n', i);
          if (lineEnd < 0) lineEnd = len;
        }
        for (let g = 0; g < groups; g++) {
          if ((mask & (1 << g)) === 0) continue;
          if ((hitGroups & (1 << g)) !== 0) hits[g].push(i);
          if (marked[g] !== lineStart) {
            marked[g] = lineStart;
            lines[g].push(lineStart, lineEnd);
          }
        }
      }
      const o = out[state];
      if (o !== null) {
        for (let j = 0; j < o.length; j++) {
          const k = o[j];
          if (seen[k] === 0) {
            seen[k] = 1;
            found.push(k);
          }
        }
      }
    }
    return { found, lines, hits };
  }
}
