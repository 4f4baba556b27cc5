import { mask } from '../redact';
import { isSchemeChar, isWordChar, runStartBefore } from '../text';
import { looksLikeSecretValue } from './values';
import { matchesAtStarts, type StartsOf } from '../anchored';
import { hintedLines, LineScans, matchesOnLines } from './line-scan';
import { secretNameKind } from './names';
import type { SecretHit } from './types';

/** `scheme://user:password@host` in any scheme: postgres, mysql, mongodb+srv, redis, amqp, smtp, http … */
const URL_CREDENTIALS = /(?<![\w+.-])(?<scheme>[a-z][a-z0-9+.-]{1,30}):\/\/(?<user>[^\s:@/'"`<>(){}[\]]{0,100}):(?<pass>[^\s@/'"`<>]{1,200})@(?<host>[^\s/:'"`?#<>@,;)]{1,200})/gi;
/** ADO.NET / ODBC style: `Server=…;User ID=…;Password=…;` */
const CONN_PASSWORD = /(?<![\w])(?:Password|Pwd)[ \t]*=[ \t]*(?<pass>[^;"'\r\n]{1,200})(?=;|"|'|$)/gim;
const CONN_CONTEXT = /(?:server|data source|host|user id|uid|initial catalog|database|dsn)[ \t]*=/i;
/** JDBC and query-string credentials: `?user=app&password=…` */
const QUERY_PASSWORD = /[?&;](?:password|passwd|pwd)=(?<pass>[^&;\s"'`#]{1,200})/gi;
/** `curl -u user:password`, `--user user:password` */
const CURL_USER = /\b(?:curl|wget)\b[^\r\n]{0,200}?[ \t](?:-u|--user)[ \t]+["']?(?<user>[^\s:'"]{1,100}):(?<pass>[^\s'"]{1,200})/g;
/** `--password=…`, `--token …`, `--api-key=…` on command lines. */
const CLI_FLAG = /(?<![\w-])--(?<flag>password|passwd|pass|token|api-key|apikey|secret|auth-token|access-token|client-secret)[= ][ \t]*["']?(?<value>[^\s"'`]{1,300})/g;
/**
 * A user and a password passed together: `auth=("user", "pw")`, `getConnection(url, "user", "pw")`,
 * `HTTPBasicAuth("user", "pw")`, `Credentials.basic("user", "pw")`, `new NetworkCredential("user", "pw")`.
 */
export const CREDENTIAL_PAIR = /\b(?<fn>auth|basic_auth|getConnection|basic|HTTPBasicAuth|HTTPDigestAuth|BasicAuth|SetBasicAuth|setBasicAuth|NetworkCredential|PasswordAuthentication|UsernamePasswordCredentials|UsernamePasswordAuthenticationToken|withBasicAuth)[ \t]*[=(][ \t]*\(?[ \t]*(?:[^,()"'\r\n]{1,100},[ \t]*)?(?<q1>["'])(?<user>[^"'\r\n]{1,100})\k<q1>[ \t]*,[ \t]*(?:Some\()?(?<q2>["'])(?<pass>[^"'\r\n]{1,200})\k<q2>/g;

/** What every CREDENTIAL_PAIR match holds between its two strings: a line without it is not tried. */
export const QUOTE_COMMA_QUOTE = /["'][ \t]*,[ \t]*(?:Some\()?["']/;

/** `"Bearer <token>"` / `"Basic <base64>"` written into code. */
const AUTH_HEADER = /["'`](?<scheme>Bearer|Token|Basic)[ \t]+(?<value>[A-Za-z0-9._~+/=-]{16,1000})["'`]/g;

/** PowerShell: `ConvertTo-SecureString "…" -AsPlainText`. */
const PS_PLAINTEXT = /ConvertTo-SecureString[ \t]+(?:-String[ \t]+)?(?<q>["'])(?<pass>[^"'\r\n]{1,200})\k<q>[^\r\n]{0,40}-AsPlainText/gi;
/** SQL: `CREATE USER x WITH PASSWORD '…'`, `IDENTIFIED BY '…'`. */
const SQL_PASSWORD = /\b(?:WITH[ \t]+(?:ENCRYPTED[ \t]+)?PASSWORD|IDENTIFIED[ \t]+BY)[ \t]+'(?<pass>[^'\r\n]{1,200})'/gi;

const HOST_LOCAL = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)$/i;

/**
 * For each group of the patterns above, lower-case words one of which every match holds, at a place that tells
 * where the match starts (see MATCH_STARTS): each pattern is tried only there.
 */
export const CREDENTIAL_WORDS = {
  url: ['://'],
  password: ['passw', 'pwd', 'identified'],
  powershell: ['convertto-securestring'],
  pair: ['auth', 'basic', 'getconnection', 'credential'],
  curl: ['curl', 'wget'],
  flag: ['--'],
  header: ['bearer', 'token', 'basic'],
} as const;

export type CredentialGroup = keyof typeof CREDENTIAL_WORDS;

/** For each group: the offset of the last character of every occurrence of one of its words (ASCII case-insensitive). */
export type CredentialHits = Readonly<Record<CredentialGroup, readonly number[]>>;

function hintRegex(words: readonly string[]): RegExp {
  return new RegExp(words.map((w) => w.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join('|'), 'gi');
}

const isSpaceOrTab = (c: number) => c === 32 || c === 9;

/**
 * For each pattern tried at its group's hits (`h`: the last character of a word of the group), the offsets where
 * a match holding that word would start. Together they must include the start of every match (more is harmless:
 * the pattern is tried there and fails).
 */
const MATCH_STARTS = new Map<RegExp, StartsOf>([
  // `Password`/`Pwd` (`passw`, `pwd`) begin the match.
  [CONN_PASSWORD, (_t, h, add) => (add(h - 4), add(h - 2))],
  // One of `?&;` and then the word.
  [QUERY_PASSWORD, (_t, h, add) => (add(h - 5), add(h - 3))],
  // `IDENTIFIED` begins the match; `PASSWORD` follows `WITH` (and maybe `ENCRYPTED`), each after spaces or tabs.
  [
    SQL_PASSWORD,
    (t, h, add) => {
      add(h - 9);
      const word = h - 4;
      const gap = runStartBefore(t, word, isSpaceOrTab);
      if (gap === word) return;
      add(gap - 4);
      const gap2 = runStartBefore(t, gap - 9, isSpaceOrTab);
      if (gap2 < gap - 9) add(gap2 - 4);
    },
  ],
  [PS_PLAINTEXT, (_t, h, add) => add(h - 21)],
  // The function's name holds the word and starts at a word boundary: it is the whole run of word characters.
  [CREDENTIAL_PAIR, (t, h, add) => add(runStartBefore(t, h + 1, isWordChar))],
  [CURL_USER, (_t, h, add) => add(h - 3)],
  [CLI_FLAG, (_t, h, add) => add(h - 1)],
  // A quote, then `Bearer` (6 letters), `Token` or `Basic` (5).
  [AUTH_HEADER, (_t, h, add) => (add(h - 6), add(h - 5))],
]);

const URL_CREDENTIALS_AT = new RegExp(URL_CREDENTIALS.source, 'iy');

/**
 * URL_CREDENTIALS tried only where a scheme ends at a `://` (`hits`: the offsets of the last `/` of each): the
 * scheme is the whole run of `[\w+.-]` before it, as the pattern's lookbehind allows no other start.
 */
function* urlsAt(text: string, hits: readonly number[]): Generator<RegExpExecArray> {
  for (const h of hits) {
    const r = runStartBefore(text, h - 2, isSchemeChar, 38);
    if (r >= h - 2) continue;
    URL_CREDENTIALS_AT.lastIndex = r;
    const m = URL_CREDENTIALS_AT.exec(text);
    if (m) yield m;
  }
}

/** Offset of the named group's text within the match (its last occurrence, as it ends the group's context). */
function at(m: RegExpExecArray, group: string, after = 0): number {
  return m.index + m[0].indexOf(m.groups![group], after);
}

function weakDevPassword(user: string, pass: string, host: string): boolean {
  // `postgres:postgres@localhost`, `guest:guest@…`: a local default, not a leak.
  return pass === user || (HOST_LOCAL.test(host) && pass.length < 12);
}

/**
 * Credentials inside URLs, connection strings and command lines. Messages mask the password. `hits`: where the
 * words of each CREDENTIAL_WORDS group occur, if already found (the keyword pass): each pattern is then tried only where
 * a match can start (see MATCH_STARTS); without them, it scans every line holding a word of its group.
 */
export function findCredentialStrings(text: string, hits?: CredentialHits): SecretHit[] {
  const out: SecretHit[] = [];
  const matches = (re: RegExp, group: CredentialGroup, gate?: (line: string) => boolean): Iterable<RegExpExecArray> =>
    hits ? matchesAtStarts(re, text, hits[group], MATCH_STARTS.get(re)!) : matchesOnLines(re, text, hintedLines(text, hintRegex(CREDENTIAL_WORDS[group])), gate);
  const urlHits = hits?.url;
  const scans = urlHits ? new LineScans(text) : undefined;
  for (const m of urlHits ? urlsAt(text, urlHits) : matches(URL_CREDENTIALS, 'url')) {
    const { scheme, user, pass, host } = m.groups!;
    if (!looksLikeSecretValue(pass, 'password') || weakDevPassword(user, pass, host)) continue;
    if (scans && !scans.finds(URL_CREDENTIALS, m.index)) continue;
    const start = at(m, 'pass', m[0].indexOf('://') + 3 + user.length);
    out.push({
      start,
      end: start + pass.length,
      id: 'url-credentials',
      message: `Password in a ${scheme.toLowerCase()} URL is hardcoded: ${scheme}://${user}:${mask(pass)}@${host}. Read the URL from the environment instead.`,
    });
  }
  for (const m of matches(CONN_PASSWORD, 'password')) {
    const pass = m.groups!.pass.trim();
    if (pass.length === 0) continue;
    // The connection string around it (bounded, so a huge line costs no more than a short one).
    const from = Math.max(0, m.index - 300);
    const before = text.slice(from, m.index);
    const around = before.slice(before.lastIndexOf('\n') + 1) + text.slice(m.index, m.index + 300).split('\n')[0];
    if (!CONN_CONTEXT.test(around) || !around.includes(';')) continue;
    if (!looksLikeSecretValue(pass, 'password')) continue;
    const start = at(m, 'pass');
    out.push({ start, end: start + pass.length, id: 'connection-string', message: `Password in a connection string is hardcoded: Password=${mask(pass)}. Read the connection string from the environment instead.` });
  }
  for (const m of matches(QUERY_PASSWORD, 'password')) {
    const pass = m.groups!.pass;
    if (!looksLikeSecretValue(pass, 'password')) continue;
    const start = at(m, 'pass');
    out.push({ start, end: start + pass.length, id: 'connection-string', message: `Password in a connection URL is hardcoded: password=${mask(pass)}. Read it from the environment instead.` });
  }
  for (const m of matches(PS_PLAINTEXT, 'powershell')) {
    const pass = m.groups!.pass;
    if (!looksLikeSecretValue(pass, 'password')) continue;
    const start = at(m, 'pass');
    out.push({ start, end: start + pass.length, id: 'powershell-plaintext', message: `Password converted from plain text is hardcoded: ${mask(pass)}. Read it from a secret store or the environment instead.` });
  }
  for (const m of matches(SQL_PASSWORD, 'password')) {
    const pass = m.groups!.pass;
    if (!looksLikeSecretValue(pass, 'password')) continue;
    const start = at(m, 'pass');
    out.push({ start, end: start + pass.length, id: 'sql-password', message: `Database user password in SQL is hardcoded: ${mask(pass)}. Set it from a secret at deploy time instead.` });
  }
  for (const m of matches(CREDENTIAL_PAIR, 'pair', (line) => QUOTE_COMMA_QUOTE.test(line))) {
    const { user, pass } = m.groups!;
    if (!looksLikeSecretValue(pass, 'password') || pass === user) continue;
    const start = m.index + m[0].length - 1 - pass.length;
    out.push({ start, end: start + pass.length, id: 'credential-pair', message: `Password passed with user "${user}" is hardcoded: ${mask(pass)}. Read it from the environment instead.` });
  }
  for (const m of matches(CURL_USER, 'curl')) {
    const { user, pass } = m.groups!;
    if (!looksLikeSecretValue(pass, 'password') || pass === user) continue;
    const start = at(m, 'pass', m[0].lastIndexOf(`${user}:`) + user.length);
    out.push({ start, end: start + pass.length, id: 'basic-auth', message: `Basic-auth password on a command line is hardcoded: ${user}:${mask(pass)}. Pass it from the environment instead.` });
  }
  for (const m of matches(CLI_FLAG, 'flag')) {
    const { flag, value } = m.groups!;
    const kind = secretNameKind(flag) ?? 'secret';
    if (!looksLikeSecretValue(value, kind)) continue;
    const start = at(m, 'value', flag.length + 2);
    out.push({ start, end: start + value.length, id: 'cli-flag', message: `Secret passed as --${flag} is hardcoded: ${mask(value)}. Pass it from the environment instead.` });
  }
  for (const m of matches(AUTH_HEADER, 'header')) {
    const { scheme, value } = m.groups!;
    if (!looksLikeSecretValue(value, 'secret')) continue;
    const start = at(m, 'value', scheme.length);
    out.push({ start, end: start + value.length, id: 'authorization-header', message: `${scheme} credential in an Authorization value is hardcoded: ${mask(value)}. Read it from the environment instead.` });
  }
  return out;
}
