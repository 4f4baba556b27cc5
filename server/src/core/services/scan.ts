import { runStartBefore } from '../text';

/** `[a-z0-9.-]` in either case: the characters of a host name as the host:port patterns spell it. */
function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/**
 * The start of the run of host characters ending just before `colon`, looked for at most `max` characters back
 * (exactly these characters: a match of the host:port patterns can start nowhere else in the run).
 */
export function backOverHostChars(text: string, colon: number, max: number): number {
  return runStartBefore(text, colon, isHostChar, max);
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
