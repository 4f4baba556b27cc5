/** The project config `.twelve-factor.yml`, shared by the CLI and the language server. */
export * from './types';
export { parseProjectConfig, compileAllowEntry } from './validate';
export { loadProjectConfig, loadConfigFile, findProjectConfig, formatConfigErrors } from './load';
export { checkOptionsFor, fingerprintPathFor, isIgnoredByConfig, factsWithConfig, configRelativePath, invalidateConfigFacts, relativeTo } from './apply';
export { ProjectConfigCache } from './cache';
