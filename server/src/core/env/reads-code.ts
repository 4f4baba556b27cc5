import { codeAt, isIdentChar, isWordChar } from '../text';
import { collect, NAME, UPPER_NAME, type EnvRead } from './match';

/*
 * Reads of environment variables in programming languages. Every pattern names the variable with a string
 * literal (or an identifier, for `process.env.X`); dynamic keys (`process.env[name]`) are not reads of a known
 * variable and are left alone. Assignments and deletions are not reads.
 */

/** Not followed by an assignment (`=` that is not `==`/`=>`). */
const NOT_ASSIGNED = '(?!\\s{0,8}=(?![=>~]))';
const Q = `(["'\`])`;

/** Vite's own `import.meta.env` members, which are not environment variables of the app. */
const VITE_BUILT_INS = new Set(['DEV', 'PROD', 'MODE', 'BASE_URL', 'SSR']);

/** The env objects of JavaScript runtimes, as written before `.env`. */
const JS_ENV_OBJECTS = ['process', 'Bun', 'import.meta'] as const;
const JS_NOT_DELETED = '(?<!\\bdelete\\s{1,8})';
/**
 * Per env object, `obj["X"]` / `obj?.["X"]` (not assigned); the name is group 2 (a numbered group: named groups
 * cost an object per match). The member form `obj.X` / `obj?.X` is matched by hand (memberReadAt).
 */
const JS_INDEX_READ_AT = JS_ENV_OBJECTS.map((obj) => {
  const o = `${obj.replace('.', '\\.')}\\.env`;
  return new RegExp(`${JS_NOT_DELETED}\\b${o}(?:\\?\\.)?\\[\\s{0,40}${Q}(${NAME})\\1\\s{0,200}\\]${NOT_ASSIGNED}`, 'y');
});
const DENO_READ_AT = new RegExp(`\\bDeno\\.env\\.get\\(\\s{0,40}${Q}(${NAME})\\1`, 'y');

/**
 * Tries `re` (sticky; the name in group `group`) at `at`, as a scan of the whole text would: not where the previous
 * match of the same pattern (`ends[slot]`) has not ended yet, since the scan resumes after each match.
 */
function pushAt(re: RegExp, group: number, text: string, at: number, out: EnvRead[], ends: number[], slot: number, keep?: (name: string) => boolean): void {
  if (at < ends[slot]) return;
  re.lastIndex = at;
  const m = re.exec(text);
  if (!m) return;
  ends[slot] = m.index + m[0].length;
  const name = m[group];
  if (!name || (keep && !keep(name))) return;
  const start = m.index + m[0].lastIndexOf(name);
  out.push({ name, start, end: start + name.length });
}

/**
 * The member read `obj.env.X` / `obj.env?.X` (not deleted, called or assigned) at `at` (where `obj` starts; `dot`
 * is just after its `.env`), matched by hand as the sticky pattern
 * `(?<!\bdelete\s{1,8})\bobj\.env(?:\?\.|\.)(NAME)(?![\w$])(?!\s{0,8}\()(?!\s{0,8}=(?![=>~]))` would: this runs at
 * every `process.env` of a file, where a regex costs more than the match itself.
 */
function memberReadAt(text: string, at: number, dot: number, out: EnvRead[], ends: number[], slot: number, keep?: (name: string) => boolean): void {
  if (at < ends[slot]) return;
  // (?<!\bdelete\s{1,8})\b before the object.
  if (at > 0 && isWordChar(text.charCodeAt(at - 1))) return;
  let w = 0;
  while (w < 9 && at - w > 0 && isJsSpace(text.charCodeAt(at - w - 1))) w++;
  const del = at - w - 6;
  if (w >= 1 && w <= 8 && del >= 0 && text.startsWith('delete', del) && (del === 0 || !isWordChar(text.charCodeAt(del - 1)))) return;
  // (?:\?\.|\.)
  let p = dot;
  if (text.charCodeAt(p) === 63 && text.charCodeAt(p + 1) === 46) p += 2;
  else if (text.charCodeAt(p) === 46) p += 1;
  else return;
  // The name, then (?![\w$]): the whole run of name characters, at most 128 of them, and no `$` after it.
  const c0 = text.charCodeAt(p);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 95)) return;
  let q = p + 1;
  while (q < text.length && isWordChar(text.charCodeAt(q))) q++;
  if (q - p > 128 || text.charCodeAt(q) === 36) return;
  // (?!\s{0,8}\() and (?!\s{0,8}=(?![=>~])): what follows the white space (if at most 8 characters of it).
  let r = 0;
  while (r < 9 && isJsSpace(text.charCodeAt(q + r))) r++;
  if (r <= 8) {
    const next = text.charCodeAt(q + r);
    if (next === 40) return;
    if (next === 61) {
      const then = text.charCodeAt(q + r + 1);
      if (then !== 61 && then !== 62 && then !== 126) return;
    }
  }
  ends[slot] = q;
  const name = text.slice(p, q);
  if (keep && !keep(name)) return;
  out.push({ name, start: p, end: q });
}

/** `\s` in a JavaScript regex (NaN, past the end of the text, is not). */
function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `process.env.X`, `process.env["X"]`, the same on `Bun.env` and `import.meta.env` (but Vite's built-ins), and
 * `Deno.env.get("X")`. Every read holds `.env`: the patterns are tried only where it occurs, in order, each
 * resuming after its last match, so they find what a scan of the whole text with each pattern finds. A pattern
 * is not tried where the character after `.env` rules it out (`.` or `?.` for a member, `[` or `?.[` for an index).
 */
export function jsReads(text: string, out: EnvRead[]): void {
  const notVite = (n: string) => !VITE_BUILT_INS.has(n);
  const ends = [0, 0, 0, 0, 0, 0, 0];
  for (let i = text.indexOf('.env'); i >= 0; i = text.indexOf('.env', i + 4)) {
    let after = text.charCodeAt(i + 4);
    if (after === 63 && text.charCodeAt(i + 5) === 46) after = text.charCodeAt(i + 6) === 91 ? 91 : 46; // `?.` / `?.[`
    for (let k = 0; k < JS_ENV_OBJECTS.length; k++) {
      const obj = JS_ENV_OBJECTS[k];
      const at = i - obj.length;
      if (at < 0 || !text.startsWith(obj, at)) continue;
      const keep = obj === 'import.meta' ? notVite : undefined;
      if (after === 46) memberReadAt(text, at, i + 4, out, ends, 2 * k, keep);
      else if (after === 91) pushAt(JS_INDEX_READ_AT[k], 2, text, at, out, ends, 2 * k + 1, keep);
    }
    if (i >= 4 && text.startsWith('Deno', i - 4)) pushAt(DENO_READ_AT, 2, text, i - 4, out, ends, 6);
  }
  destructuredReads(text, out);
}

/**
 * Whether the JavaScript readers (jsReads, jsAliasReads, helperReads) could find a read in `text` once its comments
 * are masked: false means they cannot, so the masking (most of their cost) is skipped. Masking only turns comment
 * characters into spaces, so every piece of a read that holds no white space stands at the same offset in the
 * unmasked text; each reader needs one of these:
 * - `.env` (`process.env`, `Bun.env`, `import.meta.env`, `Deno.env`: member and index reads, destructuring, and
 *   `const e = process.env` aliases);
 * - `process` right after a quote or `:` (`import { env } from 'node:process'`), or with an `=` among the 9
 *   characters before it (`{ env } = process`: at most 8 white space characters between them);
 * - `env` (any case), identifier characters, then `(` (helper calls such as `getEnv("X")`).
 * Most files that mention `env` (`environment`, `envelope`) hold none of these. `occurs`, when given, says whether
 * each of JS_READ_WORDS occurs (ASCII case-insensitive, as the engine's keyword pass found): where one does not,
 * the text is not searched for it.
 */
export function mayReadEnvInJs(text: string, occurs?: (word: string) => boolean): boolean {
  if ((occurs === undefined || occurs('.env')) && text.indexOf('.env') >= 0) return true;
  if (occurs === undefined || occurs('process')) {
    for (let i = text.indexOf('process'); i >= 0; i = text.indexOf('process', i + 7)) {
      const before = codeAt(text, i - 1);
      if (before === 34 || before === 39 || before === 58) return true;
      for (let p = i - 1; p >= 0 && p >= i - 9; p--) if (text.charCodeAt(p) === 61) return true;
    }
  }
  ENV_CALL.lastIndex = 0;
  return ENV_CALL.test(text);
}
/** The words mayReadEnvInJs may ask `occurs` about. */
export const JS_READ_WORDS: readonly string[] = ['.env', 'process'];
const ENV_CALL = /env[\w$]*\(/gi;

/** `const { A, B = "d", C: alias, "D": d, ...rest } = process.env` — each destructured name is a read. */
function destructuredReads(text: string, out: EnvRead[]): void {
  if (!hasBareEnvObject(text)) return; // the pattern below ends with one
  const re = /\}\s{0,8}(?::\s{0,8}[\w.<>, ]{1,80}?\s{0,8})?=\s{0,8}(?:process\.env|Bun\.env|import\.meta\.env)(?![\w$.?[])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const close = m.index;
    const open = matchingOpenBrace(text, close);
    if (open < 0) continue;
    const vite = m[0].includes('import.meta');
    for (const entry of splitTopLevel(text, open + 1, close)) {
      const e = /^\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1\s*(?::|=|$)/.exec(text.slice(entry.start, entry.end));
      if (!e) continue;
      const start = entry.start + e[0].indexOf(e[2]);
      if (vite && VITE_BUILT_INS.has(e[2])) continue;
      out.push({ name: e[2], start, end: start + e[2].length });
    }
  }
}

function matchingOpenBrace(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0 && close - i < 4000; i--) {
    const c = text[i];
    if (c === '}') depth++;
    else if (c === '{' && --depth === 0) return i;
  }
  return -1;
}

/** Comma-separated entries between `from` and `to` at bracket depth 0. */
function splitTopLevel(text: string, from: number, to: number): { start: number; end: number }[] {
  const entries: { start: number; end: number }[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      entries.push({ start, end: i });
      start = i + 1;
    }
  }
  entries.push({ start, end: to });
  return entries;
}

export function pythonReads(text: string, out: EnvRead[]): void {
  const notDeleted = '(?<!\\bdel\\s{1,8})';
  collect(new RegExp(`${notDeleted}\\bos\\.environ\\s{0,4}\\[\\s{0,40}(["'])(?<name>${NAME})\\1\\s{0,200}\\]${NOT_ASSIGNED}`), text, out);
  collect(new RegExp(`\\bos\\.(?:environ\\.get|getenv)\\s{0,4}\\(\\s{0,40}(["'])(?<name>${NAME})\\1`), text, out);
  // `from os import environ, getenv` (also in parentheses over several lines) makes the bare names readers.
  const imports = /^[ \t]*from[ \t]+os[ \t]+import[ \t]+(\([^)]{0,500}\)|[^\n]{0,500})/gm;
  let environ = false;
  let getenv = false;
  for (let m = imports.exec(text); m; m = imports.exec(text)) {
    const names = m[1].replace(/[()]/g, ' ').split(/[\s,]+/);
    const aliased = (n: string) => names.some((x, i) => x === n && names[i + 1] === 'as');
    if (names.includes('environ') && !aliased('environ')) environ = true;
    if (names.includes('getenv') && !aliased('getenv')) getenv = true;
  }
  if (environ) {
    collect(new RegExp(`${notDeleted}(?<![\\w.])environ\\s{0,4}\\[\\s{0,40}(["'])(?<name>${NAME})\\1\\s{0,200}\\]${NOT_ASSIGNED}`), text, out);
    collect(new RegExp(`(?<![\\w.])environ\\.get\\s{0,4}\\(\\s{0,40}(["'])(?<name>${NAME})\\1`), text, out);
  }
  if (getenv) collect(new RegExp(`(?<![\\w.])getenv\\s{0,4}\\(\\s{0,40}(["'])(?<name>${NAME})\\1`), text, out);
}

export function goReads(text: string, out: EnvRead[]): void {
  collect(new RegExp(`\\bos\\.(?:Getenv|LookupEnv)\\(\\s{0,40}(["\`])(?<name>${NAME})\\1`), text, out);
}

export function jvmReads(text: string, out: EnvRead[]): void {
  collect(new RegExp(`\\bSystem\\.getenv\\(\\s{0,40}"(?<name>${NAME})"`), text, out);
  collect(new RegExp(`\\bSystem\\.getenv\\(\\s{0,8}\\)\\s{0,8}(?:\\.get(?:OrDefault)?\\(\\s{0,8}|\\[\\s{0,8})"(?<name>${NAME})"`), text, out);
  // Spring's @Value("${NAME}") / @Value("${NAME:default}") (Kotlin escapes the dollar: "\${NAME}").
  const value = /@Value\(\s{0,20}(?:value\s{0,4}=\s{0,4})?"([^"\n]{0,1000})"/g;
  for (let m = value.exec(text); m; m = value.exec(text)) {
    const bodyStart = m.index + m[0].indexOf('"') + 1;
    collect(new RegExp(`\\\\?\\$\\{(?<name>${UPPER_NAME})(?=[:}])`), m[1], out, (n) => /[A-Z]/.test(n), bodyStart);
  }
}

export function rubyReads(text: string, out: EnvRead[]): void {
  collect(new RegExp(`\\bENV\\s{0,4}\\[\\s{0,40}(["'])(?<name>${NAME})\\1\\s{0,200}\\]${NOT_ASSIGNED}`), text, out);
  collect(new RegExp(`\\bENV\\.fetch\\s{0,4}\\(?\\s{0,40}(["'])(?<name>${NAME})\\1`), text, out);
}

export function phpReads(text: string, out: EnvRead[]): void {
  collect(new RegExp(`(?<![\\w>:$])getenv\\(\\s{0,40}(["'])(?<name>${NAME})\\1`), text, out);
  collect(new RegExp(`\\$_ENV\\s{0,4}\\[\\s{0,40}(["'])(?<name>${NAME})\\1\\s{0,200}\\]${NOT_ASSIGNED}`), text, out);
  // Laravel's env('X', default) helper and Env::get('X').
  collect(new RegExp(`(?<![\\w>:$\\\\]|function\\s{1,8})env\\(\\s{0,40}(["'])(?<name>${NAME})\\1`), text, out);
  collect(new RegExp(`\\bEnv::get\\(\\s{0,40}(["'])(?<name>${NAME})\\1`), text, out);
}

export function csharpReads(text: string, out: EnvRead[]): void {
  collect(new RegExp(`\\bEnvironment\\.GetEnvironmentVariable\\(\\s{0,40}@?"(?<name>${NAME})"`), text, out);
}

/**
 * Rust's run-time reads: `std::env::var`, `env::var_os`, `dotenvy::var`. The `env!`/`option_env!` macros are not
 * counted: they read the *build* environment and bake the value into the binary (mostly Cargo's own
 * `CARGO_PKG_*`), so they are not part of the config a deploy provides.
 */
export function rustReads(text: string, out: EnvRead[]): void {
  collect(new RegExp(`\\b(?:env|dotenvy|dotenv)::var(?:_os)?\\(\\s{0,40}"(?<name>${NAME})"`), text, out);
}

/**
 * Calls of the app's own env helpers with a literal upper-case name: `getenvDefault("X", "d")`, `mustGetenv("X")`,
 * `requireEnv('X')`, `env_or("X")`, `envInt("X")`. The function's name must mention `env`, and must not be a
 * writer, a test helper or a loader (`setenv`, `delenv`, `withEnv`, `mockEnv`, `loadEnv`, …).
 */
export function helperReads(text: string, out: EnvRead[]): void {
  // Same matches as running `(?<![\w$])(?<fn>[A-Za-z_$][\w$]{0,40})\(…` over the whole text, found from the
  // other end: the function's name must contain `env`, so only identifiers around an `env` are looked at. `fn`
  // is then the whole identifier before `(` (the lookbehind pins its start), 1–41 characters, not starting with a
  // digit; the arguments are matched by the rest of the pattern, anchored at the `(`.
  const envs = /env/gi;
  const args = new RegExp(`\\(\\s{0,40}(["'\`])(?<name>${UPPER_NAME})\\1(?=\\s{0,40}[,)])`, 'y');
  while (envs.test(text)) { // `test` builds no match object: most `env`s are `process.env`, not calls
    const at = envs.lastIndex - 3;
    let s = at;
    while (s > 0 && at - s <= 41 && isIdentChar(text.charCodeAt(s - 1))) s--;
    let e = at + 3;
    while (e < text.length && isIdentChar(text.charCodeAt(e))) e++;
    envs.lastIndex = e; // the rest of this identifier is done with, whatever it holds
    if (e - s > 41 || (s > 0 && isIdentChar(text.charCodeAt(s - 1))) || text.charCodeAt(e) !== 40) continue;
    const first = text.charCodeAt(s);
    if (first >= 48 && first <= 57) continue;
    const c = text.charCodeAt(e + 1); // a quote or white space must follow the `(`
    if (c > 32 && c < 128 && c !== 34 && c !== 39 && c !== 96) continue;
    args.lastIndex = e;
    const a = args.exec(text);
    if (!a) continue;
    const name = a.groups!.name;
    const fn = text.slice(s, e).toLowerCase();
    if (!/[A-Z]/.test(name) || HELPER_NOT_A_READ.test(fn)) continue;
    const start = e + a[0].lastIndexOf(name);
    out.push({ name, start, end: start + name.length });
    envs.lastIndex = args.lastIndex;
  }
}

const HELPER_NOT_A_READ = /set|del|unset|put|with|mock|patch|stub|clear|has|load|parse|expand|file|error|exception|envelop|venv|ironment(?!variable)/;

/** Aliases of the env object: `const env = process.env`, `const { env } = process`, `import { env } from 'node:process'`. */
export function jsAliasReads(text: string, out: EnvRead[]): void {
  const aliases = new Set<string>();
  // Both patterns end with something rarer than where they start: skip them when that cannot be found.
  if (hasBareEnvObject(text)) for (const m of text.matchAll(/\b(?:const|let|var)\s{1,8}([A-Za-z_$][\w$]{0,40})\s{0,8}(?::\s{0,8}[\w.<>, ]{1,60}?\s{0,8})?=\s{0,8}(?:process\.env|Bun\.env|import\.meta\.env)(?![\w$.?[])/g)) aliases.add(m[1]);
  if (importsEnvFromProcess(text)) aliases.add('env');
  aliases.delete('process');
  for (const a of aliases) {
    const alias = a.replace(/\$/g, '\\$');
    collect(new RegExp(`(?<![\\w$.])${alias}(?:\\?\\.|\\.)(?<name>${NAME})(?![\\w$])(?!\\s{0,8}\\()${NOT_ASSIGNED}`), text, out);
    collect(new RegExp(`(?<![\\w$.])${alias}(?:\\?\\.)?\\[\\s{0,40}${Q}(?<name>${NAME})\\1\\s{0,200}\\]${NOT_ASSIGNED}`), text, out);
  }
}

/**
 * Whether the env object occurs without a member access after it (`(?:process\.env|Bun\.env|import\.meta\.env)
 * (?![\w$.?[])`), as where it is assigned to an alias or destructured.
 */
function hasBareEnvObject(text: string): boolean {
  // Asked twice per text (destructuring, aliases): the last answer is kept.
  if (text !== bareMemo.text) bareMemo = { text, bare: findBareEnvObject(text) };
  return bareMemo.bare;
}
let bareMemo = { text: '', bare: false };

function findBareEnvObject(text: string): boolean {
  const bare = /\.env(?![\w$.?[])/g;
  while (bare.test(text)) {
    const i = bare.lastIndex - 4;
    if ((i >= 7 && text.startsWith('process', i - 7)) || (i >= 3 && text.startsWith('Bun', i - 3)) ||
      (i >= 11 && text.startsWith('import.meta', i - 11))) return true;
  }
  return false;
}

/**
 * Whether `{ env } = process` or `import { …env… } from "node:process"` occurs: what a scan of the whole text with
 * `\{\s{0,8}env\s{0,8}\}\s{0,8}=\s{0,8}process\b|import\s{0,8}\{[^}]{0,200}\benv\b[^}]{0,200}\}\s{0,8}from\s{0,8}
 * ["'](?:node:)?process["']` finds, tried only at each `process` (both end with it) with the rest as a lookbehind.
 */
export function importsEnvFromProcess(text: string): boolean {
  for (let i = text.indexOf('process'); i >= 0; i = text.indexOf('process', i + 7)) {
    const before = codeAt(text, i - 1);
    if (before === 34 || before === 39 || before === 58) {
      PROCESS_IMPORT.lastIndex = i;
      if (PROCESS_IMPORT.test(text)) return true;
    } else if (before === 61 || isJsSpace(before)) {
      // The lookbehind needs `}`, white space (at most 8), `=`, white space (at most 8) just before: checked by
      // hand first, since most `process`es follow `= ` (`const debug = process.env.DEBUG`) or a line break.
      const eq = skipSpaceBack(text, i - 1);
      if (codeAt(text, eq) !== 61 || codeAt(text, skipSpaceBack(text, eq - 1)) !== 125) continue;
      PROCESS_DESTRUCTURE.lastIndex = i;
      if (PROCESS_DESTRUCTURE.test(text)) return true;
    }
  }
  return false;
}

/**
 * The position of the character before the run of white space (`\s`) ending at `p`, when that run is at most 8
 * long; -1 when it is longer (no `\s{0,8}` can reach past it) or reaches the start of the text.
 */
function skipSpaceBack(text: string, p: number): number {
  const stop = p - 8;
  while (p >= 0 && isJsSpace(text.charCodeAt(p))) {
    if (p === stop) return -1;
    p--;
  }
  return p;
}
const PROCESS_DESTRUCTURE = /(?<=\{\s{0,8}env\s{0,8}\}\s{0,8}=\s{0,8})process\b/y;
const PROCESS_IMPORT = /(?<=import\s{0,8}\{[^}]{0,200}\benv\b[^}]{0,200}\}\s{0,8}from\s{0,8}["'](?:node:)?)process["']/y;

/** `env = os.environ` aliases, and the environs / django-environ readers `env.str("X")`, `env.int("X")`… */
export function pythonExtraReads(text: string, out: EnvRead[]): void {
  for (const m of text.matchAll(/^[ \t]*([A-Za-z_]\w{0,40})[ \t]{0,8}=[ \t]{0,8}os\.environ[ \t]*$/gm)) {
    const a = m[1];
    collect(new RegExp(`(?<![\\w.])${a}\\s{0,4}\\[\\s{0,40}(["'])(?<name>${NAME})\\1\\s{0,200}\\]${NOT_ASSIGNED}`), text, out);
    collect(new RegExp(`(?<![\\w.])${a}\\.get\\s{0,4}\\(\\s{0,40}(["'])(?<name>${NAME})\\1`), text, out);
  }
  if (/\bimport[ \t]{1,8}environs?\b|\bfrom[ \t]{1,8}environs?[ \t]{1,8}import\b/.test(text)) {
    const kinds = 'str|bool|int|float|decimal|list|dict|json|url|db_url|db|cache_url|cache|email_url|email|search_url|path|date|datetime|timedelta|log_level|uuid|enum';
    collect(new RegExp(`(?<![\\w.])env\\.(?:${kinds})\\(\\s{0,40}(["'])(?<name>${NAME})\\1`), text, out);
  }
}

/** Go struct tags of caarlos0/env: `env:"DATABASE_URL"`, `env:"PORT,required"`. */
export function goTagReads(text: string, out: EnvRead[]): void {
  collect(new RegExp(`\`[^\`\\n]{0,200}?(?<![\\w])env:"(?<name>${NAME})[",]`), text, out);
}
