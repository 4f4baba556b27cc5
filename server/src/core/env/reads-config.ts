import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { collect, isUpperName, NAME, UPPER_NAME, type EnvRead } from './match';
import { rubyReads } from './reads-code';

/*
 * Reads in configuration files that interpolate the environment. Which interpolation applies depends on the file,
 * recognised by its name: docker compose files, Spring Boot's application*.properties|yml, logback XML, YAML
 * with ERB (Rails' config/database.yml), Prisma schemas.
 */

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Names may carry a prefix (`dev.docker-compose.yml`, `api-application.yml`) as long as the word stands alone. */
export const isComposeFile = (path: string) => /(?:^|[.-])compose(?:[.-][^/]*)?\.ya?ml$/i.test(baseName(path));
export const isSpringConfig = (path: string) =>
  /(?:^|[.-])(?:application|bootstrap)(?:[-.][^/]*)?\.(?:properties|ya?ml)$/i.test(baseName(path));
export const isLogbackConfig = (path: string) => /(?:^|[.-])logback[^/]*\.xml$/i.test(baseName(path));
export const isPrismaSchema = (path: string) => /\.prisma$/i.test(path);

/**
 * Compose interpolation: `${X}`, `${X:-d}`, `${X-d}`, `${X:?err}`, `${X?err}`, `${X:+alt}` and bare `$X` (upper
 * case); `$$` is an escaped dollar. Nested defaults (`${A:-${B}}`) read both.
 */
export function composeReads(text: string, out: EnvRead[]): void {
  const re = new RegExp(`\\$(?:\\$|\\{(?<name>${NAME})(?=[}:?+-])|(?<bare>${UPPER_NAME})(?![A-Za-z0-9_]))`, 'gd');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const group = m.groups?.name ? 'name' : m.groups?.bare ? 'bare' : undefined;
    if (!group) continue;
    const name = m.groups![group];
    if (group === 'bare' && !isUpperName(name)) continue;
    const span = m.indices!.groups![group]!;
    out.push({ name, start: span[0], end: span[1] });
  }
  composePassThrough(text, out);
}

/**
 * `environment:` entries without a value pass the variable through from the shell that runs compose: `- API_KEY`
 * in a list, `API_KEY:` with no value in a map. Those are reads too. Needs the YAML structure (the `yaml` package);
 * a file that does not parse just has no such reads.
 */
function composePassThrough(text: string, out: EnvRead[]): void {
  if (!/^\s{0,40}environment\s{0,8}:/m.test(text)) return;
  let services: unknown;
  try {
    services = parseDocument(text, { strict: false }).get('services', true);
  } catch {
    return;
  }
  if (!isMap(services)) return;
  for (const service of services.items) {
    const env = isMap(service.value) ? service.value.get('environment', true) : undefined;
    if (isSeq(env)) {
      for (const item of env.items) {
        if (isScalar(item) && typeof item.value === 'string' && item.range && /^[A-Za-z_][A-Za-z0-9_]*$/.test(item.value)) {
          const start = text.indexOf(item.value, item.range[0]);
          if (start >= 0) out.push({ name: item.value, start, end: start + item.value.length });
        }
      }
    } else if (isMap(env)) {
      for (const pair of env.items) {
        const key = pair.key;
        const empty = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
        if (empty && isScalar(key) && typeof key.value === 'string' && key.range && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key.value)) {
          out.push({ name: key.value, start: key.range[0], end: key.range[0] + key.value.length });
        }
      }
    }
  }
}

/** Spring placeholders `${X}` / `${X:default}` of upper-case names (dotted keys are properties, not the env). */
export function springReads(text: string, out: EnvRead[]): void {
  collect(new RegExp(`\\$\\{(?<name>${UPPER_NAME})(?=[:}])`), text, out, isUpperName);
}

/**
 * Properties Spring Boot itself defines for logback-spring.xml (from `logging.*` settings), and logback's own
 * context properties: never the app's environment.
 */
const LOGBACK_OWN = new Set([
  'LOG_FILE', 'LOG_PATH', 'CONSOLE_LOG_PATTERN', 'CONSOLE_LOG_CHARSET', 'CONSOLE_LOG_THRESHOLD', 'FILE_LOG_PATTERN',
  'FILE_LOG_CHARSET', 'FILE_LOG_THRESHOLD', 'LOG_LEVEL_PATTERN', 'LOG_DATEFORMAT_PATTERN', 'LOG_EXCEPTION_CONVERSION_WORD',
  'PID', 'LOG_CORRELATION_PATTERN', 'LOGBACK_ROLLINGPOLICY_FILE_NAME_PATTERN', 'LOGBACK_ROLLINGPOLICY_CLEAN_HISTORY_ON_START',
  'LOGBACK_ROLLINGPOLICY_MAX_FILE_SIZE', 'LOGBACK_ROLLINGPOLICY_TOTAL_SIZE_CAP', 'LOGBACK_ROLLINGPOLICY_MAX_HISTORY',
  'HOSTNAME', 'CONTEXT_NAME',
]);

/** logback `${X}` / `${X:-default}`, minus properties the file defines (`<property name="X" …>`). */
export function logbackReads(text: string, out: EnvRead[]): void {
  const defined = new Set<string>();
  for (const m of text.matchAll(/<(?:property|variable|springProperty|define)\b[^>]{0,500}?\bname\s{0,4}=\s{0,4}["']([^"']{1,200})["']/g)) {
    defined.add(m[1]);
  }
  collect(new RegExp(`\\$\\{(?<name>${UPPER_NAME})(?=:-|\\})`), text, out, (n) => isUpperName(n) && !defined.has(n) && !LOGBACK_OWN.has(n));
}

/** Ruby reads inside the ERB tags of a YAML file (`<%= ENV['X'] %>`, `<%= ENV.fetch("X") { … } %>`). */
export function erbReads(text: string, out: EnvRead[]): void {
  const tags = /<%[\s\S]{0,2000}?%>/g;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    const found: EnvRead[] = [];
    rubyReads(m[0], found);
    for (const r of found) out.push({ name: r.name, start: r.start + m.index, end: r.end + m.index });
  }
}

/** Prisma schemas: `url = env("DATABASE_URL")`. */
export function prismaReads(text: string, out: EnvRead[]): void {
  collect(new RegExp(`\\benv\\(\\s{0,8}"(?<name>${NAME})"\\s{0,8}\\)`), text, out);
}
