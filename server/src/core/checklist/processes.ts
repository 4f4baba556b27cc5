/**
 * Factors VI (Processes: stateless, share-nothing) and VIII (Concurrency: process types, no self-daemonising).
 */
import { parseAllDocuments } from 'yaml';
import { isProcfile, procfileCommands, type RunCommand } from './commands';
import type { ChecklistCheck, ChecklistFinding, ProjectSnapshot } from './types';
import {
  appCodeFiles,
  basename,
  check,
  findingAt,
  isOutsideApp,
  matchesOf,
  mentions,
  plural,
  type IndexedText,
  type TextCache,
} from './util';

/** YAML files worth parsing as deployment config (not lock files, not CI workflows). */
export function isConfigYaml(path: string): boolean {
  return /\.ya?ml$/i.test(path) && !/(?:^|\/)(?:pnpm-lock|yarn)\.ya?ml$/i.test(path) && !path.startsWith('.github/') && !isOutsideApp(path);
}

export function isComposeFile(path: string): boolean {
  return /^(?:docker-)?compose(?:[.-][\w.-]{0,40})?\.ya?ml$/i.test(basename(path));
}

/** The closing parenthesis matching the one at `open`, within a bounded window; -1 when not found. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i - open < 4000; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** express-session used without a `store`: sessions live in the process's MemoryStore. */
function expressSessionWithoutStore(file: IndexedText): ChecklistFinding[] {
  const out: ChecklistFinding[] = [];
  const names = new Set<string>();
  for (const m of matchesOf(file.text, /\b(?:const|let|var)[ \t]{1,8}([\w$]{1,40})[ \t]{0,8}=[ \t]{0,8}require\([ \t]{0,8}['"]express-session['"]/)) names.add(m[1]);
  for (const m of matchesOf(file.text, /\bimport[ \t]{1,8}(?:\*[ \t]{1,8}as[ \t]{1,8})?([\w$]{1,40})[ \t]{1,8}from[ \t]{1,8}['"]express-session['"]/)) names.add(m[1]);
  const storeAnywhere = /\bstore[ \t]{0,8}[:,}]/.test(file.text);
  for (const name of names) {
    // At most 50 calls per file: each costs a bounded scan for its closing parenthesis.
    for (const m of matchesOf(file.text, new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}[ \\t]{0,8}\\(`)).slice(0, 50)) {
      const open = m.index + m[0].length - 1;
      const close = closingParen(file.text, open);
      const args = file.text.slice(open + 1, close < 0 ? open + 1 : close);
      const hasStore = /\bstore\b/.test(args) || (!args.includes('{') && args.trim() !== '' && storeAnywhere);
      if (close < 0 || hasStore) continue;
      out.push(findingAt(file, m.index, m.index + name.length, 6, 'warning', 'express-session without a `store` keeps sessions in process memory (MemoryStore): use a shared store such as Redis.'));
    }
  }
  return out;
}

const STATE_PATTERNS: { re: RegExp; words: string[]; message: string }[] = [
  { re: /\bnew[ \t]{1,8}(?:[\w$]{1,40}\.)?MemoryStore\b/, words: ['memorystore'], message: 'An in-memory session store lives and dies with one process: use a shared store such as Redis.' },
  { re: /\bSESSION_TYPE['"\]]{0,2}[ \t]{0,8}[=:][ \t]{0,8}['"]filesystem['"]/, words: ['session_type'], message: "Flask-Session's filesystem sessions stay on one machine's disk: use a shared backend (redis, a database)." },
  { re: /\bSESSION_ENGINE[ \t]{0,8}=[ \t]{0,8}['"]django\.contrib\.sessions\.backends\.file['"]/, words: ['session_engine'], message: "Django's file session backend keeps sessions on local disk: use the database or cache backend." },
  { re: /session\.save_handler['"]?[ \t]{0,8}[=,][ \t]{0,8}['"]?files\b/, words: ['save_handler'], message: 'PHP file sessions stay on one machine: use a shared save handler (redis, memcached).' },
];

const STICKY_PATTERNS: { re: RegExp; message: string }[] = [
  { re: /\bsessionAffinity[ \t]{0,8}:[ \t]{0,8}['"]?ClientIP\b/, message: 'Service session affinity (ClientIP) pins clients to one pod: keep session state in a backing service instead.' },
  { re: /\bnginx\.ingress\.kubernetes\.io\/affinity['"]?[ \t]{0,8}:[ \t]{0,8}['"]?cookie\b/, message: 'Cookie affinity pins clients to one pod: keep session state in a backing service instead.' },
  { re: /\.loadbalancer\.sticky(?:\.cookie)?(?:\.name)?[ \t]{0,8}[=:]/, message: 'Sticky sessions pin clients to one instance: keep session state in a backing service instead.' },
  { re: /^[ \t]{0,40}(?:ip_hash|sticky)\b[^;\n]{0,200};/m, message: 'Sticky load balancing pins clients to one instance: keep session state in a backing service instead.' },
  { re: /^[ \t]{0,40}cookie[ \t]{1,8}\w{1,40}[ \t]{1,8}insert\b/m, message: 'HAProxy cookie persistence pins clients to one server: keep session state in a backing service instead.' },
];

function isProxyConfig(path: string): boolean {
  return /\.conf$/i.test(path) || /(?:^|\/)(?:nginx|haproxy)[\w.-]{0,40}$/i.test(path) || /\.cfg$/i.test(path);
}

export function processChecks(snapshot: ProjectSnapshot, texts: TextCache): ChecklistCheck[] {
  const sessions: ChecklistFinding[] = [];
  for (const path of appCodeFiles(snapshot).concat(snapshot.files.filter((f) => /(?:^|\/)php[\w.-]{0,20}\.ini$/i.test(f)))) {
    const file = texts.get(path);
    if (!file) continue;
    if (file.text.includes('express-session')) sessions.push(...expressSessionWithoutStore(file));
    for (const p of STATE_PATTERNS) {
      if (!mentions(file.text, p.words)) continue;
      for (const m of matchesOf(file.text, p.re)) sessions.push(findingAt(file, m.index, m.index + m[0].length, 6, 'warning', p.message));
    }
  }
  const sticky: ChecklistFinding[] = [];
  for (const path of snapshot.files) {
    if (!(isConfigYaml(path) || (isProxyConfig(path) && !isOutsideApp(path)))) continue;
    const file = texts.get(path);
    if (!file || !mentions(file.text, ['affinity', 'sticky', 'ip_hash', 'insert'])) continue;
    for (const p of STICKY_PATTERNS) {
      for (const m of matchesOf(file.text, p.re)) {
        const lead = m[0].length - m[0].trimStart().length;
        sticky.push(findingAt(file, m.index + lead, m.index + m[0].length, 6, 'warning', p.message));
      }
    }
  }
  return [
    sessions.length === 0
      ? check('processes/no-in-process-sessions', 'No session or user state kept in process memory or on local disk', 'pass', 'no in-process session store')
      : check('processes/no-in-process-sessions', 'No session or user state kept in process memory or on local disk', 'warn', plural(sessions.length, 'in-process session store'), sessions),
    sticky.length === 0
      ? check('processes/no-sticky-sessions', 'No sticky sessions', 'pass', 'no sticky sessions')
      : check('processes/no-sticky-sessions', 'No sticky sessions', 'warn', plural(sticky.length, 'sticky-session setting'), sticky),
  ];
}

/** Images of backing services (databases, caches, queues, search) that compose files run next to the app. */
const BACKING_IMAGE =
  /^(?:[\w.-]{1,100}\/){0,3}(?:postgres(?:ql)?|postgis|mysql|mariadb|mongo|redis|valkey|memcached|rabbitmq|elasticsearch|opensearch|kafka|zookeeper|nats|minio|localstack|mailhog|mailpit|cassandra|couchdb|neo4j|influxdb|clickhouse|keycloak|nginx|traefik|adminer|pgadmin4?|bitnami\/[\w-]{1,40})(?:[:@][\w.-]{1,128})?$/i;

/** Deployment manifests are small; larger YAML files (generated, data) are not parsed. */
const MAX_YAML_CHARS = 200_000;
const typesCache = new WeakMap<TextCache, { name: string; where: string }[]>();

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);

/** Declared process types: Procfile entries, compose services, Kubernetes workloads (name → where). */
export function processTypes(snapshot: ProjectSnapshot, texts: TextCache): { name: string; where: string }[] {
  let out = typesCache.get(texts);
  if (out) return out;
  out = [];
  typesCache.set(texts, out);
  for (const path of snapshot.files) {
    if (isOutsideApp(path)) continue;
    if (isProcfile(path)) {
      const file = texts.get(path);
      if (file) for (const c of procfileCommands(file)) out.push({ name: c.name, where: path });
      continue;
    }
    if (!isConfigYaml(path)) continue;
    const compose = isComposeFile(path);
    const file = compose || /\.ya?ml$/i.test(path) ? texts.get(path) : undefined;
    if (!file || file.text.length > MAX_YAML_CHARS || (!compose && !file.text.includes('kind:'))) continue;
    for (const doc of safeDocuments(file.text)) {
      if (compose) {
        const services = doc?.services;
        if (!services || typeof services !== 'object') continue;
        for (const [name, svc] of Object.entries(services as Record<string, Loose>)) {
          const image = typeof svc?.image === 'string' ? svc.image : '';
          if (!svc?.build && BACKING_IMAGE.test(image)) continue; // a backing service, not a process of the app
          out.push({ name, where: path });
        }
      } else if (doc && typeof doc.kind === 'string' && WORKLOAD_KINDS.has(doc.kind)) {
        const name = typeof doc.metadata?.name === 'string' ? doc.metadata.name : doc.kind;
        out.push({ name, where: path });
      }
    }
  }
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
function safeDocuments(text: string): Loose[] {
  try {
    return parseAllDocuments(text).flatMap((d) => ('errors' in d && d.errors.length > 0 ? [] : [d.toJS({ maxAliasCount: 100 })]));
  } catch {
    return [];
  }
}

const DAEMON_COMMAND: { re: RegExp; message: string }[] = [
  { re: /\bnohup\b[^&\n]{0,300}&(?!&)/, message: '`nohup … &` puts the app in the background: run it in the foreground and let the process manager supervise it.' },
  { re: /(?:^|\s)--daemon(?:ize)?\b(?![-=][ \t]{0,4}(?:false|no|off)\b)/, message: 'The server daemonises itself: run it in the foreground and let the process manager supervise it.' },
  { re: /\b(?:pm2|forever)[ \t]{1,8}start\b/, message: 'A process manager inside the container daemonises the app: run it in the foreground (e.g. `pm2-runtime`).' },
];

const DAEMON_CONFIG: { file: (p: string) => boolean; re: RegExp; message: string }[] = [
  { file: (p) => /\.ya?ml$/i.test(p) && isConfigYaml(p), re: /^[ \t]{0,40}daemon(?:ize)?[ \t]{0,8}:[ \t]{0,8}(?:true|yes)\b/m, message: 'The process is configured to daemonise itself: keep it in the foreground.' },
  { file: (p) => /\.conf$/i.test(p), re: /^[ \t]{0,40}daemonize[ \t]{1,8}yes\b/m, message: '`daemonize yes` sends the server to the background: keep it in the foreground.' },
  { file: (p) => /gunicorn[\w.-]{0,40}\.py$/i.test(p), re: /^[ \t]{0,40}daemon[ \t]{0,8}=[ \t]{0,8}True\b/m, message: 'Gunicorn is configured to daemonise: keep it in the foreground.' },
  { file: (p) => /\.py$/i.test(p), re: /\bDaemonContext[ \t]{0,8}\(/, message: 'python-daemon detaches the process: run it in the foreground and let the process manager supervise it.' },
];

export function concurrencyChecks(snapshot: ProjectSnapshot, texts: TextCache, commands: RunCommand[]): ChecklistCheck[] {
  const types = processTypes(snapshot, texts);
  const names = [...new Set(types.map((t) => t.name))];
  const declared =
    types.length > 0
      ? check('concurrency/process-types', 'Process types are declared', 'pass', `process types: ${names.slice(0, 5).join(', ')}${names.length > 5 ? '…' : ''}`)
      : check('concurrency/process-types', 'Are the process types (web, worker, …) declared so each can be scaled out on its own?', 'review', 'no Procfile, compose services or Kubernetes workloads');
  const daemons: ChecklistFinding[] = [];
  for (const c of commands) {
    for (const p of DAEMON_COMMAND) {
      for (const m of matchesOf(c.text, p.re)) {
        const lead = m[0].length - m[0].trimStart().length;
        daemons.push(findingAt(c.file, c.start + m.index + lead, c.start + m.index + m[0].length, 8, 'warning', p.message));
      }
    }
  }
  for (const path of snapshot.files) {
    const rules = DAEMON_CONFIG.filter((r) => r.file(path));
    if (rules.length === 0 || isOutsideApp(path)) continue;
    const file = texts.get(path);
    if (!file || !mentions(file.text, ['daemon'])) continue;
    for (const r of rules) for (const m of matchesOf(file.text, r.re)) {
      const lead = m[0].length - m[0].trimStart().length;
      daemons.push(findingAt(file, m.index + lead, m.index + m[0].length, 8, 'warning', r.message));
    }
  }
  const foreground =
    daemons.length === 0
      ? check('concurrency/no-daemonizing', 'Processes run in the foreground (no self-daemonising)', 'pass', 'no self-daemonising')
      : check('concurrency/no-daemonizing', 'Processes run in the foreground (no self-daemonising)', 'warn', plural(daemons.length, 'self-daemonising process', 'self-daemonising processes'), daemons);
  return [declared, foreground];
}
