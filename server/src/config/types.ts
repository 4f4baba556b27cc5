import type { SeveritySetting } from '../core';

/** One reviewed-and-accepted finding (config `accepted:`). */
export interface AcceptedFinding {
  rule: string;
  fingerprint: string;
  path?: string;
  note?: string;
}

/** A validated `.twelve-factor.yml`, with `allow` patterns compiled. Every key has a value (empty when absent). */
export interface ProjectConfig {
  rules: Record<string, SeveritySetting>;
  ignore: string[];
  allow: Record<string, (string | RegExp)[]>;
  envExample?: string;
  platformVariables: string[];
  accepted: AcceptedFinding[];
}

/** A problem in the config file, with a 1-based position when known. */
export interface ConfigError {
  line?: number;
  column?: number;
  message: string;
}

export interface LoadedConfig {
  config: ProjectConfig;
  /** Absolute path of the config file; undefined when none was found (then `config` is empty). */
  path?: string;
  /** The folder of the config file: `ignore` patterns, `envExample` and fingerprint paths are relative to it. */
  dir?: string;
  /** Schema and parse errors; when non-empty, `config` holds only the parts that were valid. */
  errors: ConfigError[];
}

export const CONFIG_FILE_NAMES = ['.twelve-factor.yml', '.twelve-factor.yaml'] as const;

export function emptyConfig(): ProjectConfig {
  return { rules: {}, ignore: [], allow: {}, platformVariables: [], accepted: [] };
}
