/**
 * One pass over a file that finds both which of a set of keywords occur (ASCII case-insensitive, like the rule
 * prefilter) and which lines hold a "line" keyword: an Aho-Corasick automaton compiled to a dense DFA, one table
 * load per character, no lower-cased copy of the text.
 */
export interface KeywordScan {
  /** Indices of the keywords that occur, each once. */
  found: number[];
  /**
   * For each line-keyword group: the flattened `[start, end)` offsets of the lines (split at `\n`) holding a
   * keyword of the group, in order, each once.
   */
  lines: number[][];
}

export class KeywordLines {
  private readonly asciiClass = new Uint8Array(128);
  private readonly otherClass = new Map<number, number>();
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
  constructor(readonly keywords: readonly string[], lineGroups: readonly number[]) {
    let classes = 1;
    const classOf = (c: number): number => {
      if (c >= 65 && c <= 90) c += 32;
      if (c < 128) return this.asciiClass[c] || (this.asciiClass[c] = classes++);
      let k = this.otherClass.get(c);
      if (k === undefined) this.otherClass.set(c, (k = classes++));
      return k;
    };
    for (const kw of keywords) for (let i = 0; i < kw.length; i++) classOf(kw.charCodeAt(i));
    for (let c = 65; c <= 90; c++) this.asciiClass[c] = this.asciiClass[c + 32];
    this.classes = classes;
    const trie: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    keywords.forEach((kw, index) => {
      let state = 0;
      for (let i = 0; i < kw.length; i++) {
        const k = classOf(kw.charCodeAt(i));
        let next = trie[state].get(k);
        if (next === undefined) {
          next = trie.length;
          trie.push(new Map());
          ends.push([]);
          trie[state].set(k, next);
        }
        state = next;
      }
      ends[state].push(index);
    });
    const n = trie.length;
    const delta = n < 65536 ? new Uint16Array(n * classes) : new Int32Array(n * classes);
    const fail = new Int32Array(n);
    const out: number[][] = ends.map((e) => e.slice());
    const queue: number[] = [];
    for (let k = 0; k < classes; k++) {
      const s = trie[0].get(k);
      if (s !== undefined) {
        delta[k] = s;
        queue.push(s);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const r = queue[head];
      for (let k = 0; k < classes; k++) {
        const s = trie[r].get(k);
        if (s === undefined) {
          delta[r * classes + k] = delta[fail[r] * classes + k];
        } else {
          delta[r * classes + k] = s;
          fail[s] = delta[fail[r] * classes + k];
          if (out[fail[s]].length > 0) out[s] = out[s].concat(out[fail[s]]);
          queue.push(s);
        }
      }
    }
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
    for (let g = 0; g < groups; g++) lines.push([]);
    // The bounds of the line of the last keyword hit, and for each group the start of the last line it marked.
    let lineStart = -1;
    let lineEnd = -1;
    const marked = new Int32Array(groups).fill(-1);
    const seen = new Uint8Array(this.keywords.length);
    const { asciiClass, otherClass, delta, out, classes, groupsAt } = this;
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
          if ((mask & (1 << g)) !== 0 && marked[g] !== lineStart) {
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
    return { found, lines };
  }
}
