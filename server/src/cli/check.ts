import { createHash } from 'node:crypto';
import { basename, dirname, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkOptionsFor, factsWithConfig, fingerprintPathFor, ProjectConfigCache, relativeTo, type LoadedConfig } from '../config';
import { batchEngine, ENV_EXAMPLE_NAMES, languageOf, type CheckOptions, type ProjectFacts, type ReportedFinding, type SeveritySetting } from '../core';
import { pushAll } from '../core/arrays';
import { decodeText, errorReason, readTextFile, type SkippedFile } from '../files/walk';
import type { Prefetched } from './prefetch';
import { ProjectFactsCache, type FolderFacts } from '../projectFacts';

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

/**
 * One file to check. `text` is given for `--staged` (the index's content); otherwise the file is read. `facts`:
 * its env example lookups, when the walk that listed it worked them out.
 */
export interface WorkItem {
  abs: string;
  text?: string;
  facts?: FolderFacts;
  /** The file's bytes in the batch's buffer, when the main thread read them ahead (see prefetch). */
  read?: Prefetched;
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

/** The fingerprints' SHA-256 from node:crypto (the core's own gives the same digests, more slowly). */
const nodeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** How much text is read ahead before checking it when files are read by the checking thread (see checkBatch). */
const READ_AHEAD_BYTES = 1024 * 1024;

/** Checks files with the core: the same code runs on the main thread (`--jobs 1`) and in each worker. */
export class FileChecker {
  readonly configs: ProjectConfigCache;
  private readonly facts: ProjectFactsCache;
  private readonly engine = batchEngine();

  constructor(private readonly setup: CheckSetup) {
    this.configs = new ProjectConfigCache(setup.configPath);
    this.facts = new ProjectFactsCache(setup.roots, true);
  }

  /** `data`: the slot that the items read ahead point into (see prefetch). */
  checkBatch(items: WorkItem[], withTimings: boolean, data?: Buffer): BatchResult {
    const result: BatchResult = { findings: [], skipped: [], filesChecked: 0, bytes: 0, timings: withTimings ? [] : undefined };
    // Files read here (a small scan on the main thread, or files that did not fit in the slot) are read a run at
    // a time (up to READ_AHEAD_BYTES), then checked: the reads, one after another, keep the kernel's caches warm
    // (interleaved with checking, the same system calls took 2.5 times as long on the bench tree: 1.0 s against
    // 0.4 s).
    for (let from = 0; from < items.length; ) {
      const texts: ({ text: string; bytes: number } | undefined)[] = [];
      const readMs: number[] = [];
      let held = 0;
      let to = from;
      // Files read ahead by the main thread are decoded one at a time, just before they are checked: a text
      // that lives across a garbage collection is copied by it.
      const readAhead = data === undefined ? READ_AHEAD_BYTES : 1;
      for (; to < items.length && held < readAhead; to++) {
        const start = withTimings ? performance.now() : 0;
        const read = this.read(items[to], result, data);
        texts.push(read);
        // A file read ahead by the main thread: its read time there, plus the decoding here.
        if (withTimings) readMs.push((items[to].read?.ms ?? 0) + performance.now() - start);
        if (read !== undefined) held += read.text.length;
      }
      for (let i = from; i < to; i++) {
        const read = texts[i - from];
        if (read === undefined) continue;
        const start = withTimings ? performance.now() : 0;
        result.filesChecked++;
        result.bytes += read.bytes;
        pushAll(result.findings, this.checkText(items[i].abs, read.text, items[i].facts));
        if (withTimings) {
          const ms = readMs[i - from] + performance.now() - start;
          result.timings!.push(ms);
          if (ms >= 100) (result.slow ??= []).push({ path: items[i].abs, ms });
        }
      }
      from = to;
    }
    return result;
  }

  /** The item's text (read from disk unless given or read ahead) and size, or undefined when it is skipped (recorded in `result`). */
  private read(item: WorkItem, result: BatchResult, data?: Buffer): { text: string; bytes: number } | undefined {
    if (item.text !== undefined) return { text: item.text, bytes: Buffer.byteLength(item.text) };
    try {
      const ahead = item.read;
      const r =
        ahead === undefined || data === undefined
          ? readTextFile(item.abs, this.setup.maxFileSize)
          : 'error' in ahead
            ? ahead
            : 'tooLarge' in ahead
              ? ({ skip: 'too-large', bytes: ahead.tooLarge } as const)
              : decodeText(data.subarray(ahead.at, ahead.at + ahead.length));
      if ('error' in r) {
        result.skipped.push({ path: item.abs, reason: r.error });
        return undefined;
      }
      if ('skip' in r) {
        if (r.skip === 'too-large') result.skipped.push({ path: item.abs, reason: `larger than ${this.setup.maxFileSize} bytes (${r.bytes})` });
        return undefined;
      }
      return r;
    } catch (err) {
      result.skipped.push({ path: item.abs, reason: errorReason(err) });
      return undefined;
    }
  }

  /**
   * Project facts depend only on the file's folder (env example lookup, manifest lookup, .gitignore): a CLI run is
   * one snapshot of the tree, so they are computed once per folder instead of once per file (the lookups are
   * dozens of `existsSync` calls per file in deep trees).
   */
  private readonly factsByDir = new Map<string, ProjectFacts>();
  private readonly varsByConfig = new Map<LoadedConfig, ReadonlySet<string>>();

  private factsFor(abs: string, loaded: LoadedConfig, known?: FolderFacts): ProjectFacts {
    // An env example file is never its own example: its facts differ from its folder's.
    const dir = ENV_EXAMPLE_NAMES.includes(basename(abs)) ? abs : dirname(abs);
    let facts = this.factsByDir.get(dir);
    if (!facts) {
      facts = factsWithConfig(this.facts.factsFor(abs, loaded.config.platformVariables, known), loaded, abs);
      // One platform-variable set per config, not one per folder (8,000 folders × 150 names adds up).
      let vars = this.varsByConfig.get(loaded);
      if (!vars) this.varsByConfig.set(loaded, (vars = facts.platformVariables));
      facts = { ...facts, platformVariables: vars };
      this.factsByDir.set(dir, facts);
    }
    return facts;
  }

  /** The engine options of each config (its severities, allowlists, accepted findings): the same for all its files. */
  private readonly optionsByConfig = new Map<LoadedConfig, CheckOptions>();

  checkText(abs: string, text: string, known?: FolderFacts): FileFinding[] {
    const loaded = this.configs.forFile(abs);
    let shared = this.optionsByConfig.get(loaded);
    if (!shared) this.optionsByConfig.set(loaded, (shared = { ...checkOptionsFor(loaded, this.setup.severities), fingerprints: true, sha256: nodeSha256 }));
    // Paths are worked out only for a file with findings (most files of a tree have none).
    let printPath: string | undefined;
    const fingerprintPath = () => (printPath ??= fingerprintPathFor(loaded, abs, this.setup.projectRoot));
    const facts = this.factsFor(abs, loaded, known);
    const found = this.engine.check({ path: abs, text, language: languageOf(abs) }, facts, { ...shared, fingerprintPath });
    if (found.length === 0) return [];
    const rel = toPosix(relativeTo(this.setup.cwd, abs));
    return found.map((f) => ({
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
      fingerprintPath: fingerprintPath(),
    }));
  }
}
