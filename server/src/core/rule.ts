import type { FactorNumber, Finding, LanguageId, Rule, RuleContext, RuleMeta, ScanRequest, Severity } from './types';

/** Where the rule documentation lives: one `### <rule-id>` section per rule in README.md. */
export const DOCS_BASE_URL = 'https://github.com/twelve-factor-lint/twelve-factor-lint/blob/main/README.md';

/** GitHub's heading slug: lower case, punctuation other than `-` and `_` dropped, spaces to `-`. */
export function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export interface FactorInfo {
  number: FactorNumber;
  name: string;
  roman: string;
  /** Its page: https://12factor.net/<slug>. */
  slug: string;
  /** Two sentences: what the factor asks and why. */
  about: string;
}

export const FACTORS: readonly FactorInfo[] = [
  { number: 1, name: 'Codebase', roman: 'I', slug: 'codebase', about: 'One app lives in one repository, tracked in version control, and every deploy is built from it. Several apps sharing one codebase, or one app spread over several, make releases and ownership unclear.' },
  { number: 2, name: 'Dependencies', roman: 'II', slug: 'dependencies', about: 'Every dependency is declared in a manifest and pinned by a lockfile, never assumed to be on the machine. A fresh checkout then builds the same way everywhere.' },
  { number: 3, name: 'Config', roman: 'III', slug: 'config', about: 'Everything that varies between deploys, credentials above all, is read from the environment, not written in the code. The committed env example file is the contract that lists what the app reads.' },
  { number: 4, name: 'Backing services', roman: 'IV', slug: 'backing-services', about: 'Databases, caches, queues and mail relays are attached resources located by config. Swapping a local database for a managed one must need no code change.' },
  { number: 5, name: 'Build, release, run', roman: 'V', slug: 'build-release-run', about: 'Building, releasing (build plus config) and running are separate stages. Nothing is installed or compiled when the app starts.' },
  { number: 6, name: 'Processes', roman: 'VI', slug: 'processes', about: 'The app runs as stateless processes that share nothing; state lives in backing services. Sessions in process memory or files on local disk break as soon as a second process runs.' },
  { number: 7, name: 'Port binding', roman: 'VII', slug: 'port-binding', about: 'The app is self-contained and serves by binding to a port it is given. The port comes from the environment so the platform can choose it.' },
  { number: 8, name: 'Concurrency', roman: 'VIII', slug: 'concurrency', about: 'The app scales out by running more processes of declared types (web, worker, clock). Processes stay in the foreground and let the platform manage them instead of daemonising.' },
  { number: 9, name: 'Disposability', roman: 'IX', slug: 'disposability', about: 'Processes start fast and shut down gracefully on SIGTERM, finishing or returning in-flight work. That makes deploys, scaling and crash recovery quick and safe.' },
  { number: 10, name: 'Dev/prod parity', roman: 'X', slug: 'dev-prod-parity', about: 'Development, staging and production stay as alike as possible, with the same kinds of backing services. SQLite on a laptop and Postgres in production hide bugs until release.' },
  { number: 11, name: 'Logs', roman: 'XI', slug: 'logs', about: 'The app writes its logs as an unbuffered event stream to stdout. The platform collects, routes and stores them; the app never manages log files.' },
  { number: 12, name: 'Admin processes', roman: 'XII', slug: 'admin-processes', about: 'Admin and maintenance tasks such as migrations ship in the repository and run as one-off processes in the same release. They are never run by hand on a server or on every start.' },
];

export interface RuleDefinition {
  id: string;
  factor: FactorNumber;
  title: string;
  description: string;
  defaultSeverity: Severity;
  fixable?: boolean;
  keywords?: readonly string[];
  languages?: readonly LanguageId[];
  /** See RuleMeta.runtimeCode (default false). */
  runtimeCode?: boolean;
  scan?: ScanRequest;
  detect(ctx: RuleContext): Finding[];
}

/** Builds a rule from its definition, deriving the docs anchor and URL from the id so they cannot drift. */
export function defineRule(def: RuleDefinition): Rule {
  const docsAnchor = githubSlug(def.id);
  const meta: RuleMeta = {
    id: def.id,
    factor: def.factor,
    title: def.title,
    description: def.description,
    defaultSeverity: def.defaultSeverity,
    docsAnchor,
    docsUrl: `${DOCS_BASE_URL}#${docsAnchor}`,
    fixable: def.fixable ?? false,
    keywords: (def.keywords ?? []).map((k) => k.toLowerCase()),
    languages: def.languages,
    runtimeCode: def.runtimeCode ?? false,
  };
  return def.scan ? { meta, scan: def.scan, detect: def.detect } : { meta, detect: def.detect };
}
