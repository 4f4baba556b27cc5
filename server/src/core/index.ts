/** The public face of the pure core, used by the server, the CLI and the tests. */
export * from './types';
export { Engine, onRuleError, factorName, type CheckOptions } from './engine';
export { fingerprint } from './fingerprint';
export { RULES, ruleById, defaultEngine, batchEngine } from './registry';
export { FACTORS, DOCS_BASE_URL, githubSlug } from './rule';
export { languageOf, makeComment, findComment, COMMENTS } from './languages';
export { mask, redactAll } from './redact';
export { lineIndex, eolOf } from './text';
export { PLATFORM_VARIABLES } from './env/platform';
export { findEnvReads } from './env/reads';
export { IGNORE, IGNORE_NEXT_LINE, IGNORE_FILE } from './ignores';
export { appendKeysFix, fixAllMissing } from './rules/env-missing-from-example';
export { fixAllDotenvMissing } from './rules/dotenv-key-missing-from-example';
export { EnvReadIndex, type IndexedRead } from './env/index';
export { findEnvExample, envExampleCreatePath, isEnvExampleFile, isDotenvFile, ENV_EXAMPLE_NAMES } from './env/discovery';
export { parseEnvExample, parseDotenv } from './env/example';
