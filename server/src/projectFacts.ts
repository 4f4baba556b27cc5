import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import { ENV_EXAMPLE_NAMES, parseEnvExample, PLATFORM_VARIABLES, type EnvExampleFacts, type ProjectFacts } from './core';
import { envExampleCreatePath, findEnvExample, FolderDiscovery } from './core/env/discovery';
import { GitIgnore } from './files/gitignore';

const NO_VARIABLES: readonly string[] = [];

/** Where a file's env example is (if anywhere) and where one would be created. */
export interface FolderFacts {
  example?: string;
  createPath: string;
}

/**
 * Project facts computed from disk and cached until the files behind them change: env example files (parsed
 * once per change, not per keystroke) and `.gitignore` rules. Shared by the language server and the CLI.
 */
export class ProjectFactsCache {
  private readonly examples = new Map<string, { mtimeMs: number; facts: EnvExampleFacts }>();
  private readonly gitignores = new Map<string, GitIgnore>();
  private workspaceReads: ((name: string) => boolean | undefined) | undefined;

  /** Folder listings, when the tree is taken as a snapshot (see the constructor). */
  private readonly listings = new Map<string, Set<string> | null>();
  private readonly exists: (path: string) => boolean;

  /**
   * `roots`: workspace folders (server) or the scan root (CLI), absolute paths. `snapshot` (the CLI: one run over
   * a tree that does not change meanwhile): a file's existence is answered from its folder's listing, read once,
   * instead of a file system call per candidate name and folder.
   */
  constructor(private roots: string[], snapshot = false) {
    this.exists = snapshot ? (p) => this.listed(p) : existsSync;
    this.discovery = snapshot ? this.newDiscovery() : undefined;
  }

  /** In a snapshot, the env example lookups remembered per folder. */
  private discovery: FolderDiscovery | undefined;

  /** A snapshot's discovery: a folder the walk listed answers from its names (see knowFolder). */
  private newDiscovery(): FolderDiscovery {
    return new FolderDiscovery(this.exists, (folder) => this.listings.get(folder));
  }

  private listed(path: string): boolean {
    // Paths here are absolute and normalised (made by the discovery from a file's path): split at the last `/`.
    const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    // The discovery asks for a dozen names in one folder in a row: that folder's listing is kept at hand, so its
    // path is compared, not cut out and hashed again for each name.
    const last = this.lastListing;
    if (last !== undefined && cut === last.dir.length && path.startsWith(last.dir)) return last.names !== null && last.names.has(path.slice(cut + 1));
    const dir = cut > 0 ? path.slice(0, cut) : dirname(path);
    let names = this.listings.get(dir);
    if (names === undefined) {
      try {
        names = new Set(readdirSync(dir));
      } catch {
        names = null;
      }
      this.listings.set(dir, names);
    }
    if (cut > 0) this.lastListing = { dir, names };
    return names !== null && names.has(path.slice(cut + 1));
  }

  /** The folder listing `listed` used last (see there). */
  private lastListing: { dir: string; names: Set<string> | null } | undefined;

  /**
   * In a snapshot: a folder's names as someone else listed them (the CLI's walk), so the folder is not read again.
   */
  knowFolder(dir: string, names: Iterable<string>): void {
    if (!this.discovery) return;
    this.listings.set(dir, new Set(names));
    if (this.lastListing?.dir === dir) this.lastListing = undefined;
  }

  /**
   * The env example governing a file and where to create one (what factsFor puts in `envExample` and
   * `envExampleCreatePath`, before reading the example): a snapshot's walk works them out for its workers.
   */
  folderFacts(absPath: string): FolderFacts {
    // In a snapshot the answers are the same for every file of a folder (an env example file aside: it is never
    // its own example), so they are worked out once per folder, not once per file.
    const d = this.discovery;
    const dir = d && !ENV_EXAMPLE_NAMES.includes(basename(absPath)) ? dirname(absPath) : undefined;
    const known = dir === undefined ? undefined : this.factsOfFolder.get(dir);
    if (known) return known;
    const root = this.rootOf(absPath);
    const facts = {
      example: d ? d.envExample(absPath, root) : findEnvExample(absPath, root, this.exists),
      createPath: d ? d.createPath(absPath, root) : envExampleCreatePath(absPath, root, this.exists),
    };
    if (dir !== undefined) this.factsOfFolder.set(dir, facts);
    return facts;
  }

  /** A snapshot's folderFacts, per folder. */
  private readonly factsOfFolder = new Map<string, FolderFacts>();

  /** The server's workspace index answers "is this variable read anywhere?" (the CLI has no index). */
  setWorkspaceReads(fn: (name: string) => boolean | undefined): void {
    this.workspaceReads = fn;
  }

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.invalidateAll();
  }

  rootOf(absPath: string): string {
    const candidates = this.roots.filter((r) => absPath === r || absPath.startsWith(r.endsWith(sep) ? r : r + sep));
    return candidates.sort((a, b) => b.length - a.length)[0] ?? dirname(absPath);
  }

  /** `known`: the file's FolderFacts when worked out already (see folderFacts). */
  factsFor(absPath: string, extraPlatformVariables: readonly string[] = NO_VARIABLES, known?: FolderFacts): ProjectFacts {
    const root = this.rootOf(absPath);
    const { example, createPath } = known ?? this.folderFacts(absPath);
    const gitignore = this.gitIgnoreFor(root);
    return {
      envExample: example ? this.example(example) : undefined,
      envExampleCreatePath: createPath,
      platformVariables: this.platformVariables(extraPlatformVariables),
      isGitIgnored: (p) => gitignore.ignores(p.startsWith('/') ? relative(root, p).split(sep).join('/') : p),
      isReadInWorkspace: this.workspaceReads,
    };
  }

  /** One set per list of extra variables (a project config's list), not one per file or folder. */
  private readonly variableSets = new WeakMap<readonly string[], ReadonlySet<string>>();
  private platformVariables(extra: readonly string[]): ReadonlySet<string> {
    let set = this.variableSets.get(extra);
    if (!set) this.variableSets.set(extra, (set = new Set([...PLATFORM_VARIABLES, ...extra])));
    return set;
  }

  private example(path: string): EnvExampleFacts | undefined {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return undefined;
    }
    const cached = this.examples.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached.facts;
    const facts = parseEnvExample(path, readFileSync(path, 'utf8'));
    this.examples.set(path, { mtimeMs, facts });
    return facts;
  }

  gitIgnoreFor(root: string): GitIgnore {
    let g = this.gitignores.get(root);
    if (!g) this.gitignores.set(root, (g = new GitIgnore(root)));
    return g;
  }

  /** A watched file changed on disk: drop what depended on it. */
  invalidate(absPath: string): void {
    this.examples.delete(absPath);
    if (absPath.endsWith('.gitignore')) for (const g of this.gitignores.values()) g.invalidate();
  }

  invalidateAll(): void {
    this.listings.clear();
    this.lastListing = undefined;
    this.factsOfFolder.clear();
    if (this.discovery) this.discovery = this.newDiscovery();
    this.examples.clear();
    this.gitignores.clear();
  }
}

