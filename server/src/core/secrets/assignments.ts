import { parseDotenv } from '../env/example';
import type { LanguageId } from '../types';
import { hintedLines, matchesOnLines } from './line-scan';
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

function add(out: Assignment[], name: string, path: string, raw: string, rawStart: number): void {
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
  if (value.length === 0) return;
  out.push({ name, path, value, start, end: start + value.length });
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

function quoted(text: string, out: Assignment[], braces: boolean, lines: readonly number[] | undefined): void {
  eachIn(QUOTED, text, lines, (m) => {
    const g = m.groups!;
    const valueStart = m.index + m[0].length - 1 - g.value.length;
    // With `lines` (only what can be reported is wanted), a value too short to be a secret needs no parent name.
    const wanted = !lines || g.value.trim().length >= MIN_SECRET_LENGTH;
    const parent = braces && wanted && BARE_NAME.test(g.name) ? enclosingKey(text, m.index) : undefined;
    const name = parent ? `${parent}.${g.name}` : g.name;
    out.push({ name, path: name, value: g.value, start: valueStart, end: valueStart + g.value.length });
  }, hasQuote);
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

/** Like `each`, but only over the given lines (see matchesOnLines); all of the text when `lines` is undefined. */
function eachIn(
  re: RegExp,
  text: string,
  lines: readonly number[] | undefined,
  fn: (m: RegExpExecArray) => void,
  gate?: (line: string) => boolean,
): void {
  if (!lines) each(re, text, fn);
  else for (const m of matchesOnLines(re, text, lines, gate)) fn(m);
}

/** Cheap necessary conditions for the line-scanned forms (each needs these characters on its line). */
const hasQuote = (line: string): boolean => line.includes('"') || line.includes("'") || line.includes('`');
const hasComma = (line: string): boolean => line.includes(',');
const hasBuildCall = (line: string): boolean => line.includes('buildConfigField') || line.includes('resValue');
const hasFallback = (line: string): boolean => line.includes('??') || line.includes('||') || line.includes('or');

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
   * Skip lines that contain no name hint (see NAME_HINT) for the forms in code; what is skipped could never be
   * reported by the secret checks. Config-specific forms (XML, shell, properties) still scan all of the text.
   */
  hintedOnly?: boolean;
  /** With `hintedOnly`: the lines to scan, if already found (any superset of the lines NAME_HINT picks). */
  lines?: readonly number[];
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
  const lines = options.hintedOnly ? options.lines ?? hintedLines(text, NAME_HINT) : undefined;
  quoted(text, out, language !== 'yaml' && language !== 'properties' && language !== 'ini', lines);
  eachIn(KEY_VALUE_ARGS, text, lines, (m) => add(out, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)), hasComma);
  eachIn(BUILD_CONFIG_FIELD, text, lines, (m) => add(out, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)), hasBuildCall);
  eachIn(FALLBACK, text, lines, (m) => {
    const name = m.groups!.name.replace(/^.*(?:->|\.)/, '');
    add(out, name, name, m.groups!.value, m.index + m[0].length - 1 - m.groups!.value.length);
  }, hasFallback);
  eachIn(DSL_CALL, text, lines, (m) => add(out, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)), hasQuote);
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
      each(SHELL_PAIR, text, (m) => add(out, m.groups!.name, m.groups!.name, m.groups!.value, valueOffset(m)));
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
  return out;
}
