import { mask } from '../redact';
import { NAME_HINT } from './assignments';
import { KeywordLines } from './keyword-lines';
import { LINE_HINT } from './urls';
import { shannonEntropy } from '../text';
import { CLOUD_PROVIDERS } from './providers-cloud';
import { COMMERCE_PROVIDERS } from './providers-commerce';
import { COMMS_PROVIDERS } from './providers-comms';
import { DEVTOOLS_PROVIDERS } from './providers-devtools';
import { KEY_PROVIDERS } from './providers-keys';
import { isObviouslyFake, KNOWN_EXAMPLES } from './placeholders';
import type { ProviderPattern, SecretHit } from './types';

export type { ProviderPattern } from './types';

/** Every provider format, most specific first (a GCP service-account key before a bare private key). */
export const PROVIDERS: readonly ProviderPattern[] = [
  ...KEY_PROVIDERS,
  ...DEVTOOLS_PROVIDERS,
  ...CLOUD_PROVIDERS,
  ...COMMERCE_PROVIDERS,
  ...COMMS_PROVIDERS,
];

interface Compiled {
  p: ProviderPattern;
  re: RegExp;
}

let compiled: { matcher: KeywordLines; byKeyword: Compiled[][]; all: Compiled[] } | undefined;

/** The words of a `a|b|c\/d` hint pattern's source, lower-case and unescaped. */
function hintWords(hint: RegExp): string[] {
  return hint.source.split('|').map((w) => w.replace(/\\(.)/g, '$1').toLowerCase());
}

/**
 * One keyword automaton over all provider keywords, so a file is scanned once to pick the patterns to run; it also
 * holds the words of NAME_HINT and LINE_HINT, so the same pass finds the lines the other checks need.
 */
function compile(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  const keywords: string[] = [];
  const lineGroups: number[] = [];
  const index = new Map<string, number>();
  const byKeyword: Compiled[][] = [];
  const all: Compiled[] = [];
  const keyword = (k: string): number => {
    let i = index.get(k);
    if (i === undefined) {
      i = keywords.length;
      index.set(k, i);
      keywords.push(k);
      lineGroups.push(0);
      byKeyword.push([]);
    }
    return i;
  };
  for (const p of PROVIDERS) {
    const c: Compiled = { p, re: new RegExp(p.re.source, `${p.re.flags.replace(/[gd]/g, '')}gd`) };
    all.push(c);
    for (const kw of p.keywords) byKeyword[keyword(kw.toLowerCase())].push(c);
  }
  for (const w of hintWords(NAME_HINT)) lineGroups[keyword(w)] |= 1;
  for (const w of hintWords(LINE_HINT)) lineGroups[keyword(w)] |= 2;
  compiled = { matcher: new KeywordLines(keywords, lineGroups, 1), byKeyword, all };
  return compiled;
}

/** Every lower-case keyword of every provider (for the rule's prefilter). */
export function providerKeywords(): string[] {
  return [...new Set(PROVIDERS.flatMap((p) => p.keywords.map((k) => k.toLowerCase())))];
}

/** A credential word near an unverifiable token makes it "clearly a token" anyway. */
const CREDENTIAL_CONTEXT = /token|auth|bearer|password|secret|credential|api[_-]?key|github|gh_|npm/i;

function lineAround(text: string, start: number, end: number): string {
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  let le = text.indexOf('\n', end);
  if (le < 0) le = text.length;
  return text.slice(ls, start) + ' ' + text.slice(end, le);
}

function defaultBody(token: string): string {
  return token.replace(/^(?:[A-Za-z0-9]{1,10}[_-]){1,3}/, '');
}

export interface ProviderScanOptions {
  /** Test files: only strong formats, and only high-entropy bodies. */
  strict?: boolean;
}

/** Finds provider tokens in `text`; only the patterns whose keywords occur in it run. */
export function scanProviders(text: string, options: ProviderScanOptions = {}): SecretHit[] {
  return scanProvidersAndLines(text, options).hits;
}

/** What scanProvidersAndLines finds. */
export interface ProviderScan {
  hits: SecretHit[];
  /** Offsets of the last character of every NAME_HINT word (where `assignments` needs to look). */
  nameHits: number[];
  /** The same for LINE_HINT words (what `findCredentialStrings` needs to see). */
  credentialLines: number[];
}

/** scanProviders, plus (from the same pass over the text) the lines the other checks need to look at. */
export function scanProvidersAndLines(text: string, options: ProviderScanOptions = {}): ProviderScan {
  const { matcher, byKeyword } = compile();
  const selected = new Set<Compiled>();
  const scan = matcher.scan(text);
  for (const k of scan.found) for (const c of byKeyword[k]) selected.add(c);
  const hits: SecretHit[] = [];
  for (const c of compile().all) {
    if (!selected.has(c)) continue;
    const { p, re } = c;
    if (options.strict && p.strong === false) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const span = m.indices?.groups?.token ?? m.indices![0];
      const token = text.slice(span[0], span[1]);
      if (KNOWN_EXAMPLES.has(token)) continue;
      const body = m.groups?.body ?? defaultBody(token);
      const entropy = shannonEntropy(body);
      if (!p.noFakeCheck && isObviouslyFake(body, entropy)) continue;
      if (options.strict && !p.noFakeCheck && entropy < 3) continue;
      const verdict = p.validate?.(token) ?? 'valid';
      if (verdict === 'reject') continue;
      let severity = p.severity;
      let note = '';
      if (verdict === 'invalid') {
        if (options.strict || !CREDENTIAL_CONTEXT.test(lineAround(text, span[0], span[1]))) continue;
        severity = 'warning';
        note = ' (its checksum does not verify, so it may be a fake)';
      }
      hits.push({
        start: span[0],
        end: span[1],
        id: p.id,
        severity,
        message: `${p.kind} is hardcoded: ${mask(token)}${note}. Read it from the environment instead.`,
      });
    }
  }
  return { hits, nameHits: scan.hits[0], credentialLines: scan.lines[1] };
}
