import { mask } from '../redact';
import { isSchemeChar, runStartBefore } from '../text';
import { lineEndNear, lineStartNear } from './syntax';
import { findHostSettings } from './hosts';
import { anchoredMatches } from '../anchored';
import { wordEnds } from '../prefilter';
import { backOverHostChars, colonAnchors } from './scan';
import { BY_PORT, BY_SCHEME, DATABASE, HTTP_SERVICE_PORTS, SMTP, type ServiceKind } from './kinds';

/** A literal location of a backing service found in text (offsets into the text). */
export interface ServiceLocation {
  start: number;
  end: number;
  kind: ServiceKind;
  /** The location as it may be shown: passwords masked, long values shortened. */
  display: string;
}

export const SCHEME_URL = /(?<![\w+.-])(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|nats|smtps?|memcached?|kafka|elasticsearch|mssql|sqlserver|cockroachdb|clickhouse|cassandra|neo4j(?:\+s{1,2}c?)?|bolt|couchbases?)(?:\+[a-z0-9]{1,20})?:\/\/([^\s'"`<>\\,;)]{0,500})/gi;
const JDBC = /\bjdbc:(?!h2:|hsqldb:|derby:|sqlite:|tc:)([a-z0-9]{1,20}):([^\s'"`<>]{1,500})/gi;
export const ADO = /\b(?:Server|Data Source|Host|Address|Addr)\s*=\s*([^;'"\n]{1,200});[^'"\n]{0,500}?\b(?:Database|Initial Catalog)\s*=/gi;
const LIBPQ = /\bhost=([^\s'"`;]{1,200})/g;
export const HOST_PORT = /(?<![\w.:/@-])([a-z0-9][a-z0-9.-]{0,250}):(\d{4,5})(?![\w.:\/-])/gi;
const HTTP_PORT = /\bhttps?:\/\/(?:[^\s'"`\/@]{0,200}@)?([a-z0-9.-]{1,200}):(\d{4,5})(?!\d)/gi;
const TCP_PORT = /\btcp:\/\/([a-z0-9.-]{1,200}):(\d{4,5})(?!\d)/gi;
const PDO_DSN = /\b(?:mysql|pgsql|sqlsrv|oci|dblib):(?:host|server|Server)=([^;'"\s]{1,200})[^'"\s]{0,300}/g;
export const SMTP_HOST_PORT = /(?<![\w.:/@-])((?:smtp|mail|email-smtp)[a-z0-9.-]{0,200}):(25|465|587|2525)\b/gi;

/** Host names that are placeholders in templates and docs rather than locations. */
export function isPlaceholderHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === '' || /[{}$%<>*]/.test(h)) return true;
  if (/^(?:host|hostname|server|your[-_.]?\w{0,30}|db[-_]?host|my[-_]?host|xxx+|\.{3}|…)$/.test(h)) return true;
  if (/^[A-Z_]{2,}$/.test(host)) return true; // HOST, DB_HOST
  return /(?:^|\.)(?:example\.(?:com|org|net)|example|invalid)$/.test(h);
}

/** Masks the password in `user:password@host` userinfo and `password=…` / `Pwd=…` pairs. */
export function maskCredentials(location: string): string {
  let out = location.replace(/(\/\/[^:\/@\s]{0,200}:)([^@\/\s]{1,300})@/, (_m, pre: string, pw: string) => `${pre}${mask(pw)}@`);
  out = out.replace(/\b(password|pwd|pass)(\s*=\s*)([^;\s'"]{1,300})/gi, (_m, k: string, eq: string, v: string) => `${k}${eq}${mask(v)}`);
  return out.length > 90 ? `${out.slice(0, 87)}…` : out;
}

function hostOfAuthority(rest: string): string {
  const authority = rest.split(/[\/?#]/, 1)[0];
  const at = authority.lastIndexOf('@');
  const hosts = authority.slice(at + 1);
  // mongodb://a:27017,b:27017 — judge by the first host; IPv6 in brackets is a host too.
  const first = hosts.split(',')[0];
  return first.startsWith('[') ? first : first.replace(/:\d{0,5}$/, '');
}

/**
 * What a keyword pass over the text already found (see SERVICE_SCAN): where `database` / `initial catalog` and `host`
 * end.
 */
export interface ServiceWords {
  /** The offset of the last character of every `database` and `initial catalog`, in any case, in order. */
  catalogEnds: readonly number[];
  /** The offset of the last character of every `host`, in any case, in order. */
  hostEnds: readonly number[];
}

/**
 * The words findServiceLocations can be told about, for a rule's ScanRequest: `host` is hit group 0, the catalog
 * words group 1.
 */
export const SERVICE_SCAN = { words: ['database', 'initial catalog', 'host'], groups: [2, 2, 1] } as const;

/** The catalog words of SERVICE_SCAN (group 1: where ADO can end). */
const CATALOG_WORDS = SERVICE_SCAN.words.slice(0, 2);

/** `\s*=` right after a catalog word: every ADO match ends so (`Database=`, `Initial Catalog =`). */
const EQUALS_AFTER = /\s*=/y;

/**
 * Whether ADO can match: only if some `database` / `initial catalog` (ending at one of `catalogEnds`) is followed
 * by optional white space and `=`, as the pattern's end demands. Most files that mention databases never do, and
 * are spared the pattern's scan of the whole text.
 */
export function adoMayMatch(text: string, catalogEnds: readonly number[]): boolean {
  for (const e of catalogEnds) {
    EQUALS_AFTER.lastIndex = e + 1;
    if (EQUALS_AFTER.test(text)) return true;
  }
  return false;
}

/** Where each `database` / `initial catalog` ends, in any case (without a keyword pass). */
export function catalogEndsIn(text: string): number[] {
  return wordEnds(text, CATALOG_WORDS);
}

/**
 * Where SCHEME_URL can match with its `://` at each of `seps`: only at the start of the run of `[\w+.-]` before it
 * (the lookbehind rules out every later offset), and only if that is at most 40 characters back (no scheme is
 * longer).
 */
export function schemeStarts(text: string, seps: readonly number[]): [number, number][] {
  return seps.map((s): [number, number] => {
    const p = runStartBefore(text, s, isSchemeChar, 40);
    return [p, p];
  });
}

/**
 * Where HOST_PORT / SMTP_HOST_PORT can match with the `:` at each of `colons`: only at the start of the run of host
 * characters before it (their lookbehind rules out every later offset), looked for at most `max` characters back.
 */
export function hostStarts(text: string, colons: readonly number[], max: number): [number, number][] {
  return colons.map((c): [number, number] => {
    const p = backOverHostChars(text, c, max);
    return [p, p];
  });
}

/**
 * Every literal backing-service location in `text`, earliest first, without overlaps. `words`, when given, is what
 * a keyword pass found (it spares a search of the text per word).
 */
export function findServiceLocations(text: string, options: { yamlLike?: boolean; properties?: boolean; words?: ServiceWords } = {}): ServiceLocation[] {
  const words = options.words;
  const found: ServiceLocation[] = [];
  // Characters already covered by a location (earlier patterns win overlaps); a mask keeps this linear. Made at the
  // first location (most files have none).
  let taken: Uint8Array | undefined;
  const add = (start: number, end: number, kind: ServiceKind) => {
    taken ??= new Uint8Array(text.length + 1);
    for (let i = start; i < end; i++) if (taken[i]) return;
    taken.fill(1, start, end);
    found.push({ start, end, kind, display: maskCredentials(text.slice(start, end)) });
  };
  // Every pattern is tried only near a cheap anchor (`://`, `:` + port digits), never at every offset.
  const { schemeSeps, longPorts, shortPorts, jdbc, pdo } = colonAnchors(text);
  const near = (offsets: number[], from: number, to: number) => offsets.map((a): [number, number] => [a - from, a - to]);
  for (const m of anchoredMatches(text, SCHEME_URL, schemeStarts(text, schemeSeps))) {
    const host = hostOfAuthority(m[2]);
    if (isPlaceholderHost(host)) continue;
    const scheme = m[1].toLowerCase();
    add(m.index, m.index + m[0].length, BY_SCHEME[scheme] ?? BY_SCHEME[scheme.replace(/\+.*$/, '')] ?? DATABASE);
  }
  for (const m of jdbc ? text.matchAll(JDBC) : []) {
    const rest = m[2].replace(/^(?:thin:@|\/\/)/, '').replace(/^\/\//, '');
    const host = rest.split(/[\/:;?]/, 1)[0].replace(/^\w{1,20}:\/\//, '');
    if (isPlaceholderHost(host) && !/^\/\//.test(m[2])) continue;
    if (/^\/\//.test(m[2]) && isPlaceholderHost(hostOfAuthority(m[2].slice(2)))) continue;
    add(m.index, m.index + m[0].length, DATABASE);
  }
  const ado = adoMayMatch(text, words ? words.catalogEnds : catalogEndsIn(text));
  for (const m of ado ? text.matchAll(ADO) : []) {
    const host = m[1].trim().replace(/^tcp:/i, '').split(/[,\\:]/, 1)[0];
    if (isPlaceholderHost(host) || /^\(localdb\)/i.test(m[1].trim())) continue;
    const lineEnd = text.slice(m.index, m.index + 800).search(/['"\n]/);
    add(m.index, m.index + (lineEnd < 0 ? m[0].length : lineEnd), DATABASE);
  }
  for (const m of text.includes('host=') ? text.matchAll(LIBPQ) : []) {
    if (isPlaceholderHost(m[1])) continue;
    const lineStart = lineStartNear(text, m.index);
    const line = text.slice(lineStart, lineEndNear(text, m.index));
    if (!/\bdbname=|\bport=\d/.test(line) || /;\s*\w+\s*=/.test(line.slice(m.index - lineStart))) continue;
    const tail = text.slice(m.index, m.index + 600).search(/['"`\n]/);
    add(m.index, m.index + (tail < 0 ? m[0].length : tail), DATABASE);
  }
  for (const m of anchoredMatches(text, HTTP_PORT, near(schemeSeps, 5, 4))) {
    if (!HTTP_SERVICE_PORTS.has(m[2]) || isPlaceholderHost(m[1])) continue;
    const end = m.index + m[0].length + (text.slice(m.index + m[0].length, m.index + m[0].length + 300).match(/^[^\s'"`<>,;)]*/)?.[0].length ?? 0);
    add(m.index, end, BY_PORT[m[2]]);
  }
  for (const m of anchoredMatches(text, TCP_PORT, near(schemeSeps, 3, 3))) {
    if (BY_PORT[m[2]] && !isPlaceholderHost(m[1])) add(m.index, m.index + m[0].length, BY_PORT[m[2]]);
  }
  for (const m of pdo ? text.matchAll(PDO_DSN) : []) {
    if (!isPlaceholderHost(m[1])) add(m.index, m.index + m[0].length, DATABASE);
  }
  for (const m of anchoredMatches(text, HOST_PORT, hostStarts(text, longPorts, 251))) {
    const kind = BY_PORT[m[2]];
    if (!kind || isPlaceholderHost(m[1]) || !/[a-z]/i.test(m[1]) && !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(m[1])) continue;
    add(m.index, m.index + m[0].length, kind);
  }
  for (const m of anchoredMatches(text, SMTP_HOST_PORT, hostStarts(text, shortPorts, 211))) {
    if (!isPlaceholderHost(m[1])) add(m.index, m.index + m[0].length, SMTP);
  }
  for (const h of findHostSettings(text, options.yamlLike ?? false, options.properties ?? false, isPlaceholderHost, words?.hostEnds)) add(h.start, h.end, h.kind);
  return found.sort((a, b) => a.start - b.start);
}
