/**
 * Checks that let look-alikes stay quiet: GitHub/npm token checksums (CRC32 of the random part, base62) and JWT
 * header/payload decoding.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

let table: Uint32Array | undefined;
export function crc32(s: string): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < s.length; i++) crc = table[(crc ^ s.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function base62(n: number, width: number): string {
  let s = '';
  let v = n;
  while (v > 0) {
    s = BASE62[v % 62] + s;
    v = Math.floor(v / 62);
  }
  return s.padStart(width, '0');
}

/**
 * GitHub's token format (ghp_, gho_, ghu_, ghs_, ghr_; also npm_): 30 random base62 characters followed by the
 * CRC32 of those 30 characters in 6 base62 digits.
 */
export function githubChecksum(token: string): 'valid' | 'invalid' {
  const rest = token.slice(token.indexOf('_') + 1);
  if (rest.length !== 36) return 'invalid';
  return base62(crc32(rest.slice(0, 30)), 6) === rest.slice(30) ? 'valid' : 'invalid';
}

function decodeBase64Url(part: string): string | undefined {
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    return atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    return undefined;
  }
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  const text = decodeBase64Url(part);
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A JWT is reported when its header decodes to JSON naming a signing algorithm other than `none` and it has a
 * signature. Tokens designed to be public (Supabase `anon` keys) are rejected.
 */
export function checkJwt(token: string): 'valid' | 'reject' {
  const [h, p, sig] = token.split('.');
  const header = decodeJson(h);
  if (!header || typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none' || !sig) return 'reject';
  const payload = decodeJson(p);
  if (!payload) return 'reject';
  if (payload.role === 'anon') return 'reject';
  return 'valid';
}
