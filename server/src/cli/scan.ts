import { existsSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { formatConfigErrors, isIgnoredByConfig, ProjectConfigCache } from '../config';
import { BINARY_EXT, errorReason, isSkippedByDefault, walkFiles, type SkippedFile } from '../files/walk';
import type { CheckArgs } from './args';
import { type BatchResult, type CheckSetup, type FileFinding, type WorkItem } from './check';
import { changedFiles, changedLines, stagedText } from './git';
import { ProjectFactsCache } from '../projectFacts';

export type { FileFinding } from './check';

export interface ScanResult {
  findings: FileFinding[];
  filesChecked: number;
  bytes: number;
  skipped: SkippedFile[];
  timings?: number[];
  slow?: { path: string; ms: number }[];
}

export interface ScanPlan {
  setup: CheckSetup;
  /**
   * The files to check, listed as they are consumed: the walk goes on while the first files are checked. Each
   * item is also appended to `items` when listed, so `items` is complete once `source` has been consumed.
   */
  source: Iterable<WorkItem>;
  items: WorkItem[];
  skipped: SkippedFile[];
  /** With `--diff-lines`: the added/changed lines per file; a file without an entry is wholly new. */
  lineFilter?: Map<string, Set<number>>;
  configs: ProjectConfigCache;
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** The repository's top (nearest folder above `cwd` holding `.git`), else `cwd`: fingerprint paths are relative to it. */
export function projectRootOf(cwd: string): string {
  for (let d = cwd; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return cwd;
  }
}

function within(abs: string, dir: string): boolean {
  return abs === dir || abs.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/** Decides which files to check: a walk of the given paths, or the files changed/staged in git under them. */
export function planScan(args: CheckArgs, cwd: string, maxFileSize = 2_000_000): ScanPlan {
  const projectRoot = projectRootOf(cwd);
  const configPath = args.configPath ? resolve(cwd, args.configPath) : undefined;
  const configs = new ProjectConfigCache(configPath);
  const ignoredByConfig = (abs: string, isDir: boolean) => isIgnoredByConfig(configs.forDir(dirname(abs)), abs, isDir);
  // A single file named on the command line (as pre-commit passes them) is still subject to the config's
  // ignores and the default skips (vendored, generated, lock, binary files).
  const skipFile = (abs: string) =>
    ignoredByConfig(abs, false) || BINARY_EXT.test(abs) || (!args.includeVendored && isSkippedByDefault(toPosix(relative(projectRoot, abs))));
  const items: WorkItem[] = [];
  const skipped: SkippedFile[] = [];
  const targets = args.paths.map((p) => resolve(cwd, p));
  const roots = [projectRoot, ...targets.filter((t) => !within(t, projectRoot))];
  let lineFilter: Map<string, Set<number>> | undefined;
  let source: Iterable<WorkItem> = items;
  if (args.changes) {
    for (const abs of changedFiles(cwd, args.changes)) {
      if (!targets.some((t) => within(abs, t)) || skipFile(abs)) continue;
      if (args.changes.kind === 'staged') {
        let data: Buffer;
        try {
          data = stagedText(cwd, abs);
        } catch (err) {
          skipped.push({ path: abs, reason: errorReason(err) });
          continue;
        }
        if (data.subarray(0, 8192).includes(0)) continue;
        items.push({ abs, text: data.toString('utf8') });
      } else {
        items.push({ abs });
      }
    }
    if (args.diffLines) lineFilter = changedLines(cwd, args.changes);
  } else {
    // The walk lists every folder anyway: the env example lookups are answered from its listings here, once per
    // folder, instead of each worker reading the folders again.
    const folderFacts = new ProjectFactsCache(roots, true);
    const knowFolder = (dir: string, entries: readonly Dirent[]) => folderFacts.knowFolder(dir, entries.map((e) => e.name));
    const listed = function* (): Generator<WorkItem> {
      for (const abs of targets) {
        let isDir: boolean;
        try {
          isDir = statSync(abs).isDirectory();
        } catch (err) {
          skipped.push({ path: abs, reason: errorReason(err) });
          continue;
        }
        if (!isDir) {
          if (!skipFile(abs)) yield { abs };
          continue;
        }
        const walk = { includeVendored: args.includeVendored, deferContentChecks: true, isIgnored: ignoredByConfig, onFolder: knowFolder };
        for (const f of walkFiles(abs, walk, skipped)) yield { abs: f, facts: folderFacts.folderFacts(f) };
      }
    };
    source = (function* () {
      for (const item of listed()) {
        items.push(item);
        yield item;
      }
    })();
  }
  const setup: CheckSetup = { cwd, roots, projectRoot, configPath, maxFileSize };
  return { setup, source, items, skipped, lineFilter, configs };
}

/** Keeps only findings that touch an added/changed line (`--diff-lines`). */
export function filterToChangedLines(findings: FileFinding[], cwd: string, lines: Map<string, Set<number>>): FileFinding[] {
  return findings.filter((f) => {
    const set = lines.get(resolve(cwd, f.file));
    if (!set) return true; // untracked: every line is new
    for (let l = f.line; l <= f.endLine; l++) if (set.has(l)) return true;
    return false;
  });
}

export function mergeResults(parts: BatchResult[], skipped: SkippedFile[]): ScanResult {
  const out: ScanResult = { findings: [], filesChecked: 0, bytes: 0, skipped: [...skipped] };
  for (const p of parts) {
    out.findings.push(...p.findings);
    out.skipped.push(...p.skipped);
    out.filesChecked += p.filesChecked;
    out.bytes += p.bytes;
    if (p.timings) (out.timings ??= []).push(...p.timings);
    if (p.slow) (out.slow ??= []).push(...p.slow);
  }
  return out;
}

/** A problem that ends the run with exit code 2 and one clear message (bad config, git failure). */
export class FatalError extends Error {}

/**
 * Every config that governs a file to check must be valid: a bad config is a usage problem (exit 2). Called on
 * each batch as the walk lists it (`batch`), and once more at the end; on the first bad config the rest of the
 * listing is consumed (without checking) so that the message names every bad config, as one up-front pass would.
 */
export function assertConfigsValid(plan: ScanPlan, cwd: string, batch: readonly WorkItem[] = plan.items): void {
  for (const item of batch) plan.configs.forFile(item.abs);
  if (plan.setup.configPath) plan.configs.forDir(cwd);
  const hasErrors = () => plan.configs.loaded().some((c) => c.errors.length > 0);
  if (!hasErrors()) return;
  for (const item of plan.source) plan.configs.forFile(item.abs);
  const bad = plan.configs.loaded().filter((c) => c.errors.length > 0);
  const lines = bad.flatMap((c) => formatConfigErrors(c, c.path ? relative(cwd, c.path) || c.path : undefined));
  throw new FatalError(`invalid config (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n  ${lines.join('\n  ')}`);
}