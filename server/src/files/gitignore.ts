import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * `.gitignore` semantics for a project root: the root's `.gitignore` and nested ones along each path, parsed by
 * the `ignore` package and cached per folder until `invalidate` is called (a watched `.gitignore` changed).
 */
export class GitIgnore {
  private readonly perDir = new Map<string, Ignore | null>();

  constructor(readonly root: string) {}

  private rulesOf(relDir: string): Ignore | null {
    let rules = this.perDir.get(relDir);
    if (rules === undefined) {
      try {
        rules = ignore().add(readFileSync(join(this.root, relDir, '.gitignore'), 'utf8'));
      } catch {
        rules = null;
      }
      this.perDir.set(relDir, rules);
    }
    return rules;
  }

  /**
   * What a listing of the folder `relDir` (relative to the root, `/`-separated) showed: a folder without a
   * `.gitignore` needs no read attempt (a failed read costs an exception, and most folders have none).
   */
  knowFolder(relDir: string, hasGitignore: boolean): void {
    if (!hasGitignore && !this.perDir.has(relDir)) this.perDir.set(relDir, null);
  }

  /** Is `relPath` (`/`-separated, relative to the root) ignored? `isDir` marks folders (patterns like `dist/`). */
  ignores(relPath: string, isDir = false): boolean {
    const parts = relPath.split('/').filter(Boolean);
    // The .gitignore of each folder above the path applies to the rest of the path (node-ignore also checks the
    // path's parent folders against each file's patterns).
    for (let d = 0; d < parts.length; d++) {
      const rules = this.rulesOf(parts.slice(0, d).join('/'));
      if (rules && rules.ignores(parts.slice(d).join('/') + (isDir ? '/' : ''))) return true;
    }
    return false;
  }

  invalidate(): void {
    this.perDir.clear();
  }
}
