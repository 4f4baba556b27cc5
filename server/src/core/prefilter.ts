/**
 * The keyword prefilter: one pass over a file's text finds which of all the rules' keywords occur, so that only
 * the rules whose keywords are present run. An Aho-Corasick automaton compiled to a dense DFA: every state has a
 * transition for every character class (failure links are resolved at build time), so the scan does one table
 * load per character. Folding is ASCII case-insensitive (keywords are lower-case; the text is folded on the fly,
 * so no lower-cased copy of the file is made).
 */
/**
 * An Aho-Corasick automaton over lower-case keywords, compiled to a dense DFA: every state has a transition for
 * every character class (failure links resolved at build time). Shared by the rule prefilter and the secrets
 * rule's line scan.
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

export class KeywordMatcher {
  private readonly asciiClass: Uint8Array;
  private readonly otherClass: Map<number, number>;
  private readonly classes: number;
  private readonly delta: Uint16Array | Int32Array;
  /** 1 for the states where some keyword ends (a typed array: the hot loop tests it for every character). */
  private readonly accepting: Uint8Array;
  /** For each state, the indices of the keywords that end there, or null. */
  private readonly out: (number[] | null)[];

  constructor(readonly keywords: readonly string[]) {
    const a = compileAutomaton(keywords);
    this.asciiClass = a.asciiClass;
    this.otherClass = a.otherClass;
    this.classes = a.classes;
    this.delta = a.delta;
    this.out = a.out.map((o) => (o.length > 0 ? o : null));
    this.accepting = Uint8Array.from(a.out, (o) => (o.length > 0 ? 1 : 0));
  }

  /** The indices of the keywords that occur in `text` (ASCII case-insensitive), each once. */
  scan(text: string): number[] {
    const found: number[] = [];
    const seen = new Uint8Array(this.keywords.length);
    const total = this.keywords.length;
    const { asciiClass, otherClass, delta, out, classes, accepting } = this;
    const hasOther = otherClass.size > 0;
    let state = 0;
    for (let i = 0, len = text.length; i < len; i++) {
      const c = text.charCodeAt(i);
      const k = c < 128 ? asciiClass[c] : hasOther ? otherClass.get(c) ?? 0 : 0;
      state = delta[state * classes + k];
      if (accepting[state] === 1) {
        const o = out[state]!;
        for (let j = 0; j < o.length; j++) {
          if (seen[o[j]] === 0) {
            seen[o[j]] = 1;
            found.push(o[j]);
          }
        }
        if (found.length === total) break;
      }
    }
    return found;
  }
}
