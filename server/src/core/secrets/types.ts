import type { Severity } from '../types';

/**
 * A provider token format: a vendor's documented shape (prefix, length, alphabet, checksum). Each pattern names
 * its kind for messages, lists the lower-case keywords whose presence lets it run, and carries its own
 * examples: `ng` texts it must flag and `ok` near misses it must not (checked by test/unit/secrets-providers).
 */
export interface ProviderPattern {
  id: string;
  /** The kind, as shown in messages: "Stripe live secret key". */
  kind: string;
  /** Lower-case strings of which one must occur in the file for the pattern to run. */
  keywords: readonly string[];
  /**
   * The token. Optional named groups: `token` (the reported span; default the whole match) and `body` (the
   * random part, checked for obvious fakes such as `xxxx` or `EXAMPLE`; default the token minus its prefix).
   */
  re: RegExp;
  /** Severity when it differs from the rule's default (test-mode keys are warnings). */
  severity?: Severity;
  /**
   * Extra check on the token: `valid` (e.g. checksum matches), `invalid` (reported only with a credential word
   * nearby, as a warning), `reject` (never a secret, e.g. a public JWT).
   */
  validate?: (token: string) => 'valid' | 'invalid' | 'reject';
  /**
   * False for formats that are looser (JWTs, by-context keys): these are not reported in test files, where the
   * bar is higher.
   */
  strong?: boolean;
  /** Skip the fake-value check (PEM bodies legitimately contain long runs such as `AAAAAA`). */
  noFakeCheck?: boolean;
  examples: { ng: readonly string[]; ok: readonly string[] };
}

/**
 * A key recognised by context: the value's shape alone is too common (32 hex digits), so the name it is assigned
 * to must say which vendor it belongs to (`DATADOG_API_KEY = "…"`).
 */
export interface ContextPattern {
  id: string;
  kind: string;
  /** Tested against the assignment's name (case-insensitive). */
  name: RegExp;
  /** Tested against the whole value (anchored). */
  value: RegExp;
  severity?: Severity;
  examples: { ng: readonly string[]; ok: readonly string[] };
}

/** One secret found in a file: offsets of the reported span, kind, and the message (already masked). */
export interface SecretHit {
  start: number;
  end: number;
  /** Pattern id, `generic`, `connection-string` … */
  id: string;
  message: string;
  severity?: Severity;
}
