import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { loadConfigFile } from './load';
import { emptyConfig, CONFIG_FILE_NAMES, type LoadedConfig } from './types';

/**
 * The config governing each folder (the nearest `.twelve-factor.yml`/`.yaml` upward), memoised per folder so a
 * tree of 50,000 files costs one lookup per folder and a keystroke costs a map lookup. The search stops at `root`
 * when one is given (a workspace folder), else at a repository's top (a folder holding `.git`) or the file
 * system's root. With `override` (`--config FILE`), that file governs everything.
 *
 * The server calls `invalidate()` when a config file (or any folder) is created, changed or deleted.
 */
export class ProjectConfigCache {
  private readonly byDir = new Map<string, LoadedConfig>();
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly none: LoadedConfig = { config: emptyConfig(), errors: [] };

  constructor(private readonly override?: string) {}

  private load(path: string): LoadedConfig {
    let c = this.byFile.get(path);
    if (!c) this.byFile.set(path, (c = loadConfigFile(path)));
    return c;
  }

  /** The config for files directly in `dir` (absolute). */
  forDir(dir: string, root?: string): LoadedConfig {
    if (this.override) return this.load(this.override);
    const key = root === undefined ? dir : `${dir}\u0000${root}`;
    const cached = this.byDir.get(key);
    if (cached) return cached;
    let result: LoadedConfig | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      if (existsSync(join(dir, name))) {
        result = this.load(join(dir, name));
        break;
      }
    }
    if (!result) {
      const parent = dirname(dir);
      const top = root === undefined ? undefined : resolve(root);
      const stop =
        parent === dir ||
        (top === undefined ? existsSync(join(dir, '.git')) : dir === top || !(dir + sep).startsWith(top.endsWith(sep) ? top : top + sep));
      result = stop ? this.none : this.forDir(parent, root);
    }
    this.byDir.set(key, result);
    return result;
  }

  /** The config for a file (absolute path). */
  forFile(absPath: string, root?: string): LoadedConfig {
    return this.forDir(dirname(absPath), root);
  }

  /** Every config file loaded so far (to report their errors). */
  loaded(): LoadedConfig[] {
    return [...this.byFile.values()];
  }

  /** Forget everything: a config file was created, changed or deleted. */
  invalidate(): void {
    this.byDir.clear();
    this.byFile.clear();
  }
}
