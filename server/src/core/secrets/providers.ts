import { mask } from '../redact';
import { NAME_HINT } from './assignments';
import { KeywordScanner } from '../prefilter';
import { leadingLiterals, matchesAtStarts, type StartsOf } from '../anchored';
import { CREDENTIAL_WORDS, type CredentialHits, type CredentialGroup } from './urls';
import { CONTEXT_PREFIX_WORDS } from './name-hits';
import { shannonEntropy } from '../text';
import { CLOUD_PROVIDERS } from './providers-cloud';
import { COMMERCE_PROVIDERS } from './providers-commerce';
import { COMMS_PROVIDERS } from './providers-comms';
import { DEVTOOLS_PROVIDERS } from './providers-devtools';
import { KEY_PROVIDERS } from './providers-keys';
import { isObviouslyFake, KNOWN_EXAMPLES } from './placeholders';
import type { ProviderPattern, SecretHit } from './types';
import type { ScanRequest, Severity, WordScan } from '../types';

export type { ProviderPattern } from './types';

/** Every provider format, most specific first (a GCP service-account key before a bare private key). */
export const PROVIDERS: readonly ProviderPattern[] = [
  ...KEY_PROVIDERS,
  ...DEVTOOLS_PROVIDERS,
  ...CLOUD_PROVIDERS,
  ...COMMERCE_PROVIDERS,
  ...COMMS_PROVIDERS,
];

/**
 * A pattern ready to run: its optional fields filled in, so every entry has the same shape (the loop over them
 * stays monomorphic; specs written with and without `strong`, `severity` or `validate` made it recompile).
 */
interface Compiled {
  re: RegExp;
  id: string;
  kind: string;
  severity: Severity | undefined;
  validate: ProviderPattern['validate'];
  strong: boolean;
  noFakeCheck: boolean;
  /**
   * Where a match can start, from the hits of ANCHOR_GROUP (see anchorsOf); null: the pattern scans the whole text.
   */
  startsOf: StartsOf | null;
}

/**
 * The literals every match of `p` starts with, when they make good anchors: ASCII (the keyword pass takes no other),
 * at least 3 characters each, and each either related to one of the pattern's keywords (equal, or one a prefix of
 * the other: it occurs where the keyword does) or holding `_`, `-` or `.` (`SG.`, `key-`: rare in code). Plain words
 * (`pat`, `http`) occur everywhere.
 */
function anchorsOf(p: ProviderPattern): string[] | null {
  const literals = leadingLiterals(p.re);
  if (!literals) return null;
  const good = (lit: string) => {
    const w = lit.toLowerCase();
    if (w.length < 3 || /[^\x01-\x7f]/.test(w)) return false;
    return /[_.-]/.test(w) || p.keywords.some((k) => k.startsWith(w) || w.startsWith(k));
  };
  return literals.every(good) ? literals : null;
}

/** Adds the start of each of `literals` that ends at a hit (`text.startsWith`: the pass folds case, the pattern does not). */
function literalStarts(literals: readonly string[]): StartsOf {
  return (text, hit, add) => {
    for (let i = 0; i < literals.length; i++) {
      const start = hit - literals[i].length + 1;
      if (start >= 0 && text.startsWith(literals[i], start)) add(start);
    }
  };
}

let compiled: { words: string[]; groups: number[]; byKeyword: Compiled[][]; all: Compiled[]; matcher?: KeywordScanner } | undefined;

/** The words of a `a|b|c\/d` hint pattern's source, lower-case and unescaped. */
function hintWords(hint: RegExp): string[] {
  return hint.source.split('|').map((w) => w.replace(/\\(.)/g, '$1').toLowerCase());
}

/**
 * The words of one keyword pass over a file, which picks the patterns to run: every provider keyword, plus the
 * words of NAME_HINT (hit group 0) and of each CREDENTIAL_WORDS group (hit groups 1…), so the same pass finds
 * where the other checks need to look. The engine runs that pass for every rule at once (see SECRET_SCAN).
 */
function compile(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  const words: string[] = [];
  const groups: number[] = [];
  const index = new Map<string, number>();
  const byKeyword: Compiled[][] = [];
  const all: Compiled[] = [];
  const keyword = (k: string): number => {
    let i = index.get(k);
    if (i === undefined) {
      i = words.length;
      index.set(k, i);
      words.push(k);
      groups.push(0);
      byKeyword.push([]);
    }
    return i;
  };
  for (const p of PROVIDERS) {
    const anchors = anchorsOf(p);
    const c: Compiled = {
      re: new RegExp(p.re.source, `${p.re.flags.replace(/[gd]/g, '')}gd`),
      id: p.id,
      kind: p.kind,
      severity: p.severity,
      validate: p.validate,
      strong: p.strong !== false,
      noFakeCheck: p.noFakeCheck === true,
      startsOf: anchors ? literalStarts(anchors) : null,
    };
    all.push(c);
    for (const kw of p.keywords) byKeyword[keyword(kw.toLowerCase())].push(c);
    for (const a of anchors ?? []) groups[keyword(a.toLowerCase())] |= 1 << ANCHOR_GROUP;
  }
  for (const w of hintWords(NAME_HINT)) groups[keyword(w)] |= 1;
  keyword(BUILD_CALL_WORDS[0]);
  keyword(BUILD_CALL_WORDS[1]);
  HINT_GROUPS.forEach((group, g) => {
    for (const w of CREDENTIAL_WORDS[group]) groups[keyword(w)] |= 1 << (g + 1);
  });
  for (const w of CONTEXT_PREFIX_WORDS) groups[keyword(w)] |= 1 << PREFIX_GROUP;
  compiled = { words, groups, byKeyword, all };
  return compiled;
}

/** Android build calls (`buildConfigField`, `resValue`): whether one occurs is found by the same pass. */
const BUILD_CALL_WORDS = ['buildconfigfield', 'resvalue'] as const;

/** The CREDENTIAL_WORDS groups in hit-group order (group 0 is NAME_HINT's). */
const HINT_GROUPS = Object.keys(CREDENTIAL_WORDS) as CredentialGroup[];

/** The hit group of the provider patterns' leading literals (after NAME_HINT's and the CREDENTIAL_WORDS groups). */
const ANCHOR_GROUP = HINT_GROUPS.length + 1;

/** The hit group of the words some context patterns want before a hint (see reportableNameHits). */
const PREFIX_GROUP = ANCHOR_GROUP + 1;

/** What the secrets rule asks the engine's keyword pass to find (see scanProvidersAndHits). */
export function secretScanRequest(): ScanRequest {
  const { words, groups } = compile();
  return { words, groups };
}

/** Every lower-case keyword of every provider (for the rule's prefilter). */
export function providerKeywords(): string[] {
  return [...new Set(PROVIDERS.flatMap((p) => p.keywords.map((k) => k.toLowerCase())))];
}

/** A credential word near an unverifiable token makes it "clearly a token" anyway. */
const CREDENTIAL_CONTEXT = /token|auth|bearer|password|secret|credential|api[_-]?key|github|gh_|npm/i;

/** How far from the token, on its line, a credential word counts as near it. */
const NEAR = 300;

/**
 * The rest of the token's line, at most NEAR characters on each side (the token itself left out). Bounded: on a
 * megabyte line of token-shaped strings, the whole line per token made the check quadratic.
 */
function lineAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - NEAR);
  const before = text.slice(from, start);
  const after = text.slice(end, Math.min(text.length, end + NEAR));
  const ls = before.lastIndexOf('\n') + 1;
  const le = after.indexOf('\n');
  return before.slice(ls) + ' ' + (le < 0 ? after : after.slice(0, le));
}

function defaultBody(token: string): string {
  return token.replace(/^(?:[A-Za-z0-9]{1,10}[_-]){1,3}/, '');
}

export interface ProviderScanOptions {
  /** Test files: only strong formats, and only high-entropy bodies. */
  strict?: boolean;
  /** Every pattern scans the whole text, none only at its leading literals (the reference the tests compare with). */
  wholeText?: boolean;
}

/** Records the match `m` of pattern `c` in `hits` unless it is a known example, an obvious fake or rejected. */
function consider(text: string, c: Compiled, m: RegExpExecArray, options: ProviderScanOptions, hits: SecretHit[]): void {
  const span = m.indices?.groups?.token ?? m.indices![0];
  const token = text.slice(span[0], span[1]);
  if (KNOWN_EXAMPLES.has(token)) return;
  const body = m.groups?.body ?? defaultBody(token);
  const entropy = shannonEntropy(body);
  if (!c.noFakeCheck && isObviouslyFake(body, entropy)) return;
  if (options.strict && !c.noFakeCheck && entropy < 3) return;
  const verdict = c.validate?.(token) ?? 'valid';
  if (verdict === 'reject') return;
  let severity = c.severity;
  let note = '';
  if (verdict === 'invalid') {
    if (options.strict || !CREDENTIAL_CONTEXT.test(lineAround(text, span[0], span[1]))) return;
    severity = 'warning';
    note = ' (its checksum does not verify, so it may be a fake)';
  }
  hits.push({
    start: span[0],
    end: span[1],
    id: c.id,
    severity,
    message: `${c.kind} is hardcoded: ${mask(token)}${note}. Read it from the environment instead.`,
  });
}

/** Finds provider tokens in `text`; only the patterns whose keywords occur in it run. */
export function scanProviders(text: string, options: ProviderScanOptions = {}): SecretHit[] {
  return scanProvidersAndHits(text, options).hits;
}

/** What scanProvidersAndHits finds. */
export interface ProviderScan {
  hits: SecretHit[];
  /** Offsets of the last character of every NAME_HINT word (where `assignments` needs to look). */
  nameHits: number[];
  /** Offsets of the last character of every CONTEXT_PREFIX_WORDS word (see reportableNameHits). */
  prefixEnds: number[];
  /** Where the words of each CREDENTIAL_WORDS group occur (where `findCredentialStrings` tries its patterns). */
  credentialHits: CredentialHits;
  /** Whether an Android build call word occurs (`assignments` need not look for them otherwise). */
  buildCalls: boolean;
}

/**
 * scanProviders, plus (from the same pass over the text) the lines the other checks need to look at. `scan` is
 * that pass when the engine already made it (for the words of secretScanRequest).
 */
export function scanProvidersAndHits(text: string, options: ProviderScanOptions = {}, scan?: WordScan): ProviderScan {
  const c0 = compile();
  const result = scan ?? (c0.matcher ??= new KeywordScanner(c0.words, c0.groups)).scan(text);
  const selected = new Set<Compiled>();
  for (const k of result.found) for (const c of c0.byKeyword[k]) selected.add(c);
  const hits: SecretHit[] = [];
  const anchorHits = result.hits[ANCHOR_GROUP] ?? [];
  for (const c of c0.all) {
    if (!selected.has(c)) continue;
    if (options.strict && !c.strong) continue;
    // A pattern with leading literals is tried only where one of them occurs (the same matches: see matchesAtStarts).
    if (c.startsOf !== null && options.wholeText !== true) {
      for (const m of matchesAtStarts(c.re, text, anchorHits, c.startsOf)) consider(text, c, m, options, hits);
      continue;
    }
    const re = c.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      consider(text, c, m, options, hits);
    }
  }
  const credentialHits = Object.fromEntries(HINT_GROUPS.map((group, g) => [group, result.hits[g + 1] ?? []])) as unknown as CredentialHits;
  const buildWords = new Set(BUILD_CALL_WORDS.map((w) => c0.words.indexOf(w)));
  const buildCalls = result.found.some((k) => buildWords.has(k));
  return { hits, nameHits: result.hits[0] ?? [], prefixEnds: result.hits[PREFIX_GROUP] ?? [], credentialHits, buildCalls };
}
