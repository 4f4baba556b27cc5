import { wordEnds } from '../prefilter';
import { codeAt } from '../text';
import { isNameChar } from './assignments';

/**
 * Which NAME_HINT hits (the offsets of their last characters, in order) can lead to a report. A name is reported
 * by the name-based check (secretNameKind: its last word is a password, secret, token, credential or key word) or
 * by a context pattern (CONTEXT_PATTERNS, tested against the name). Both need one of the hint words in the name,
 * and the assignment forms are tried at every hint of a name, so a hit can be dropped when the name around it
 * could only be reported through another hint, whose own hit tries the same name. Six hint words serve one
 * purpose each and nothing else, and most of their hits are in ordinary words (`getValue`, `path`, `license`
 * headers, `author`, `global`): about half of a tree's hits. Each is kept only where its one use can match at it:
 * - `value`: a bare `"value"` key, named by its parent key (see BARE_NAME);
 * - `pat`: after `ado`, `azdo`, `vsts` or `devops`, at most 20 characters before (Azure DevOps);
 * - `auth`: after `twilio`, at most 30 characters before (Twilio);
 * - `license`: right after `nr`, or `nr` and one character (New Relic; `new relic … license key` has `key`);
 * - `lob`: not after a letter, and before `_`, `.` or `-` (Lob);
 * - `launch`: before `darkly`, or one character and `darkly` (LaunchDarkly).
 * `prefixEnds`: where each CONTEXT_PREFIX_WORDS word ends, in order (from the keyword pass; found here if not given).
 */
export function reportableNameHits(text: string, hits: readonly number[], prefixEnds: readonly number[] = prefixEndsIn(text)): readonly number[] {
  let kept: number[] | undefined;
  // The first prefix end that can still be near a hit (hits come in order: a window never moves back).
  let p = 0;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    while (p < prefixEnds.length && prefixEnds[p] < h - MAX_PREFIX_REACH) p++;
    if (mayReport(text, h, prefixEnds, p)) kept?.push(h);
    else kept ??= hits.slice(0, i);
  }
  return kept ?? hits;
}

/** Words a context pattern wants before its hint (`pat`, `auth`): the keyword pass reports where they end. */
export const CONTEXT_PREFIX_WORDS = ['ado', 'azdo', 'vsts', 'devops', 'twilio'] as const;

/** How far before the end of a hint a prefix can end (`twilio`, then up to 30 characters, then `auth`). */
const MAX_PREFIX_REACH = 34;

function mayReport(text: string, h: number, prefixEnds: readonly number[], from: number): boolean {
  const c = codeAt(text, h) | 32;
  if (c === 101 && endsWith(text, h, 'value')) return !isNameChar(codeAt(text, h - 5)) && !isNameChar(codeAt(text, h + 1));
  if (c === 116 && endsWith(text, h, 'pat')) return endsWithin(prefixEnds, from, h - 23, h - 3);
  if (c === 104 && endsWith(text, h, 'auth')) return endsWithin(prefixEnds, from, h - 34, h - 4);
  if (c === 101 && endsWith(text, h, 'license')) return endsWith(text, h - 7, 'nr') || endsWith(text, h - 8, 'nr');
  if (c === 98 && endsWith(text, h, 'lob')) {
    const before = codeAt(text, h - 3) | 32;
    const after = codeAt(text, h + 1);
    return !(before >= 97 && before <= 122) && (after === 95 || after === 46 || after === 45);
  }
  if (c === 104 && endsWith(text, h, 'launch')) return startsWith(text, h + 1, 'darkly') || startsWith(text, h + 2, 'darkly');
  return true;
}

/** Whether one of `ends` (from index `from` on) lies in [lo, hi]. */
function endsWithin(ends: readonly number[], from: number, lo: number, hi: number): boolean {
  for (let k = from; k < ends.length && ends[k] <= hi; k++) if (ends[k] >= lo) return true;
  return false;
}

/** Whether `word` (lower-case letters) ends at `end` in `text`, in any ASCII case. */
function endsWith(text: string, end: number, word: string): boolean {
  return startsWith(text, end - word.length + 1, word);
}

/** Whether `word` (lower-case letters) starts at `at` in `text`, in any ASCII case. */
function startsWith(text: string, at: number, word: string): boolean {
  if (at < 0) return false;
  for (let k = 0; k < word.length; k++) if ((codeAt(text, at + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/** Where each CONTEXT_PREFIX_WORDS word ends in `text`, in order (without a keyword pass). */
export function prefixEndsIn(text: string): number[] {
  return wordEnds(text, CONTEXT_PREFIX_WORDS);
}
