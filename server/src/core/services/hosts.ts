import { AMQP, BY_PORT, CASSANDRA, DATABASE, ELASTICSEARCH, KAFKA, MEMCACHED, MONGODB, NATS, REDIS, SMTP, type ServiceKind } from './kinds';
import { anchorOffsets, anchoredMatches } from '../anchored';
import { yamlScalars } from './syntax';

/**
 * Backing-service hosts given as separate settings rather than URLs: `host: 'redis.internal', port: 6379`,
 * `Client(host="clickhouse.internal")`, `"mail.smtp.host", "smtp.office365.com"`, `spring.data.redis.host=…`,
 * YAML `redis: { host: cache.internal }`. The kind comes from a sibling well-known port, from the setting's
 * name (`redis.host`, `mail.smtp.host`) or from the host name itself (`pg-primary.internal`, `kafka-0.kafka`).
 */

export interface HostSetting {
  start: number;
  end: number;
  kind: ServiceKind;
}

const HOST_TOKENS: Record<string, ServiceKind> = {
  db: DATABASE, database: DATABASE, postgres: DATABASE, postgresql: DATABASE, pg: DATABASE, pgbouncer: DATABASE, mysql: DATABASE,
  mariadb: DATABASE, clickhouse: DATABASE, mssql: DATABASE, sqlserver: DATABASE, datasource: DATABASE, jdbc: DATABASE,
  mongo: MONGODB, mongodb: MONGODB,
  redis: REDIS, valkey: REDIS,
  rabbit: AMQP, rabbitmq: AMQP, amqp: AMQP,
  kafka: KAFKA,
  elastic: ELASTICSEARCH, elasticsearch: ELASTICSEARCH, es: ELASTICSEARCH, opensearch: ELASTICSEARCH,
  memcache: MEMCACHED, memcached: MEMCACHED,
  cassandra: CASSANDRA, scylla: CASSANDRA,
  smtp: SMTP, mail: SMTP,
  nats: NATS,
};

const SMTP_PORTS = new Set(['25', '465', '587', '2525']);

/** The kind suggested by the words of a name (`spring.data.redis.host`, `pg-primary.internal`), if any. */
export function kindFromWords(name: string): ServiceKind | undefined {
  for (const w of name.toLowerCase().split(/[^a-z0-9]+/)) {
    const k = HOST_TOKENS[w];
    if (k) return k;
  }
  return undefined;
}

function kindFor(host: string, settingName: string, port: string | undefined): ServiceKind | undefined {
  if (port && BY_PORT[port]) return BY_PORT[port];
  if (port && SMTP_PORTS.has(port)) return SMTP;
  return kindFromWords(settingName) ?? kindFromWords(host.replace(/\.(?:com|net|org|io|internal|local|svc|cluster)\b.*$/, ''));
}

/** `[\w.]`: what the host setting pattern's lookbehind excludes. */
function isWordOrDot(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46;
}

const HOST_VALUE = /^[a-z0-9](?:[a-z0-9.-]{0,200}[a-z0-9])?$/i;
const LOCAL = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|::1)$/i;

/** A host setting in code or JSON: `host: 'x'`, `host="x"`, `'HOST': 'x'`, `"mail.smtp.host", "x"`. */
export const HOST_SETTING = /(?<![\w.])(["']?)((?:[\w.-]{0,60}[._-])?host(?:name)?)\1\s*(?:=>|[=:,])\s*(["'])([^"'\n]{1,200})\3/gi;

/**
 * Where HOST_SETTING can match, given where each `host` starts (in order): at most 62 characters before it, where
 * no `[\w.]` comes before (the pattern's lookbehind).
 */
export function hostSettingStarts(text: string, hosts: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const h of hosts) {
    for (let q = Math.max(from, h - 62, 0); q <= h; q++) if (q === 0 || !isWordOrDot(text.charCodeAt(q - 1))) out.push([q, q]);
    from = h + 1;
  }
  return out;
}

/** Host settings in code and JSON: `host: 'x'`, `host="x"`, `'HOST': 'x'`, `"mail.smtp.host", "x"`. */
function inCode(text: string, isPlaceholder: (h: string) => boolean, hostEnds?: readonly number[]): HostSetting[] {
  const out: HostSetting[] = [];
  // (`hostEnds`: where each `host`, in any case, ends, when a keyword pass found them already.)
  const starts = hostEnds ? hostEnds.map((e) => e - 3) : [...anchorOffsets(text, /host/gi)];
  for (const m of anchoredMatches(text, HOST_SETTING, hostSettingStarts(text, starts))) {
    const host = m[4];
    if (!HOST_VALUE.test(host) || isPlaceholder(host) || !/[a-z]/i.test(host) && !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) continue;
    const around = text.slice(m.index + m[0].length, m.index + m[0].length + 250);
    const before = text.slice(Math.max(0, m.index - 150), m.index);
    const portRe = /\bport["']?\s*(?:=>|[=:,])\s*["']?(\d{2,5})\b/i;
    const port = (portRe.exec(around) ?? portRe.exec(before))?.[1];
    const setting = m[2];
    // A bare `host` setting needs a service port or a service-like host name; a named one (`redis_host`) its name.
    const kind = kindFor(host, setting === 'host' || setting === 'hostname' ? '' : setting, port);
    if (!kind || (LOCAL.test(host) && kind === SMTP)) continue;
    const start = m.index + m[0].length - 1 - host.length;
    out.push({ start, end: start + host.length, kind });
  }
  return out;
}

/** `spring.data.redis.host=redis.internal`, `spring.mail.host=smtp.example.net` in .properties files. */
function inProperties(text: string, isPlaceholder: (h: string) => boolean): HostSetting[] {
  const out: HostSetting[] = [];
  for (const m of text.matchAll(/^[ \t]*([\w.-]{1,200}\.host)[ \t]*[=:][ \t]*([^\s#$]{1,200})[ \t]*$/gm)) {
    const kind = kindFromWords(m[1]);
    if (!kind || !HOST_VALUE.test(m[2]) || isPlaceholder(m[2]) || (LOCAL.test(m[2]) && kind === SMTP)) continue;
    const start = m.index + m[0].lastIndexOf(m[2]);
    out.push({ start, end: start + m[2].length, kind });
  }
  return out;
}

/** YAML `host:` values under a service-named key (`redis:`, `datasource:`) or next to a well-known `port:`. */
function inYaml(text: string, isPlaceholder: (h: string) => boolean): HostSetting[] {
  const scalars = yamlScalars(text);
  const out: HostSetting[] = [];
  for (const s of scalars) {
    const key = s.path[s.path.length - 1] ?? '';
    if (!/^(?:host|hostname|[\w-]{1,60}[._-]host)$/i.test(key)) continue;
    if (!HOST_VALUE.test(s.value) || isPlaceholder(s.value)) continue;
    const parent = s.path.slice(0, -1).join('.');
    const port = scalars.find((p) => p.doc === s.doc && p.path.slice(0, -1).join('.') === parent && /^port$/i.test(p.path[p.path.length - 1] ?? ''))?.value;
    const kind = kindFor(s.value, s.path.join('.'), port);
    if (!kind || (LOCAL.test(s.value) && kind === SMTP)) continue;
    out.push({ start: s.start, end: s.end, kind });
  }
  return out;
}

export function findHostSettings(
  text: string,
  yamlLike: boolean,
  properties: boolean,
  isPlaceholder: (h: string) => boolean,
  hostEnds?: readonly number[],
): HostSetting[] {
  if (properties) return inProperties(text, isPlaceholder);
  if (yamlLike) return inYaml(text, isPlaceholder);
  return inCode(text, isPlaceholder, hostEnds);
}
