import { shannonEntropy } from '../text';
import { isPlaceholder, KNOWN_EXAMPLES } from './placeholders';
import type { SecretNameKind } from './names';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Shapes that are never secrets whatever they are called. */
const NEVER_SECRET: readonly RegExp[] = [
  UUID,
  /^(?:sha\d{1,3}|md5)[:-][A-Za-z0-9+/=]{16,}$/i, // image digests, SRI hashes
  /^data:[\w.+-]+\/[\w.+-]+[;,]/, // data: URIs (base64 images)
  /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i, // CSS colours
  /^(?:rgb|hsl)a?\(/i,
  /^\$(?:2[abxy]?|5|6|argon2(?:id|i|d)?|pbkdf2[\w-]*|scrypt|bcrypt|apr1)\$/, // password hashes: not the password
  /^\{(?:bcrypt|SSHA\d*|SHA\d*|pbkdf2[\w-]*|argon2|scrypt|sha256)\}/i, // Spring / LDAP encoded passwords
  /^(?:https?|wss?|ftp|file):\/\/[^:@\s]*$/i, // a URL without credentials
  /^(?:\.{1,2}\/|~\/|[A-Za-z]:\\|\/(?:etc|var|run|usr|home|opt|tmp|srv|app|data|mnt|secrets?|config)\/)[\w./\\-]*$/, // paths
  /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/, // e-mail addresses
  /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/, // versions
  /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$/, // dates
  /^[+-]?\d+(?:\.\d+)?$/, // numbers
  /^(?:true|false|yes|no|on|off)$/i,
];

/** A word-ish segment: `orders`, `Bearer`, `CSRF`, `summer2024`. */
function isWordSegment(seg: string): boolean {
  if (/^[A-Za-z]{1,2}$/.test(seg)) return true;
  return /^(?:\p{Ll}+|\p{Lu}\p{Ll}+|\p{Lu}+)\d{0,4}$/u.test(seg) && /[aeiouyäöüéèàáóíúåæø]/i.test(seg);
}

/** Values made of words joined by separators: `x-refresh-token`, `orders.sid`, `ci-only-not-a-secret`. */
export function isWordy(value: string): boolean {
  const segs = value.split(/[-_.:/ +@]+/).filter((s) => s.length > 0);
  if (segs.length === 0) return true;
  return segs.every((s) => isWordSegment(s) || /^\d{1,4}$/.test(s));
}

function charClasses(v: string): number {
  return (/[a-z]/.test(v) ? 1 : 0) + (/[A-Z]/.test(v) ? 1 : 0) + (/[0-9]/.test(v) ? 1 : 0) + (/[^A-Za-z0-9]/.test(v) ? 1 : 0);
}

/** Shapes that are code or prose rather than a value. */
function isCodeOrProse(v: string): boolean {
  if (/\s/.test(v) && v.trim().split(/\s+/).length >= 3) return true; // prose
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\(.*\)$/.test(v)) return true; // a call
  if (/%[sdvq]|\{\d*\}|\{[a-z_]+\}/.test(v)) return true; // format strings
  if (/^[a-z][a-zA-Z]{0,40}(?:\.[a-z][a-zA-Z]{0,40}){1,6}$/.test(v)) return true; // a key path: `testing.iconPassed`
  return false;
}

/** Values shorter than this (trimmed) are never secrets, whatever their name (context shapes are longer still). */
export const MIN_SECRET_LENGTH = 6;

/**
 * Does `value`, assigned to a name of the given kind, look like a real secret? Judged by shape and entropy:
 * placeholders, references, words and well-known non-secret shapes stay quiet.
 */
export function looksLikeSecretValue(value: string, kind: SecretNameKind): boolean {
  const v = value.trim();
  if (v.length < MIN_SECRET_LENGTH || v.length > 2000) return false;
  if (KNOWN_EXAMPLES.has(v) || isPlaceholder(v)) return false;
  if (NEVER_SECRET.some((re) => re.test(v))) return false;
  if (isCodeOrProse(v)) return false;
  const h = shannonEntropy(v);
  const classes = charClasses(v);
  if (kind === 'password') {
    if (v.length < 8) return false;
    if (!isWordy(v)) return h >= 2.5;
    return classes >= 3 && /[0-9]/.test(v) && /[^A-Za-z0-9]/.test(v); // `Summer2024!`
  }
  if (isWordy(v)) return false;
  if (kind === 'secret') {
    if (v.length < 10) return classes >= 3 && h >= 2.8;
    return h >= (v.length >= 20 ? 3.2 : 2.9);
  }
  // A `…_key` name: only long, strongly random values; a vendor's `X_KEY` needs a token-like value.
  // Hex values top out at 4 bits per character; a random 32-hex key falls under 3.5 about one time in ten.
  if (kind === 'vendor-key') return v.length >= 24 && !/\s/.test(v) && h >= (/^[0-9a-f]+$/i.test(v) ? 3.0 : 3.5) && classes >= 2;
  return v.length >= 16 && h >= 3.4 && classes >= 2;
}
