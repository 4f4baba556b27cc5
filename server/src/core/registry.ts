import { Engine } from './engine';
import { rule as dotenvKeyMissingFromExample } from './rules/dotenv-key-missing-from-example';
import { rule as envFileNotIgnored } from './rules/env-file-not-ignored';
import { rule as envMissingFromExample } from './rules/env-missing-from-example';
import { rule as envUnusedInCode } from './rules/env-unused-in-code';
import { rule as hardcodedPort } from './rules/hardcoded-port';
import { rule as hardcodedSecret } from './rules/hardcoded-secret';
import { rule as hardcodedUrl } from './rules/hardcoded-url';
import { rule as logToFile } from './rules/log-to-file';
import type { Rule } from './types';

/** Every rule, in alphabetical order of id. A test keeps this list sorted and complete. */
export const RULES: readonly Rule[] = [
  hardcodedUrl, // backing-services/hardcoded-url
  dotenvKeyMissingFromExample, // config/dotenv-key-missing-from-example
  envFileNotIgnored, // config/env-file-not-ignored
  envMissingFromExample, // config/env-missing-from-example
  envUnusedInCode, // config/env-unused-in-code
  hardcodedSecret, // config/hardcoded-secret
  logToFile, // logs/log-to-file
  hardcodedPort, // port-binding/hardcoded-port
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

let shared: Engine | undefined;
/** The engine over all rules, built once. */
export function defaultEngine(): Engine {
  return (shared ??= new Engine(RULES));
}

/** An engine over all rules for a batch of files each checked once (the CLI): it keeps no scans between files. */
export function batchEngine(): Engine {
  return new Engine(RULES, false);
}
