/**
 * Factor X (Dev/prod parity): the same kinds of database in development and production. Evidence comes from
 * config files: each mention of a database kind is attributed to development or production by the file's name
 * (`settings/dev.py`, `application-prod.yml`, `.env.example`) or by the section it stands in (`development:` in
 * database.yml, knexfile, Sequelize config). Mentions in files that name no environment count for development
 * when the database is an embedded one (SQLite, H2…) and for production otherwise: an embedded database in the
 * base config is what runs on a laptop, a server database in compose or Kubernetes is what runs deployed.
 */
import { isEnvExample } from './config';
import { isComposeFile, isConfigYaml } from './processes';
import type { ChecklistCheck, ChecklistFinding, ProjectSnapshot } from './types';
import { basename, check, findingAt, isOutsideApp, type IndexedText, type TextCache } from './util';

type Env = 'dev' | 'prod' | 'test' | 'neutral';

interface Evidence {
  kind: string;
  env: 'dev' | 'prod';
  file: IndexedText;
  start: number;
  end: number;
}

const KINDS: { kind: string; embedded: boolean; re: RegExp }[] = [
  { kind: 'SQLite', embedded: true, re: /\bsqlite3?\b/i },
  { kind: 'H2', embedded: true, re: /\bjdbc:h2:|\bh2database\b/i },
  { kind: 'HSQLDB', embedded: true, re: /\bjdbc:hsqldb:|\bhsqldb\b/i },
  { kind: 'Derby', embedded: true, re: /\bjdbc:derby:/i },
  { kind: 'PostgreSQL', embedded: false, re: /\bpostgres(?:ql)?\b|\bpsycopg2?\b|\bpostgis\b|\bclient[ \t]{0,8}:[ \t]{0,8}['"]pg['"]/i },
  { kind: 'MySQL', embedded: false, re: /\bmysql2?\b|\bmariadb\b/i },
  { kind: 'MongoDB', embedded: false, re: /\bmongo(?:db)?(?:\+srv)?\b/i },
  { kind: 'SQL Server', embedded: false, re: /\bsqlserver\b|\bmssql\b/i },
  { kind: 'Oracle', embedded: false, re: /\bjdbc:oracle:|\bbackends\.oracle\b/i },
];
const EMBEDDED = new Set(KINDS.filter((k) => k.embedded).map((k) => k.kind));

const DEV = /(?:^|[/._-])(?:dev|development|local)(?:[/._-]|$)/i;
const PROD = /(?:^|[/._-])(?:prod|production|staging|stage|live)(?:[/._-]|$)/i;
const TEST = /(?:^|[/._-])(?:test|tests|testing|ci)(?:[/._-]|$)/i;
/** A section key naming an environment: `development:` / `"production": {` / `prod = {`. */
const SECTION = /^[ \t]{0,8}['"]?(development|dev|local|production|prod|staging|test|testing)['"]?[ \t]{0,4}[:=]/i;

function envOfName(path: string): Env {
  const b = basename(path);
  if (isEnvExample(path) || b === '.env') return 'dev';
  if (TEST.test(b) || /(?:^|\/)(?:test|tests)\//.test(path)) return 'test';
  if (DEV.test(b) || DEV.test(path.slice(0, path.length - b.length))) return 'dev';
  if (PROD.test(b) || PROD.test(path.slice(0, path.length - b.length))) return 'prod';
  return 'neutral';
}

function envOfSection(key: string): Env {
  const k = key.toLowerCase();
  return k.startsWith('dev') || k === 'local' ? 'dev' : k.startsWith('prod') || k === 'staging' ? 'prod' : 'test';
}

/** Config files that may name a database. */
export function isParityFile(path: string, texts: TextCache): boolean {
  if (isOutsideApp(path)) return false;
  const b = basename(path);
  if (/^\.env(?:\.[\w-]{1,40})?$/i.test(b) || isEnvExample(path)) return true;
  if (/(?:^|\/)settings(?:\/[\w-]{1,40}|[\w-]{0,40})\.py$/.test(path)) return true;
  if (/^(?:application|bootstrap)(?:[-_][\w-]{1,40})?\.(?:ya?ml|properties)$/i.test(b)) return true;
  if (/^appsettings(?:\.[\w-]{1,40})?\.json$/i.test(b)) return true;
  if (/^(?:database\.yml|knexfile\.[jt]s|ormconfig\.(?:json|[jt]s|ya?ml)|schema\.prisma|app\.json|render\.yaml|fly\.toml)$/i.test(b)) return true;
  if (/(?:^|\/)config\/(?:config|database)\.json$/.test(path)) return true;
  if (isComposeFile(path)) return true;
  return isConfigYaml(path) && (texts.get(path)?.text.includes('kind:') ?? false);
}

function evidenceIn(file: IndexedText): Evidence[] {
  const out: Evidence[] = [];
  const fileEnv = envOfName(file.path);
  if (fileEnv === 'test') return out;
  let sectionEnv: Env | undefined;
  let sectionIndent = -1;
  for (let line = 0; line < file.lines.lineCount; line++) {
    const text = file.lines.lineText(line);
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) continue;
    const indent = text.length - trimmed.length;
    const section = SECTION.exec(text);
    if (section) {
      sectionEnv = envOfSection(section[1]);
      sectionIndent = indent;
    } else if (sectionEnv && indent <= sectionIndent && /^['"]?[\w-]{1,60}['"]?[ \t]{0,4}[:=]/.test(trimmed)) {
      sectionEnv = undefined; // a sibling key ends the section
    }
    const env = sectionEnv ?? fileEnv;
    if (env === 'test') continue;
    for (const k of KINDS) {
      const m = k.re.exec(text);
      if (!m) continue;
      // One piece of evidence per kind and environment per file: `adapter: sqlite3` and `db.sqlite3` are one fact.
      if (out.some((e) => e.kind === k.kind && e.env === (env === 'neutral' ? (k.embedded ? 'dev' : 'prod') : env))) break;
      const side = env === 'neutral' ? (k.embedded ? 'dev' : 'prod') : env;
      const start = file.lines.offsetAt({ line, character: m.index });
      out.push({ kind: k.kind, env: side, file, start, end: start + m[0].length });
      break;
    }
  }
  return out;
}

export function parityChecks(snapshot: ProjectSnapshot, texts: TextCache): ChecklistCheck[] {
  const evidence: Evidence[] = [];
  for (const path of snapshot.files) {
    if (!isParityFile(path, texts)) continue;
    const file = texts.get(path);
    if (file) evidence.push(...evidenceIn(file));
  }
  const id = 'dev-prod-parity/same-backing-services';
  const title = 'Development and production use the same kinds of backing services';
  if (evidence.length === 0) {
    return [check(id, 'Do development and production use the same kinds and versions of backing services?', 'review', 'no database configuration found')];
  }
  const prod = evidence.filter((e) => e.env === 'prod');
  const prodKinds = new Set(prod.map((e) => e.kind));
  const findings: ChecklistFinding[] = [];
  for (const e of evidence) {
    if (e.env !== 'dev' || prodKinds.size === 0 || prodKinds.has(e.kind)) continue;
    const other = prod.find((p) => !EMBEDDED.has(p.kind)) ?? prod[0];
    const at = `${other.file.path}:${other.file.lines.positionAt(other.start).line + 1}`;
    findings.push(findingAt(e.file, e.start, e.end, 10, 'warning', `Development uses ${e.kind} here while production uses ${other.kind} (${at}): run the same kind of database everywhere, e.g. in a container.`));
  }
  const kinds = [...new Set(evidence.map((e) => e.kind))];
  if (findings.length > 0) {
    const devKinds = [...new Set(evidence.filter((e) => e.env === 'dev' && !prodKinds.has(e.kind)).map((e) => e.kind))];
    return [check(id, title, 'warn', `${devKinds.join('/')} in development, ${[...prodKinds].join('/')} in production`, findings)];
  }
  return [check(id, title, 'pass', `${kinds.join(', ')} in every environment found`)];
}
