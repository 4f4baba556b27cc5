import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { parseEnvExample, type CheckOptions, type EnvExampleFacts, type ProjectFacts, type SeveritySetting } from '../core';
import type { LoadedConfig } from './types';

const ignoreCache = new WeakMap<LoadedConfig, Ignore>();
const acceptedCache = new WeakMap<LoadedConfig, Map<string, Set<string>>>();

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** `absPath` relative to the config's folder (`/`-separated), or undefined when outside it or there is no config. */
export function configRelativePath(loaded: LoadedConfig, absPath: string): string | undefined {
  if (!loaded.dir) return undefined;
  const rel = relative(loaded.dir, resolve(absPath));
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : toPosix(rel);
}

/**
 * The engine options for a file under this config: config severities overridden by `settingsSeverities` (the
 * user's VS Code `twelveFactor.rules`), allowlists, accepted fingerprints, and the fingerprint path (the file
 * relative to the config's folder, else to `fallbackRoot`, else as given).
 */
export function checkOptionsFor(
  loaded: LoadedConfig,
  settingsSeverities: Readonly<Record<string, SeveritySetting | undefined>> = {},
  absPath?: string,
  fallbackRoot?: string,
): CheckOptions {
  let accepted = acceptedCache.get(loaded);
  if (!accepted) {
    acceptedCache.set(loaded, (accepted = new Map()));
    for (const a of loaded.config.accepted) {
      let set = accepted.get(a.rule);
      if (!set) accepted.set(a.rule, (set = new Set()));
      set.add(a.fingerprint);
    }
  }
  const severities: Record<string, SeveritySetting | undefined> = { ...loaded.config.rules };
  for (const [id, s] of Object.entries(settingsSeverities)) if (s !== undefined) severities[id] = s;
  let fingerprintPath: string | undefined;
  if (absPath !== undefined) {
    fingerprintPath =
      configRelativePath(loaded, absPath) ?? (fallbackRoot ? toPosix(relative(fallbackRoot, resolve(absPath))) : toPosix(absPath));
  }
  return { severities, allow: loaded.config.allow, accepted: accepted.size > 0 ? accepted : undefined, fingerprintPath };
}

/** Is the file excluded by the config's `ignore:` patterns (gitignore syntax, relative to the config's folder)? */
export function isIgnoredByConfig(loaded: LoadedConfig, absPath: string, isDir = false): boolean {
  if (loaded.config.ignore.length === 0) return false;
  const rel = configRelativePath(loaded, absPath);
  if (rel === undefined) return false;
  let ig = ignoreCache.get(loaded);
  if (!ig) ignoreCache.set(loaded, (ig = ignore().add(loaded.config.ignore)));
  return ig.ignores(isDir ? rel + '/' : rel);
}

const exampleCache = new Map<string, { mtimeMs: number; facts: EnvExampleFacts }>();

function readExample(path: string): EnvExampleFacts | undefined {
  try {
    const mtimeMs = statSync(path).mtimeMs;
    const cached = exampleCache.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached.facts;
    const facts = parseEnvExample(path, readFileSync(path, 'utf8'));
    exampleCache.set(path, { mtimeMs, facts });
    return facts;
  } catch {
    return undefined;
  }
}

/**
 * The project facts for `absPath` with the config applied: `platformVariables` added, and `envExample` (a file
 * name looked up from the file's folder up to the config's folder, or a path with `/` relative to the config's
 * folder) replacing the default env example discovery.
 */
export function factsWithConfig(facts: ProjectFacts, loaded: LoadedConfig, absPath: string): ProjectFacts {
  const { config, dir } = loaded;
  if (!dir || (config.platformVariables.length === 0 && config.envExample === undefined)) return facts;
  const out: ProjectFacts = { ...facts };
  if (config.platformVariables.length > 0) out.platformVariables = new Set([...facts.platformVariables, ...config.platformVariables]);
  if (config.envExample !== undefined) {
    const name = config.envExample;
    let found: string | undefined;
    if (name.includes('/')) {
      const p = resolve(dir, name);
      if (existsSync(p)) found = p;
    } else if (configRelativePath(loaded, absPath) !== undefined) {
      for (let d = dirname(resolve(absPath)); ; d = dirname(d)) {
        if (existsSync(join(d, name))) {
          found = join(d, name);
          break;
        }
        if (d === dir || dirname(d) === d) break;
      }
    }
    out.envExample = found ? readExample(found) : undefined;
    out.envExampleCreatePath = found ?? resolve(dir, name);
  }
  return out;
}

/** Drops cached env example files (a watched file changed). */
export function invalidateConfigFacts(absPath?: string): void {
  if (absPath === undefined) exampleCache.clear();
  else exampleCache.delete(absPath);
}
