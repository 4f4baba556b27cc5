/**
 * Secrets are toxic output: every message that mentions a secret value goes through `mask` before it leaves the
 * core. A masked value keeps a few leading characters (enough to recognise a provider prefix such as `sk_live_`
 * or `ghp_`) and never more than a quarter of the value, followed by `…`.
 */
export function mask(value: string): string {
  const len = [...value].length;
  if (len <= 4) return '…';
  const keep = Math.min(8, Math.floor(len / 4));
  return [...value].slice(0, Math.max(1, keep)).join('') + '…';
}

/** Replaces every occurrence of each secret in `text` with its masked form. */
export function redactAll(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) {
    if (s.length > 0) out = out.split(s).join(mask(s));
  }
  return out;
}
