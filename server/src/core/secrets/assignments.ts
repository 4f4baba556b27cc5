import { parseDotenv } from '../env/example';
import { pushAll } from '../arrays';
import { asciiClass, codeAt, isWordChar } from '../text';
import type { LanguageId } from '../types';
import { execAt, LineScans, runStarts } from './line-scan';
import { MIN_SECRET_LENGTH } from './values';

/** A value assigned to a name, with the offsets of the value in the file. */
export interface Assignment {
  /** The name as written (the last key for nested config). */
  name: string;
  /** The full name for context (`billing.twilio.auth-token` in YAML); same as `name` elsewhere. */
  path: string;
  value: string;
  start: number;
  end: number;
}

/**
 * `name = "v"`, `name: 'v'`, `"name": "v"`, `'name' => 'v'`, `name := "v"`, `NAME: &str = "v"`, `cfg["name"] = "v"`,
 * `name="v"` (XML attributes, kwargs). The name may be quoted; the value must be a quoted literal, so values read
 * from the environment (`os.environ["X"]`, `process.env.X`) never match.
 */
const QUOTED = /(?<![\w$.@-])(?<nq>["'`]?)(?<name>[$@]{0,2}[A-Za-z_][\w.$-]{0,80})\k<nq>[ \t]*\]?[ \t]*(?::[ \t]*[&A-Za-z_][\w&<>[\]', ]{0,30}?[ \t]*)?(?:\?\?=|\|\|=|:=|=>|===?|=|:)[ \t]*[@rbuf]{0,2}(?<q>["'`])(?<value>[^"'`\r\n]{1,1000})\k<q>/g;

/** Groovy/Gradle and Ruby DSL calls without parentheses: `storePassword "v"` alone on its line. */
const DSL_CALL = /^[ \t]*(?<name>[A-Za-z_]\w{0,80})[ \t]+(?<q>["'])(?<value>[^"'\r\n]{1,500})\k<q>[ \t]*;?[ \t]*(?:(?:\/\/|#)[^\r\n]*)?$/gm;

/** `define('DB_PASSWORD', 'v')`, `os.Setenv("API_KEY", "v")`, `props.setProperty("db.password", "v")`. */
const KEY_VALUE_ARGS = /(?<q1>["'])(?<name>[A-Za-z_][\w.:-]{0,80})\k<q1>[ \t]*,[ \t]*(?<q2>["'])(?<value>[^"'\r\n]{1,500})\k<q2>/g;

/** Android `buildConfigField("String", "API_KEY", "\"v\"")` and `resValue("string", "api_key", "v")`. */
const BUILD_CONFIG_FIELD = /\b(?:buildConfigField|resValue)[ \t]*\(?[ \t]*["'][\w.]{1,40}["'][ \t]*,[ \t]*["'](?<name>[A-Za-z_][\w.]{0,80})["'][ \t]*,[ \t]*"(?:\\")?(?<value>[^"\\\r\n]{1,500})(?:\\")?"/g;
/** A literal fallback after a lookup: `apiKey = config('x') ?? 'v'`, `token = process.env.T || "v"`. */
const FALLBACK = /(?<![\w$.@-])(?<name>[$@]{0,2}[A-Za-z_][\w.$>-]{0,80})[ \t]*(?:=|:)(?![=>])[^;\r\n]{1,200}?(?:\?\?|\|\||\bor\b)[ \t]*(?<q>["'`])(?<value>[^"'`\r\n]{1,500})\k<q>/g;

/** `<password>v</password>` and `<add key="Smtp:Password" value="v" />`. */
const XML_ELEMENT = /<(?<name>[A-Za-z_][\w.:-]{0,60})>(?<value>[^<>\r\n]{1,500})<\/\k<name>>/g;
const XML_KEY_VALUE = /\b(?:key|name)\s*=\s*"(?<name>[^"\r\n]{1,80})"\s+value\s*=\s*"(?<value>[^"\r\n]{1,500})"/g;

/** `KEY=value` pairs on shell and Dockerfile lines (several per line: `ENV A=1 B=2`). */
const SHELL_PAIR = /(?<![\w$.-])(?<name>[A-Za-z_]\w{0,100})=(?<value>"[^"\r\n]{0,500}"|'[^'\r\n]{0,500}'|[^\s"'`;&|)\\]{1,500})/g;
/** Legacy `ENV KEY value` in Dockerfiles. */
const DOCKER_ENV_SPACE = /^[ \t]*ENV[ \t]+(?<name>[A-Za-z_]\w{0,100})[ \t]+(?<value>[^\s=][^\r\n]{0,500})$/gim;
/** `key = value` / `key: value` / `key value` lines in .properties, INI, TOML. */
const PROPERTIES_LINE = /^[ \t]*(?<name>[A-Za-z_][\w.\-[\]]{0,120})[ \t]*[=:][ \t]*(?<value>[^\r\n]{1,1000})$/gm;

function add(out: Assignment[], name: string, path: string, raw: string, rawStart: number): Assignment | undefined {
  let value = raw;
  let start = rawStart;
  const trimmedEnd = value.replace(/\s+$/, '');
  value = trimmedEnd;
  const lead = value.length - value.replace(/^\s+/, '').length;
  value = value.slice(lead);
  start += lead;
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
    value = value.slice(1, -1);
    start += 1;
  }
  if (value.length === 0) return undefined;
  const a = { name, path, value, start, end: start + value.length };
  out.push(a);
  return a;
}

/** Strips a trailing ` # comment` / ` ; comment` from an unquoted config value. */
function stripComment(value: string, markers: string): string {
  if (/^["']/.test(value.trim())) return value;
  for (let i = 1; i < value.length; i++) {
    if (markers.includes(value[i]) && /\s/.test(value[i - 1])) return value.slice(0, i);
  }
  return value;
}

/**
 * The key of the object enclosing `offset` (`"Jwt": { "Key": "…" }` → `Jwt`), found by walking back over at most
 * 1500 characters to the unmatched `{`. Strings are not tracked: good enough for config objects.
 */
const SPACE = /\s/;
const KEY_CHAR = /[\w.-]/;
const KEY_START = /[A-Za-z_]/;

/**
 * The key assigned just before offset `end`, within the 80 characters before it: what
 * `/["']?([A-Za-z_][\w.-]{0,60})["']?\s*[:=]\s*$/` captures in them, found by walking back from the end instead of
 * trying the pattern at every position.
 */
export function keyBefore(text: string, end: number): string | undefined {
  const from = Math.max(0, end - 80);
  let j = end - 1;
  while (j >= from && SPACE.test(text[j])) j--;
  if (j < from || (text[j] !== ':' && text[j] !== '=')) return undefined;
  let e = j;
  while (e > from && SPACE.test(text[e - 1])) e--;
  if (e > from && (text[e - 1] === '"' || text[e - 1] === "'")) e--;
  // The leftmost start of a run of at most 61 key characters ending at `e` that begins with a letter or `_`.
  let start = -1;
  for (let k = e - 1; k >= from && k >= e - 61 && KEY_CHAR.test(text[k]); k--) if (KEY_START.test(text[k])) start = k;
  return start < 0 ? undefined : text.slice(start, e);
}

function enclosingKey(text: string, offset: number): string | undefined {
  let depth = 0;
  for (let i = offset - 1, n = 0; i >= 0 && n < 1500; i--, n++) {
    const c = text[i];
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) {
        return keyBefore(text, i);
      }
      depth--;
    }
  }
  return undefined;
}

/** Names too bare to say what they hold without their parent: `"Jwt": { "Key": … }`. */
const BARE_NAME = /^(?:key|value)$/i;

function quoted(text: string, out: Assignment[], braces: boolean, hits: readonly number[] | undefined, anchored?: Anchored): void {
  const onMatch = (m: RegExpExecArray) => {
    const g = m.groups!;
    const valueStart = m.index + m[0].length - 1 - g.value.length;
    // With `hits` (only what can be reported is wanted), a value too short to be a secret needs no parent name.
    const wanted = !hits || g.value.trim().length >= MIN_SECRET_LENGTH;
    const parent = braces && wanted && BARE_NAME.test(g.name) ? enclosingKey(text, m.index) : undefined;
    const name = parent ? `${parent}.${g.name}` : g.name;
    const a = { name, path: name, value: g.value, start: valueStart, end: valueStart + g.value.length };
    out.push(a);
    anchored?.set(a, { re: QUOTED, at: m.index });
  };
  if (!hits) return each(QUOTED, text, onMatch);
  // The name holds the hint, so the match starts where the run of name characters around the hint starts (the
  // pattern's lookbehind allows no other start), or at a quote just before it.
  let last = -1;
  const runStart = runStarts(text, NAME_CHARS);
  for (const h of hits) {
    const r = runStart(h);
    if (r === last) continue;
    last = r;
    if (!quotedValueMayFollow(text, h)) continue;
    const m = (isQuote(codeAt(text, r - 1)) && execAt(QUOTED_AT, text, r - 1)) || execAt(QUOTED_AT, text, r);
    if (m) onMatch(m);
  }
}

/** The sticky twins of the patterns, to try a match at one offset. */
const QUOTED_AT = new RegExp(QUOTED.source, 'y');
const FALLBACK_AT = new RegExp(FALLBACK.source, 'y');
const KEY_VALUE_ARGS_AT = new RegExp(KEY_VALUE_ARGS.source, 'y');
const DSL_CALL_AT = new RegExp(DSL_CALL.source, 'my');

/** `[\w$.@-]`: the characters of a name run (what QUOTED's and FALLBACK's lookbehinds exclude before a name). */
export function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 46 || c === 64 || c === 45;
}

/** `[\w.:-]`: the characters of a quoted key in KEY_VALUE_ARGS. */
function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 58 || c === 45;
}

/**
 * Where the assignment operator after the name holding the hint that ends at `h` starts, or -1: QUOTED and
 * FALLBACK both need one (`=`, `:`, `??=`, `||=`, `:=`, `=>`, or the `:` of a type) right after the name, its
 * closing quote or a `]`, and white space. Their names end where the run of name characters around the hint ends
 * (no character that may follow a name is a name character), so most hits (`keys.map(`, `.value)`) are ruled out
 * here, without a regex.
 */
function operatorAt(text: string, h: number): number {
  let e = h + 1;
  while (isNameChar(codeAt(text, e)) || codeAt(text, e) === 62) e++;
  let c = codeAt(text, e);
  if (isQuote(c)) c = codeAt(text, ++e);
  while (c === 32 || c === 9) c = codeAt(text, ++e);
  if (c === 93) {
    c = codeAt(text, ++e);
    while (c === 32 || c === 9) c = codeAt(text, ++e);
  }
  return c === 61 || c === 58 || c === 63 || c === 124 ? e : -1;
}

function operatorAfterName(text: string, h: number): boolean {
  return operatorAt(text, h) >= 0;
}

/**
 * Whether QUOTED can match with the name holding the hint that ends at `h`: a quoted value must follow its
 * operator, or the operator after a type annotation (`: Record<string, string> =`). Each part of the pattern
 * after the name uses characters the next part cannot start with, so reading greedily decides it.
 */
function quotedValueMayFollow(text: string, h: number): boolean {
  const e = operatorAt(text, h);
  if (e < 0) return false;
  if (quoteAfterOperator(text, e)) return true;
  if (codeAt(text, e) !== 58) return false;
  // `:[ \t]*[&A-Za-z_][\w&<>[\]', ]{0,30}?[ \t]*`, then the operator.
  let p = e + 1;
  while (codeAt(text, p) === 32 || codeAt(text, p) === 9) p++;
  const c = codeAt(text, p);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 38)) return false;
  const limit = p + 31;
  for (p++; p < limit && isTypeChar(codeAt(text, p)); p++);
  while (codeAt(text, p) === 32 || codeAt(text, p) === 9) p++;
  return isOperatorChar(codeAt(text, p)) && quoteAfterOperator(text, p);
}

/** After the operator starting at `p`: white space, at most two of `[@rbuf]` (string prefixes), then a quote. */
function quoteAfterOperator(text: string, p: number): boolean {
  while (isOperatorChar(codeAt(text, p))) p++;
  while (codeAt(text, p) === 32 || codeAt(text, p) === 9) p++;
  for (let k = 0; k < 2 && isStringPrefix(codeAt(text, p)); k++) p++;
  return isQuote(codeAt(text, p));
}

/** `[=>?|:]`: the characters of QUOTED's operators. */
function isOperatorChar(c: number): boolean {
  return c === 61 || c === 62 || c === 63 || c === 124 || c === 58;
}

/** `[\w&<>[\]', ]`: the characters of a type annotation in QUOTED. */
function isTypeChar(c: number): boolean {
  return isWordChar(c) || c === 38 || c === 60 || c === 62 || c === 91 || c === 93 || c === 39 || c === 44 || c === 32;
}

/** `[@rbuf]`: what may stand before a string's opening quote (`r"…"`, `b'…'`, `@"…"`). */
function isStringPrefix(c: number): boolean {
  return c === 64 || c === 114 || c === 98 || c === 117 || c === 102;
}

/**
 * Whether the run of key characters holding the hint that ends at `h` is followed by a quote, as KEY_VALUE_ARGS
 * needs (`"db.password", "…"`): its key ends where that run ends.
 */
function quoteAfterKey(text: string, h: number): boolean {
  let e = h + 1;
  while (isKeyChar(codeAt(text, e))) e++;
  const c = codeAt(text, e);
  return c === 34 || c === 39;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

/** The offsets of the last character of every NAME_HINT word in `text`. */
function hintOffsets(text: string): number[] {
  const out: number[] = [];
  NAME_HINT.lastIndex = 0;
  for (let m = NAME_HINT.exec(text); m; m = NAME_HINT.exec(text)) out.push(m.index + m[0].length - 1);
  return out;
}

/**
 * The matches of the hinted forms other than QUOTED whose name holds a hint, found by trying each form only where
 * such a name can start (see `quoted`).
 */
function hintedForms(text: string, out: Assignment[], hits: readonly number[], anchored: Anchored, buildCallsMayOccur = true): void {
  // Collected per form, then appended in the order the whole-text scan uses (callers keep the first of equal hits).
  const args: Assignment[] = [];
  const fallbacks: Assignment[] = [];
  const calls: Assignment[] = [];
  let lastFallback = -1;
  let lastArgs = -1;
  let lineEnd = -1;
  const nameStart = runStarts(text, NAME_CHARS);
  const keyStart = runStarts(text, KEY_CHARS);
  const wordStart = runStarts(text, WORD_CHARS);
  const memberStart = runStarts(text, MEMBER_CHARS);
  // Each form is tried once per run of name (or key) characters holding hits; the checks after the hint come
  // first, as they rule most runs out and give the same answer for every hit of a run.
  for (const h of hits) {
    const r = operatorAfterName(text, h) ? nameStart(h) : -1;
    if (r >= 0 && r !== lastFallback) {
      lastFallback = r;
      // The name may reach back over `->` (`$this->apiKey`): the scan of the line starts the match there.
      const pr = memberStart(h);
      const m = (pr < r && execAt(FALLBACK_AT, text, pr)) || execAt(FALLBACK_AT, text, r);
      const a = m ? addFallback(fallbacks, m) : undefined;
      if (a) anchored.set(a, { re: FALLBACK, at: m!.index });
    }
    const k = quoteAfterKey(text, h) ? keyStart(h) : -1;
    if (k >= 0 && k !== lastArgs) {
      lastArgs = k;
      const q = codeAt(text, k - 1);
      const m = q === 34 || q === 39 ? execAt(KEY_VALUE_ARGS_AT, text, k - 1) : null;
      const a = m ? add(args, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)) : undefined;
      if (a) anchored.set(a, { re: KEY_VALUE_ARGS, at: m!.index });
    }
    // A DSL call's name is the first word on its line (tried once per line: `lineEnd` bounds the current one).
    if (h >= lineEnd) {
      const ls = text.lastIndexOf('\n', h) + 1;
      lineEnd = text.indexOf('\n', h);
      if (lineEnd < 0) lineEnd = text.length;
      let p = ls;
      while (codeAt(text, p) === 32 || codeAt(text, p) === 9) p++;
      if (wordStart(h) === p) {
        const m = execAt(DSL_CALL_AT, text, ls);
        if (m) add(calls, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m));
      }
    }
  }
  pushAll(out, args);
  if (buildCallsMayOccur) buildCalls(text, out, true);
  pushAll(out, fallbacks);
  pushAll(out, calls);
}

/** Android build calls (rare: with `hinted`, the pattern runs only when one occurs in the text). */
function buildCalls(text: string, out: Assignment[], hinted: boolean): void {
  if (hinted && !text.includes('buildConfigField') && !text.includes('resValue')) return;
  each(BUILD_CONFIG_FIELD, text, (m) => add(out, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)));
}

/** SHELL_PAIR where a name holding a hint starts (the run of `[\w$.-]` around it: the lookbehind allows no other). */
function shellPairs(text: string, out: Assignment[], hits: readonly number[], anchored: Anchored): void {
  const start = runStarts(text, SHELL_RUN_CHARS);
  let last = -1;
  for (const h of hits) {
    const r = start(h);
    if (r === last) continue;
    last = r;
    const m = execAt(SHELL_PAIR_AT, text, r);
    const a = m ? add(out, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)) : undefined;
    if (a) anchored.set(a, { re: SHELL_PAIR, at: m!.index });
  }
}

const SHELL_PAIR_AT = new RegExp(SHELL_PAIR.source, 'y');

function isShellRunChar(c: number): boolean {
  return isWordChar(c) || c === 36 || c === 46 || c === 45;
}

/** The tables of the run classes above, for runStarts. */
const NAME_CHARS = asciiClass(isNameChar);
const KEY_CHARS = asciiClass(isKeyChar);
const WORD_CHARS = asciiClass(isWordChar);
/** A name reaching back over `->` (`$this->apiKey`): name characters and `>`. */
const MEMBER_CHARS = asciiClass((c) => c === 62 || isNameChar(c));
const SHELL_RUN_CHARS = asciiClass(isShellRunChar);

function addFallback(out: Assignment[], m: RegExpExecArray): Assignment | undefined {
  const name = m.groups!.name.replace(/^.*(?:->|\.)/, '');
  return add(out, name, name, m.groups!.value, m.index + m[0].length - 1 - m.groups!.value.length);
}

/**
 * Matches found by trying a pattern at one offset, with that pattern and offset: a scan of the whole line finds
 * matches left to right, each starting after the last one ended, so a match found at an offset stands only if the
 * scan of its line finds it too (`"Token", "Token", "MaxKeys"` pairs the first two strings, never the last two).
 */
type Anchored = Map<Assignment, { re: RegExp; at: number }>;

/** Keeps the anchored assignments that a scan of their line finds too (each line scanned once per pattern). */
function confirmAnchored(text: string, list: Assignment[], anchored: Anchored): Assignment[] {
  const scans = new LineScans(text);
  return list.filter((a) => {
    const origin = anchored.get(a);
    return !origin || scans.finds(origin.re, origin.at);
  });
}

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    fn(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}

/**
 * Substrings, case-insensitive, of which a name must contain one for the name-based or the context check to
 * report it (`secretNameKind` and the `CONTEXT_PATTERNS` names), plus `value` for a bare `"value"` key whose parent
 * key (found in the text before it) names the secret. A line without any of them yields no finding.
 */
export const NAME_HINT = /pass|pw|psk|secret|token|credential|key|auth|license|lob|pat|launch|value/gi;

function valueOffset(m: RegExpExecArray): number {
  return m.index + m[0].lastIndexOf(m.groups!.value);
}

function dotenvPairs(text: string, out: Assignment[]): void {
  let parsed: Record<string, string>;
  try {
    parsed = parseDotenv(text);
  } catch {
    return;
  }
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*=[ \t]*/.exec(line);
    if (m && Object.prototype.hasOwnProperty.call(parsed, m[1])) {
      const value = parsed[m[1]];
      const at = value.length > 0 ? line.indexOf(value, m[0].length) : -1;
      if (at >= 0) out.push({ name: m[1], path: m[1], value, start: offset + at, end: offset + at + value.length });
    }
    offset += line.length + 1;
  }
}

export interface AssignmentOptions {
  /**
   * Only the assignments whose name holds a NAME_HINT word, for the forms in code; what is skipped could never be
   * reported by the secret checks. Config-specific forms (XML, shell, properties) still scan all of the text.
   */
  hintedOnly?: boolean;
  /** With `hintedOnly`: the offsets of the last character of every NAME_HINT word, if already found. */
  hits?: readonly number[];
  /**
   * With `hintedOnly`: the assignments the caller wants (the others are dropped early, which spares confirming
   * them against a scan of their line).
   */
  keep?: (a: Assignment) => boolean;
  /** With `hintedOnly`: false when the text is known to hold no Android build call (no need to search it). */
  buildCalls?: boolean;
}

/**
 * Every name/value assignment in the file that the language's syntax allows (YAML is handled by yamlPairs).
 * The same value may be found twice by different forms; callers drop duplicates by offset.
 */
export function assignments(text: string, language: LanguageId, options: AssignmentOptions = {}): Assignment[] {
  const out: Assignment[] = [];
  if (language === 'dotenv') {
    dotenvPairs(text, out);
    return out;
  }
  const hits = options.hintedOnly ? options.hits ?? hintOffsets(text) : undefined;
  const anchored: Anchored = new Map();
  quoted(text, out, language !== 'yaml' && language !== 'properties' && language !== 'ini', hits, hits ? anchored : undefined);
  if (hits) {
    hintedForms(text, out, hits, anchored, options.buildCalls);
  } else {
    each(KEY_VALUE_ARGS, text, (m) => add(out, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)));
    buildCalls(text, out, false);
    each(FALLBACK, text, (m) => addFallback(out, m));
    each(DSL_CALL, text, (m) => add(out, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)));
  }
  switch (language) {
    case 'xml':
      each(XML_ELEMENT, text, (m) => add(out, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)));
      each(XML_KEY_VALUE, text, (m) => add(out, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)));
      break;
    case 'shell':
    case 'dockerfile':
    case 'procfile':
    case 'plaintext':
    case 'yaml':
      if (hits) shellPairs(text, out, hits, anchored);
      else each(SHELL_PAIR, text, (m) => add(out, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)));
      if (language === 'dockerfile') each(DOCKER_ENV_SPACE, text, (m) => add(out, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)));
      break;
    case 'properties':
    case 'ini':
    case 'toml':
      each(PROPERTIES_LINE, text, (m) => {
        const raw = stripComment(m.groups!.value, language === 'ini' ? ';#' : '#');
        add(out, m.groups!.name, m.groups!.name, raw, valueOffset(m));
      });
      break;
    default:
      break;
  }
  if (!hits) return out;
  return confirmAnchored(text, options.keep ? out.filter(options.keep) : out, anchored);
}
