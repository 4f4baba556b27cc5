/**
 * The keyword prefilter: one pass over a file's text finds which of all the rules' keywords occur, so that only
 * the rules whose keywords are present run. Implemented as an Aho-Corasick automaton over lower-cased ASCII
 * (keywords are lower-case; the text is folded on the fly, so no lower-cased copy of the file is made).
 */
export class KeywordMatcher {
  private readonly goto: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** For each state, the indices of the keywords that end there (including through failure links). */
  private readonly out: number[][] = [[]];

  constructor(readonly keywords: readonly string[]) {
    keywords.forEach((kw, index) => {
      let state = 0;
      for (let i = 0; i < kw.length; i++) {
        const c = kw.charCodeAt(i);
        let next = this.goto[state].get(c);
        if (next === undefined) {
          next = this.goto.length;
          this.goto.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.goto[state].set(c, next);
        }
        state = next;
      }
      this.out[state].push(index);
    });
    const queue: number[] = [];
    for (const s of this.goto[0].values()) queue.push(s);
    while (queue.length > 0) {
      const r = queue.shift()!;
      for (const [c, s] of this.goto[r]) {
        queue.push(s);
        let f = this.fail[r];
        while (f !== 0 && !this.goto[f].has(c)) f = this.fail[f];
        const g = this.goto[f].get(c);
        this.fail[s] = g !== undefined && g !== s ? g : 0;
        this.out[s] = this.out[s].concat(this.out[this.fail[s]]);
      }
    }
  }

  /** The set of keyword indices that occur in `text` (ASCII case-insensitive). */
  scan(text: string): Set<number> {
    const found = new Set<number>();
    const total = this.keywords.length;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      let next = this.goto[state].get(c);
      while (next === undefined && state !== 0) {
        state = this.fail[state];
        next = this.goto[state].get(c);
      }
      state = next ?? 0;
      const o = this.out[state];
      if (o.length > 0) {
        for (const k of o) found.add(k);
        if (found.size === total) break;
      }
    }
    return found;
  }
}
