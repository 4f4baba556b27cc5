/**
 * The keyword prefilter: one pass over a file's text finds which of all the rules' keywords occur, so that only
 * the rules whose keywords are present run, and where the words some rules asked for are (see Rule.scan). An
 * Aho-Corasick automaton compiled to a dense DFA: every state has a transition for every character (failure links
 * are resolved at build time), so the scan does one table load per character. Folding is ASCII case-insensitive
 * (keywords are lower-case; the text is folded on the fly, so no lower-cased copy of the file is made).
 */
export interface Automaton {
  /** Character class of each UTF-16 code unit below 128 (0 = a character no keyword uses). */
  asciiClass: Uint8Array;
  /** Classes of the non-ASCII characters keywords use (rare). */
  otherClass: Map<number, number>;
  classes: number;
  /** delta[state * classes + class] = next state (16-bit while the automaton is small enough: half the cache). */
  delta: Uint16Array | Int32Array;
  /** For each state, the indices of the keywords that end there (including through failure links). */
  out: number[][];
}

export function compileAutomaton(keywords: readonly string[]): Automaton {
  const asciiClass = new Uint8Array(128);
  const otherClass = new Map<number, number>();
  let classes = 1;
  const classOf = (c: number): number => {
    if (c >= 65 && c <= 90) c += 32;
    if (c < 128) return asciiClass[c] || (asciiClass[c] = classes++);
    let k = otherClass.get(c);
    if (k === undefined) otherClass.set(c, (k = classes++));
    return k;
  };
  for (const kw of keywords) for (let i = 0; i < kw.length; i++) classOf(kw.charCodeAt(i));
  // Upper-case ASCII letters share their lower-case letter's class.
  for (let c = 65; c <= 90; c++) asciiClass[c] = asciiClass[c + 32];

  // The trie.
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

  // Breadth-first: failure links folded into a complete transition table.
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
  return { asciiClass, otherClass, classes, delta, out };
}

/**
 * One pass over a file that finds which keywords occur (ASCII case-insensitive) and, for keywords in "line
 * groups", which lines hold one and where each hit is: the same automaton with a table whose entries also say
 * when a keyword ends. The engine runs it once per check, for every rule (see Rule.scan).
 */
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
  /**
   * The hot table, indexed by state * 128 + character code (non-ASCII characters use column 0, like any character
   * no keyword holds): the next state's row offset (state * 128), or, when a keyword ends in that state, minus the
   * state minus one. One load and one sign test per character, no character-class lookup.
   */
  private readonly delta: Int32Array;
  /** Bit g set: a keyword of line group g ends in this state. */
  private readonly groupsAt: Uint32Array;
  private readonly groups: number;
  private readonly out: (number[] | null)[];

  /**
   * `lineGroups[i]`: a bit mask of the line groups (at most 31) whose lines keyword `i` marks (0: none);
   * `hitGroups`: a bit mask of the groups whose every hit `scan` reports (see KeywordScan.hits). Keywords are
   * lower-case ASCII.
   */
  constructor(readonly keywords: readonly string[], lineGroups: readonly number[], private readonly hitGroups = 0) {
    const bad = keywords.find((k) => /[^\x01-\x7f]/.test(k));
    if (bad !== undefined) throw new Error(`keyword "${bad}": only ASCII keywords are supported`);
    const { asciiClass, classes, delta, out } = compileAutomaton(keywords);
    const n = out.length;
    this.out = out.map((o) => (o.length > 0 ? o : null));
    this.groupsAt = Uint32Array.from(out, (o) => o.reduce((mask, i) => mask | lineGroups[i], 0));
    this.groups = 32 - Math.clz32(lineGroups.reduce((mask, g) => mask | g, 0));
    const table = new Int32Array(n * 128);
    for (let state = 0; state < n; state++) {
      for (let c = 0; c < 128; c++) {
        const next = delta[state * classes + asciiClass[c]];
        table[state * 128 + c] = out[next].length > 0 ? -next - 1 : next * 128;
      }
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
    const { delta, out, groupsAt, hitGroups } = this;
    const len = text.length;
    let row = 0;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      const v = delta[row + (c < 128 ? c : 0)];
      if (v >= 0) {
        row = v;
        continue;
      }
      const state = -v - 1;
      row = state * 128;
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
