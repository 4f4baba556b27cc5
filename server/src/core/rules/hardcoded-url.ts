import { defineRule } from '../rule';
import { isEnvBackedDefault, isEnvFallback, isFallbackConstant } from '../services/env-fallback';
import { findServiceLocations, SERVICE_SCAN } from '../services/locations';
import { isDeploymentManifest, isDevOrTestPath } from '../services/paths';
import { inComment, yamlScalars, type YamlScalar } from '../services/syntax';
import type { Finding, LanguageId } from '../types';

const ID = 'backing-services/hardcoded-url';

const LANGUAGES: readonly LanguageId[] = [
  'javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'php', 'csharp', 'rust',
  'yaml', 'json', 'properties', 'ini', 'toml', 'xml',
];

/** Files that describe tooling or packages, not the app's configuration. */
const NOT_APP_CONFIG = /(?:^|\/)(?:package(?:-lock)?\.json|composer\.(?:json|lock)|launchSettings\.json|tsconfig[\w.-]{0,40}\.json|[\w.-]{1,100}\.lock|\.vscode\/[^/]{1,100})$/;

const DEV_SECTION = /^(?:dev|development|test|testing|local|ci|e2e)$/i;

/** Key paths of YAML/JSON values inside development or test sections (`development:` of database.yml, Spring dev profiles). */
function devSections(text: string): YamlScalar[] {
  const scalars = yamlScalars(text);
  const devDocs = new Set(
    scalars
      .filter((s) => /^spring\.(?:profiles(?:\.active)?|config\.activate\.on-profile)$/.test(s.path.join('.')) && /^(?:dev|development|test|local)(?:\s*,|$)/i.test(s.value))
      .map((s) => s.doc),
  );
  return scalars.filter((s) => devDocs.has(s.doc) || s.path.some((p) => DEV_SECTION.test(p)));
}

/** Python docstrings and other triple-quoted strings that open a line: documentation, not config. */
function docstrings(text: string): [number, number][] {
  return [...text.matchAll(/^[ \t]*[rRuU]?("""|''')[\s\S]{0,20000}?\1/gm)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * Reports a literal location of a backing service — the URL, host:port, DSN or connection string of a database,
 * cache, queue, search engine or SMTP relay (`postgres://…`, `mongodb+srv://…`, `redis://…`, `amqp://…`,
 * `kafka:9092`, `http://es:9200`, `jdbc:postgresql://…`, `Server=…;Database=…`, `host=… dbname=…`) — in
 * application code or committed app config, when it is not the fallback of an environment lookup.
 *
 * Not reported: fallbacks after an env lookup (`process.env.DATABASE_URL || "postgres://localhost/dev"`,
 * `os.getenv("REDIS_URL", "redis://localhost")`, `ENV.fetch("X") { … }`, `${DB_URL:jdbc:…}`, a constant only
 * used as such a fallback, pydantic `BaseSettings` field defaults, convict `{ env: 'X', default: … }`), test code and
 * development-only config (paths or file names with test/spec/dev/development/local/example, `development:` and
 * `test:` sections of database.yml, Spring dev profiles), deployment manifests (compose files, Kubernetes
 * manifests, Helm charts, Procfiles, Dockerfiles, CI pipelines) — service names there are how resources are
 * attached — `.env` files, embedded databases (`jdbc:h2:mem:`, SQLite, LocalDB) and public HTTP APIs.
 *
 * **Why:** a twelve-factor app treats backing services as attached resources (factor IV): a deploy swaps the
 * local Postgres for a managed one, or the Redis for a replica, by changing config only. A location in the
 * code ties every deploy to one resource and often leaks its credentials.
 *
 * **Example:**
 * ```js
 * const pool = new Pool({ connectionString: "postgres://app:s3cret@db.internal:5432/app" });
 * ```
 *
 * **Use instead:** read the location from the environment (`DATABASE_URL`, `REDIS_URL`, `AMQP_URL`…):
 * ```js
 * const pool = new Pool({ connectionString: process.env.DATABASE_URL });
 * ```
 *
 * **Quick fix:** "Extract to environment variable" with a suggested name such as `DATABASE_URL` or `REDIS_URL`.
 */
export const rule = defineRule({
  id: ID,
  factor: 4,
  title: 'Hardcoded backing service location',
  description: 'A database, cache, queue, search or mail service is located by a literal URL or address instead of config from the environment.',
  defaultSeverity: 'warning',
  runtimeCode: true,
  fixable: true,
  keywords: [
    '://', 'jdbc:', 'database=', 'initial catalog=', 'dbname=', 'smtp', 'mail.',
    '5432', '3306', '1433', '27017', '6379', '5672', '9092', '9093', '4222', '11211', '9200', '9042', '2181', '7687',
    '8983', '8086', '5984',
  ],
  languages: LANGUAGES,
  scan: SERVICE_SCAN,
  detect({ file, lines, scan }) {
    const path = file.path;
    if (isDevOrTestPath(path) || isDeploymentManifest(path, file.text) || NOT_APP_CONFIG.test(path.replace(/\\/g, '/'))) return [];
    const words = scan && { catalogEnds: scan.hits[1], hostEnds: scan.hits[0] };
    const locations = findServiceLocations(file.text, { yamlLike: file.language === 'yaml', properties: file.language === 'properties', words });
    if (locations.length === 0) return [];
    const dev = file.language === 'yaml' || file.language === 'json' ? devSections(file.text) : [];
    const docs = file.language === 'python' ? docstrings(file.text) : [];
    const findings: Finding[] = [];
    for (const loc of locations) {
      if (inComment(file.language, lines, loc.start) || isEnvFallback(file.text, loc.start) || isFallbackConstant(file.text, loc.start)) continue;
      if (isEnvBackedDefault(file.text, loc.start)) continue;
      if (docs.some(([s, e]) => s <= loc.start && loc.start < e)) continue;
      if (dev.some((s) => s.start <= loc.start && loc.start < s.end)) continue;
      findings.push({
        ruleId: ID,
        range: { start: lines.positionAt(loc.start), end: lines.positionAt(loc.end) },
        message: `The ${loc.kind.label} location is hardcoded (${loc.display}). Read it from the environment, e.g. ${loc.kind.suggestedName}, so each deploy can attach its own.`,
        data: { suggestedName: loc.kind.suggestedName },
      });
    }
    return findings;
  },
});
