import { basename, dirname, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkOptionsFor, factsWithConfig, ProjectConfigCache, type LoadedConfig } from '../config';
import { defaultEngine, ENV_EXAMPLE_NAMES, languageOf, type ProjectFacts, type ReportedFinding, type SeveritySetting } from '../core';
import { errorReason, readTextFile, type SkippedFile } from '../files/walk';
import { ProjectFactsCache } from '../projectFacts';

/** A finding with its file, as the CLI reports it: file relative to the current directory, 1-based positions. */
export interface FileFinding {
  ruleId: string;
  factor: number;
  severity: ReportedFinding['severity'];
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Not in the JSON output (its format is fixed): used by SARIF and `--print-accepted`. */
  fingerprint: string;
  /** The path the fingerprint was computed with (relative to the config's folder or the project root). */
  fingerprintPath: string;
}

/** One file to check. `text` is given for `--staged` (the index's content); otherwise the file is read. */
export interface WorkItem {
  abs: string;
  text?: string;
}

export interface CheckSetup {
  cwd: string;
  /** Scan roots (for project facts: env example lookup stops there). */
  roots: string[];
  /** Where fingerprint paths are relative to when no config governs a file. */
  projectRoot: string;
  /** `--config FILE`: one config for every file instead of the nearest one. */
  configPath?: string;
  maxFileSize: number;
  severities?: Record<string, SeveritySetting>;
}

export interface BatchResult {
  findings: FileFinding[];
  skipped: SkippedFile[];
  filesChecked: number;
  bytes: number;
  /** Per checked file: milliseconds for read + check (only with timings). */
  timings?: number[];
  /** With timings: the files that took 100 ms or more. */
  slow?: { path: string; ms: number }[];
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** Checks files with the core: the same code runs on the main thread (`--jobs 1`) and in each worker. */
export class FileChecker {
  readonly configs: ProjectConfigCache;
  private readonly facts: ProjectFactsCache;
  private readonly engine = defaultEngine();

  constructor(private readonly setup: CheckSetup) {
    this.configs = new ProjectConfigCache(setup.configPath);
    this.facts = new ProjectFactsCache(setup.roots, true);
  }

  checkBatch(items: WorkItem[], withTimings: boolean): BatchResult {
    const result: BatchResult = { findings: [], skipped: [], filesChecked: 0, bytes: 0, timings: withTimings ? [] : undefined };
    for (const item of items) {
      const start = withTimings ? performance.now() : 0;
      let text = item.text;
      let bytes = 0;
      if (text === undefined) {
        try {
          const r = readTextFile(item.abs, this.setup.maxFileSize);
          if ('skip' in r) {
            if (r.skip === 'too-large') result.skipped.push({ path: item.abs, reason: `larger than ${this.setup.maxFileSize} bytes (${r.bytes})` });
            continue;
          }
          text = r.text;
          bytes = r.bytes;
        } catch (err) {
          result.skipped.push({ path: item.abs, reason: errorReason(err) });
          continue;
        }
      }
      result.filesChecked++;
      result.bytes += bytes || Buffer.byteLength(text);
      result.findings.push(...this.checkText(item.abs, text));
      if (withTimings) {
        const ms = performance.now() - start;
        result.timings!.push(ms);
        if (ms >= 100) (result.slow ??= []).push({ path: item.abs, ms });
      }
    }
    return result;
  }

  /**
   * Project facts depend only on the file's folder (env example lookup, manifest lookup, .gitignore): a CLI run is
   * one snapshot of the tree, so they are computed once per folder instead of once per file (the lookups are
   * dozens of `existsSync` calls per file in deep trees).
   */
  private readonly factsByDir = new Map<string, ProjectFacts>();
  private readonly varsByConfig = new Map<LoadedConfig, ReadonlySet<string>>();

  private factsFor(abs: string, loaded: LoadedConfig): ProjectFacts {
    // An env example file is never its own example: its facts differ from its folder's.
    const dir = ENV_EXAMPLE_NAMES.includes(basename(abs)) ? abs : dirname(abs);
    let facts = this.factsByDir.get(dir);
    if (!facts) {
      facts = factsWithConfig(this.facts.factsFor(abs, loaded.config.platformVariables), loaded, abs);
      // One platform-variable set per config, not one per folder (8,000 folders × 150 names adds up).
      let vars = this.varsByConfig.get(loaded);
      if (!vars) this.varsByConfig.set(loaded, (vars = facts.platformVariables));
      facts = { ...facts, platformVariables: vars };
      this.factsByDir.set(dir, facts);
    }
    return facts;
  }

  checkText(abs: string, text: string): FileFinding[] {
    const loaded = this.configs.forFile(abs);
    const options = { ...checkOptionsFor(loaded, this.setup.severities, abs, this.setup.projectRoot), fingerprints: true };
    const facts = this.factsFor(abs, loaded);
    const rel = toPosix(relative(this.setup.cwd, abs));
    return this.engine.check({ path: abs, text, language: languageOf(abs) }, facts, options).map((f) => ({
      ruleId: f.ruleId,
      factor: f.factor,
      severity: f.severity,
      file: rel,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      message: f.message,
      fingerprint: f.fingerprint ?? '',
      fingerprintPath: options.fingerprintPath ?? rel,
    }));
  }
}
