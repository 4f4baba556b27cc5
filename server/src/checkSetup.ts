import { relative, sep } from 'node:path';
import { languageOf, type CheckOptions, type ProjectFacts, type SourceFile } from './core';
import { checkOptionsFor, factsWithConfig, invalidateConfigFacts, isIgnoredByConfig, ProjectConfigCache } from './config';
import type { ProjectFactsCache } from './projectFacts';
import type { Settings } from './settings';

export interface PreparedCheck {
  file: SourceFile;
  facts: ProjectFacts;
  options: CheckOptions;
}

/**
 * Everything a check needs besides the text, in one place for the open documents and the workspace scan: project
 * facts from disk, the project config (`.twelve-factor.yml`: ignores, severities, allowlists, accepted findings,
 * env example name, platform variables) and the user's settings, which override the config's severities.
 */
export class CheckSetup {
  readonly configs = new ProjectConfigCache();

  constructor(readonly facts: ProjectFactsCache) {}

  /** The check of `path` with `text`, or undefined when the project config ignores the file. */
  prepare(path: string, text: string, settings: Settings, languageHint?: string): PreparedCheck | undefined {
    const root = this.facts.rootOf(path);
    const loaded = this.configs.forFile(path, root);
    if (isIgnoredByConfig(loaded, path)) return undefined;
    const file: SourceFile = { path, text, language: languageOf(path, languageHint) };
    const facts = factsWithConfig(this.facts.factsFor(path, settings.platformVariables), loaded, path);
    return { file, facts, options: checkOptionsFor(loaded, settings.rules, path, root) };
  }

  /** Is the path a project config file? */
  static isConfigFile(path: string): boolean {
    return /(?:^|[\\/])\.twelve-factor\.ya?ml$/.test(path);
  }

  /** A watched file changed: drop the configs (a config file) and the config-named env examples. */
  invalidate(path: string): void {
    if (CheckSetup.isConfigFile(path)) this.configs.invalidate();
    invalidateConfigFacts(path);
  }

  relativeToRoot(path: string): string {
    return relative(this.facts.rootOf(path), path).split(sep).join('/');
  }
}
