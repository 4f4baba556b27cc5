import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { parseEnvExample, type CheckOptions, type EnvExampleFacts, type ProjectFacts, type SeveritySetting } from '../core';
import type { LoadedConfig } from './types';

const ignoreCache = new WeakMap<LoadedConfig, Ignore>();
const acceptedCache = new WeakMap<LoadedConfig, Map<string, Set<string>>>();
const NO_SEVERITIES: Readonly<Record<string, SeveritySetting | undefined>> = {};
/** The merged severities, per config and settings object (the same two for every file of a scan). */
const severitiesCache = new WeakMap<LoadedConfig, WeakMap<object, Record<string, SeveritySetting | undefined>>>();

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** What a path needing normalisation has: a `.`/`..` segment, a doubled or (on Windows) a forward separator. */
const NOT_PLAIN = sep === '/' ? /\/\.\.?(?:\/|$)|\/\// : /[\\/]\.\.?(?:[\\/]|$)|\\\\|\//;

/**
 * `relative(from, resolve(to))`, without path.relative's normalising work when `to` is a plain absolute path
 * inside `from` (every file of a scan): then it is the rest of `to` after `from` and a separator.
 */
export function relativeTo(from: string, to: string): string {
  const base = from.endsWith(sep) ? from : from + sep;
  if (to.startsWith(base) && to.length > base.length && isAbsolute(from) && !NOT_PLAIN.test(to)) return to.slice(base.length);
  return relative(from, resolve(to));
}

/** `absPath` relative to the config's folder (`/`-separated), or undefined when outside it or there is no config. */
export function configRelativePath(loaded: LoadedConfig, absPath: string): string | undefined {
  if (!loaded.dir) return undefined;
  const rel = relativeTo(loaded.dir, absPath);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : toPosix(rel);
}

/**
 * The engine options for a file under this config: config severities overridden by `settingsSeverities` (the
 * user's VS Code `twelveFactor.rules`), allowlists, accepted fingerprints, and the fingerprint path (the file
 * relative to the config's folder, else to `fallbackRoot`, else as given).
 */
export function checkOptionsFor(
  loaded: LoadedConfig,
  settingsSeverities: Readonly<Record<string, SeveritySetting | undefined>> = NO_SEVERITIES,
  absPath?: string,
  fallbackRoot?: string,
): CheckOptions & { fingerprintPath?: string } {
  let accepted = acceptedCache.get(loaded);
  if (!accepted) {
    acceptedCache.set(loaded, (accepted = new Map()));
    for (const a of loaded.config.accepted) {
      let set = accepted.get(a.rule);
      if (!set) accepted.set(a.rule, (set = new Set()));
      set.add(a.fingerprint);
    }
  }
  let bySettings = severitiesCache.get(loaded);
  if (!bySettings) severitiesCache.set(loaded, (bySettings = new WeakMap()));
  let severities = bySettings.get(settingsSeverities);
  if (!severities) {
    severities = { ...loaded.config.rules };
    for (const [id, s] of Object.entries(settingsSeverities)) if (s !== undefined) severities[id] = s;
    bySettings.set(settingsSeverities, severities);
  }
  const fingerprintPath = absPath === undefined ? undefined : fingerprintPathFor(loaded, absPath, fallbackRoot);
  return { severities, allow: loaded.config.allow, accepted: accepted.size > 0 ? accepted : undefined, fingerprintPath };
}

/** The path fingerprints use: the file relative to the config's folder, else to `fallbackRoot`, else as given. */
export function fingerprintPathFor(loaded: LoadedConfig, absPath: string, fallbackRoot?: string): string {
  return configRelativePath(loaded, absPath) ?? (fallbackRoot ? toPosix(relativeTo(fallbackRoot, absPath)) : toPosix(absPath));
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
