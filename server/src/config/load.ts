import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { emptyConfig, CONFIG_FILE_NAMES, type LoadedConfig } from './types';
import { parseProjectConfig } from './validate';

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Reads and validates one config file. A missing or unreadable file is an error, not an empty config. */
export function loadConfigFile(path: string): LoadedConfig {
  const abs = resolve(path);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    return { config: emptyConfig(), path: abs, dir: dirname(abs), errors: [{ message: `cannot read the config: ${why}` }] };
  }
  const { config, errors } = parseProjectConfig(text);
  return { config, path: abs, dir: dirname(abs), errors };
}

/** The config file that governs `fromPath`: the nearest `.twelve-factor.yml`/`.yaml` in its folder or above, up to `root`. */
export function findProjectConfig(fromPath: string, root?: string): string | undefined {
  let dir = resolve(fromPath);
  if (!isDir(dir)) dir = dirname(dir);
  const top = root === undefined ? undefined : resolve(root);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    // Without a root, stop at the repository's top (a folder holding .git) or the file system's root.
    if (dir === top || (top === undefined && existsSync(join(dir, '.git')))) return undefined;
    const parent = dirname(dir);
    if (parent === dir || (top !== undefined && !parent.startsWith(top))) return undefined;
    dir = parent;
  }
}

/**
 * Finds the nearest `.twelve-factor.yml` (or `.yaml`) upward from `fromPath` (a file or folder), stopping at
 * `root` (a workspace folder; default: the repository's top or the file system's root), and loads it. No config
 * found: an empty config, no `path`, no errors.
 */
export function loadProjectConfig(fromPath: string, root?: string): LoadedConfig {
  const found = findProjectConfig(fromPath, root);
  return found ? loadConfigFile(found) : { config: emptyConfig(), errors: [] };
}

/** `path:line:col: message`, one line per error, for stderr or an editor's log. */
export function formatConfigErrors(loaded: LoadedConfig, displayPath = loaded.path ?? '.twelve-factor.yml'): string[] {
  return loaded.errors.map((e) => `${displayPath}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}: ${e.message}`);
}
