/**
 * The keyword prefilter: one pass over a file's text finds which of all the rules' keywords occur, so that only
 * the rules whose keywords are present run, and where the words some rules asked for are (see Rule.scan). An
 * Aho-Corasick automaton compiled to a dense DFA: every state has a transition for every character (failure links
 * are resolved at build time), so the scan does one table load per character. Folding is ASCII case-insensitive
 * (keywords are lower-case; the text is folded on the fly, so no lower-cased copy of the file is made). An edited
 * version of a text already scanned is re-scanned only on its changed lines (KeywordScanner.rescan).
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
 * One pass over a file that finds which keywords occur (ASCII case-insensitive) and, for keywords in hit groups,
 * where each occurrence ends: the same automaton with a table whose entries also say when a keyword ends. The
 * engine runs it once per check, for every rule (see Rule.scan).
 */
export interface KeywordScan {
  /** Indices of the keywords that occur, each once. */
  found: number[];
  /** For each hit group: the offset of the last character of every occurrence of one of its keywords, in order. */
  hits: number[][];
}

export class KeywordScanner {
  /**
   * The hot table, indexed by state * 128 + character code (non-ASCII characters use column 0, like any character
   * no keyword holds): the next state's row offset (state * 128), or, when a keyword ends in that state, minus the
   * state minus one. One load and one sign test per character, no character-class lookup.
   */
  private readonly delta: Int32Array;
  /** Bit g set: a keyword of hit group g ends in this state. */
  private readonly groupsAt: Uint32Array;
  private readonly groups: number;
  private readonly out: (number[] | null)[];
  /** Scratch for fromEvents: all zero between calls. */
  private readonly seen: Uint8Array;

  /**
   * `groups[i]`: a bit mask of the hit groups (at most 31) keyword `i` belongs to (0: none, only whether it
   * occurs is reported). Keywords are lower-case ASCII.
   */
  constructor(readonly keywords: readonly string[], groups: readonly number[] = []) {
    const bad = keywords.find((k) => /[^\x01-\x7f]/.test(k));
    if (bad !== undefined) throw new Error(`keyword "${bad}": only ASCII keywords are supported`);
    const { asciiClass, classes, delta, out } = compileAutomaton(keywords);
    const n = out.length;
    this.out = out.map((o) => (o.length > 0 ? o : null));
    this.seen = new Uint8Array(keywords.length);
    this.groupsAt = Uint32Array.from(out, (o) => o.reduce((mask, i) => mask | (groups[i] ?? 0), 0));
    this.groups = 32 - Math.clz32(groups.reduce((mask, g) => mask | g, 0));
    const table = new Int32Array(n * 128);
    for (let state = 0; state < n; state++) {
      for (let c = 0; c < 128; c++) {
        const next = delta[state * classes + asciiClass[c]];
        table[state * 128 + c] = out[next].length > 0 ? -next - 1 : next * 128;
      }
    }
    this.delta = table;
  }

  /** One pass over the whole text. */
  scan(text: string): KeywordScan {
    return this.fromEvents(SCRATCH.reset(), this.eventsOf(text, 0, text.length, SCRATCH));
  }

  /**
   * The scan of `text`, given the events of an earlier scan of another version of it (see ScanEvents): only the
   * lines between the two versions' common start and common end are scanned again. The automaton is back in its
   * start state after every `\n` (no keyword holds one), so a line's hits depend on that line alone. Returns the
   * scan and the events to pass next time.
   */
  rescan(previous: ScanEvents | undefined, text: string): { result: KeywordScan; events: ScanEvents } {
    // Two lists per file take turns: the previous scan's events are read while the new ones fill the other.
    const out = previous?.spare?.reset() ?? new EventList();
    if (!previous) {
      this.eventsOf(text, 0, text.length, out);
    } else {
      const old = previous.text;
      const head = commonPrefix(old, text);
      const tail = commonSuffix(old, text, head);
      const delta = text.length - old.length;
      // The changed lines: from the start of the line of the first difference to the end of the line of the last.
      const from = head === 0 ? 0 : text.lastIndexOf('\n', head - 1) + 1;
      let to = text.indexOf('\n', text.length - tail);
      if (to < 0) to = text.length;
      const list = previous.events;
      let i = 0;
      for (; i < list.length && list.at[i] < from; i += 2) out.push(list.at[i], list.at[i + 1]);
      this.eventsOf(text, from, to, out);
      for (i = 0; i < list.length && list.at[i] < to - delta; i += 2);
      for (; i < list.length; i += 2) out.push(list.at[i] + delta, list.at[i + 1]);
    }
    return { result: this.fromEvents(out, out.length), events: { text, events: out, spare: previous?.events } };
  }

  /**
   * Appends to `out` a pair (offset, state) for every position in [from, to) of `text` where a keyword ends,
   * starting in the automaton's start state; returns the new length of `out`.
   */
  private eventsOf(text: string, from: number, to: number, out: EventList): number {
    const delta = this.delta;
    let row = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      const v = delta[row + (c < 128 ? c : 0)];
      if (v >= 0) {
        row = v;
        continue;
      }
      const state = -v - 1;
      row = state * 128;
      out.push(i, state);
    }
    return out.length;
  }

  /** What a scan reports, from its events (the first `length` numbers of `events`). */
  private fromEvents(events: EventList, length: number): KeywordScan {
    const found: number[] = [];
    const groups = this.groups;
    const hits: number[][] = [];
    for (let g = 0; g < groups; g++) hits.push([]);
    // Which keywords were reported already: one table per scanner, cleared again below (only where set).
    const seen = this.seen;
    const { out, groupsAt } = this;
    const at = events.at;
    for (let e = 0; e < length; e += 2) {
      const state = at[e + 1];
      const mask = groupsAt[state];
      if (mask !== 0) {
        const i = at[e];
        // Only the groups whose bit is set (mostly one), lowest first.
        for (let m = mask; m !== 0; m &= m - 1) hits[31 - Math.clz32(m & -m)].push(i);
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
    for (let j = 0; j < found.length; j++) seen[found[j]] = 0;
    return { found, hits };
  }
}

/** The scanners of wordEnds, by word list. */
const wordScanners = new Map<string, KeywordScanner>();

/**
 * Where every occurrence of one of `words` (lower-case ASCII) ends in `text`, in order: what the engine's keyword
 * pass reports for a hit group (ASCII case-insensitive, overlapping occurrences too), for code run without that pass.
 */
export function wordEnds(text: string, words: readonly string[]): number[] {
  const key = words.join('\u0000');
  let scanner = wordScanners.get(key);
  if (!scanner) wordScanners.set(key, (scanner = new KeywordScanner(words, words.map(() => 1))));
  return scanner.scan(text).hits[0];
}

/** A growable list of int32 pairs (offset, state): a scan's events. */
class EventList {
  at = new Int32Array(256);
  length = 0;

  push(offset: number, state: number): void {
    if (this.length + 2 > this.at.length) {
      const bigger = new Int32Array(this.at.length * 2);
      bigger.set(this.at);
      this.at = bigger;
    }
    this.at[this.length++] = offset;
    this.at[this.length++] = state;
  }

  reset(): this {
    this.length = 0;
    return this;
  }
}

/** The events of one whole-text scan are not kept: one buffer serves every `scan`. */
const SCRATCH = new EventList();

/** A scan's events, kept to scan the next version of the same text incrementally (KeywordScanner.rescan). */
export interface ScanEvents {
  text: string;
  events: EventList;
  /** The list of the scan before, free to hold the events of the next one. */
  spare?: EventList;
}

/**
 * The length of the longest common prefix of `a` and `b`, by bisection over substring equality (compared a block
 * at a time by the engine, not a character at a time here): about 0.05 ms for two 400 KB versions of a file.
 */
export function commonPrefix(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.substring(lo, mid) === b.substring(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The length of the longest common suffix of `a` and `b` that does not overlap their common prefix of `head`. */
export function commonSuffix(a: string, b: string, head: number): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length) - head;
  const la = a.length;
  const lb = b.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.substring(la - mid, la - lo) === b.substring(lb - mid, lb - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
