/**
 * The lowest offset a host name ending just before `colon` can start at: walks back over `[a-z0-9.-]`
 * (either case) at most `max` characters.
 */
export function backOverHostChars(text: string, colon: number, max: number): number {
  let p = colon;
  const stop = Math.max(0, colon - max);
  while (p > stop) {
    const c = text.charCodeAt(p - 1) | 0x20;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 0x2e || c === 0x2d) p--;
    else break;
  }
  return p;
}

/** What one pass over the colons of a text finds: the anchors of the URL and host:port patterns. */
export interface ColonAnchors {
  /** Offsets of `://`. */
  schemeSeps: number[];
  /** Offsets of a `:` followed by four or more digits (`host:5432`). */
  longPorts: number[];
  /** Offsets of a `:` followed by two to four digits (`smtp.x:587`). */
  shortPorts: number[];
  /** Does some `:` follow `jdbc` (any case)? */
  jdbc: boolean;
  /** Does some `:` precede `host=`, `server=` or `Server=` (PDO DSNs)? */
  pdo: boolean;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Finds every colon once with `indexOf` and classifies what surrounds it. */
export function colonAnchors(text: string): ColonAnchors {
  const out: ColonAnchors = { schemeSeps: [], longPorts: [], shortPorts: [], jdbc: false, pdo: false };
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (isDigit(c)) {
      let n = 1;
      while (n < 5 && isDigit(text.charCodeAt(i + 1 + n))) n++;
      if (n >= 4) out.longPorts.push(i);
      if (n >= 2 && n <= 4) out.shortPorts.push(i);
    } else if (c === 47) {
      if (text.charCodeAt(i + 2) === 47) out.schemeSeps.push(i);
    } else if (c === 104 || c === 115 || c === 83) {
      if (!out.pdo && (text.startsWith('host=', i + 1) || text.startsWith('server=', i + 1) || text.startsWith('Server=', i + 1))) out.pdo = true;
    }
    if (!out.jdbc && i >= 4 && (text.charCodeAt(i - 1) | 0x20) === 99 && text.slice(i - 4, i).toLowerCase() === 'jdbc') out.jdbc = true;
  }
  return out;
}
