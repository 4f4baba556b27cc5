import type { FactorNumber, Finding, LanguageId, Rule, RuleContext, RuleMeta, Severity } from './types';

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

export const FACTORS: readonly { number: FactorNumber; name: string; roman: string; slug: string }[] = [
  { number: 1, name: 'Codebase', roman: 'I', slug: 'codebase' },
  { number: 2, name: 'Dependencies', roman: 'II', slug: 'dependencies' },
  { number: 3, name: 'Config', roman: 'III', slug: 'config' },
  { number: 4, name: 'Backing services', roman: 'IV', slug: 'backing-services' },
  { number: 5, name: 'Build, release, run', roman: 'V', slug: 'build-release-run' },
  { number: 6, name: 'Processes', roman: 'VI', slug: 'processes' },
  { number: 7, name: 'Port binding', roman: 'VII', slug: 'port-binding' },
  { number: 8, name: 'Concurrency', roman: 'VIII', slug: 'concurrency' },
  { number: 9, name: 'Disposability', roman: 'IX', slug: 'disposability' },
  { number: 10, name: 'Dev/prod parity', roman: 'X', slug: 'dev-prod-parity' },
  { number: 11, name: 'Logs', roman: 'XI', slug: 'logs' },
  { number: 12, name: 'Admin processes', roman: 'XII', slug: 'admin-processes' },
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
  };
  return { meta, detect: def.detect };
}
