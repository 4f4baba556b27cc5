import { lineStartNear } from './syntax';

/**
 * Is a literal the fallback of an environment lookup? `process.env.DATABASE_URL || "postgres://…"`,
 * `os.getenv("REDIS_URL", "redis://…")`, `ENV.fetch("X") { "…" }`, `${DB_URL:jdbc:…}`, `getEnv("X", "…")`,
 * `env('DB_HOST', '127.0.0.1')`, `config('DATABASE_URL', default=…)`, `dj_database_url.config(default=…)`.
 * Looks at the statement before the literal: its own line and, when the statement is continued, up to three
 * lines above.
 */

const ENV_WORDS = new Set(['env', 'environ', 'environment', 'getenv', 'lookupenv', 'setdefault', 'dotenv', 'envs']);
const SPECIAL = /\bdj_database_url\b|\bdb_url\b|\bconfig\(\s*["'][A-Z][A-Z0-9_]{1,60}["']|\$\{[A-Za-z_][\w.-]{0,100}:-?$|\$\{[A-Za-z_][\w.-]{0,100}:-?[^}\n]{0,200}$|\bviper\.|\bEnvironment\.Get/;

/** The identifiers of `code`, split into lower-case words (`getEnvOrDefault` → get, env, or, default). */
function words(code: string): string[] {
  const out: string[] = [];
  for (const id of code.match(/[A-Za-z_][A-Za-z0-9_]{0,100}/g) ?? []) {
    for (const w of id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split('_')) if (w) out.push(w);
  }
  return out;
}

/** The code before `offset` that belongs to the same statement (bounded: its line and up to three continued lines above). */
export function statementPrefix(text: string, offset: number): string {
  let lineStart = lineStartNear(text, offset, 400);
  let prefix = text.slice(lineStart, offset);
  for (let i = 0; i < 3 && lineStart > 0; i++) {
    const prevStart = lineStartNear(text, lineStart - 1, 400);
    const prev = text.slice(prevStart, lineStart - 1).replace(/\r$/, '');
    const continued = /^\s*(?:\|\||\?\?|or\b|,|\?|:|\.|default)|^\s*$/.test(prefix) || /(?:[(,{[=:]|\|\||\?\?|\bor)\s*$/.test(prev);
    if (!continued) break;
    prefix = `${prev}\n${prefix}`;
    lineStart = prevStart;
  }
  return prefix;
}

/** Is the literal at `offset` read as a default / fallback of an environment variable lookup? */
export function isEnvFallback(text: string, offset: number): boolean {
  const prefix = statementPrefix(text, offset);
  if (!/env|setdefault|db_url|config\(|\$\{|viper\./i.test(prefix)) return false;
  if (SPECIAL.test(prefix)) return true;
  return words(prefix).some((w) => ENV_WORDS.has(w));
}

/**
 * Is the literal at `offset` assigned to a name that is only used as an env fallback elsewhere in the file?
 * `const ES_FALLBACK = "http://localhost:9200"` … `process.env.ES_URL ?? ES_FALLBACK`.
 */
export function isFallbackConstant(text: string, offset: number): boolean {
  const linePrefix = text.slice(lineStartNear(text, offset, 300), offset);
  // Only a declaration that starts its line: `const NAME = "…"`, `NAME = "…"`, `private static final String NAME = "…"`.
  const m = /^\s*(?:(?:export|const|let|var|val|final|static|private|public|protected|readonly|String|string)\s+){0,5}([A-Za-z_$][\w$]{0,60})\s*(?::\s*[\w.<>]{1,40}\s*)?(?::=|=)\s*["'`]?$/.exec(linePrefix);
  if (!m) return false;
  const name = m[1].replace(/\$/g, '\\$');
  const re = new RegExp(`(?<![\\w$.])${name}(?![\\w$])`, 'g');
  let uses = 0;
  for (let u = re.exec(text); u && uses < 20; u = re.exec(text)) {
    if (Math.abs(u.index - offset) <= linePrefix.length + 1) continue;
    if (!isEnvFallback(text, u.index)) return false;
    uses++;
  }
  return uses > 0;
}

/**
 * Is the literal at `offset` the default of a setting that the environment overrides by design: a field of a
 * pydantic `BaseSettings` class (`database_url: str = "postgres://…"`), or a convict-style schema entry with an
 * `env:` name next to its `default:`.
 */
export function isEnvBackedDefault(text: string, offset: number): boolean {
  const lineStart = lineStartNear(text, offset, 300);
  const linePrefix = text.slice(lineStart, offset);
  if (/^[ \t]+[a-z_][a-z0-9_]{0,60}[ \t]*(?::[^=\n]{1,80})?=[ \t]*["']?$/.test(linePrefix) && /\bclass\s+\w+\s*\([^)]{0,200}\bBaseSettings\b/.test(text)) {
    // The nearest class above the field must be a settings class.
    const classes = [...text.slice(Math.max(0, offset - 20_000), offset).matchAll(/^class\s+\w+\s*\(([^)\n]{0,200})\)/gm)];
    const last = classes[classes.length - 1];
    if (last && /\bBaseSettings\b/.test(last[1])) return true;
  }
  if (/\bdefault\s*:\s*["'`]?$/.test(linePrefix)) {
    const around = text.slice(Math.max(0, offset - 200), offset + 300);
    if (/\benv\s*:\s*["'][A-Z][A-Z0-9_]{1,60}["']/.test(around)) return true;
  }
  return false;
}
