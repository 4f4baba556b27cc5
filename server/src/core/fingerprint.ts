import { sha256Hex } from './sha256';

/**
 * A finding's fingerprint: stable across edits that move it (no line numbers), different per rule, per matched
 * text and per file. Used by the project config's `accepted:` list and by SARIF `partialFingerprints`.
 *
 * The matched text may be a secret: only a (truncated) SHA-256 of it, salted with the rule id and path, ever
 * leaves the core, never the text itself.
 */
export function fingerprint(ruleId: string, matchedText: string, path: string, digest: Sha256Hex = sha256Hex): string {
  return digest(`twelve-factor/v1\u0000${ruleId}\u0000${normalizeMatchedText(matchedText)}\u0000${normalizePath(path)}`).slice(0, 32);
}

/** SHA-256 of a string's UTF-8 bytes as 64 lower-case hex digits: the core's own, or the platform's (node:crypto). */
export type Sha256Hex = (text: string) => string;

/** Whitespace runs collapse to one space and the ends are trimmed, so re-indenting or re-wrapping keeps the fingerprint. */
export function normalizeMatchedText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}
