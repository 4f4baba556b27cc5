import { readFileSync } from 'node:fs';
import { defaultEngine, FACTORS, RULES, type ReportedFinding } from './core';
import { EnvReadIndex } from './core/env/index';
import { walk } from './files/walk';
import type { CheckSetup } from './checkSetup';
import type { FactorSummaryResult } from './protocol';
import type { Settings } from './settings';

/**
 * The workspace's findings, file by file: built by a background scan that yields between small batches (so
 * requests keep being answered), then kept current one file at a time from watched-file events and open
 * documents. Never rescans the whole tree on a keystroke.
 */
export class WorkspaceScan {
  private readonly findings = new Map<string, ReportedFinding[]>();
  /** Every file of the workspace worth checking (absolute paths), from the walk and later file events. */
  private readonly known = new Set<string>();
  /** Which files read which environment variables (references, hover counts, unused example keys). */
  readonly envIndex = new EnvReadIndex();
  private complete = false;
  private generation = 0;

  constructor(
    private readonly setup: CheckSetup,
    private readonly onChange: () => void,
    /** Called when the set of variables read in the workspace changed, or the index became ready. */
    private readonly onEnvReadsChanged: () => void = () => undefined,
  ) {
    setup.facts.setWorkspaceReads((name) => (this.complete ? this.envIndex.isRead(name) : undefined));
  }

  get ready(): boolean {
    return this.complete;
  }

  /** Scans `roots` in the background; a later call cancels an earlier scan. Resolves when this scan ends. */
  start(roots: string[], settingsFor: (path: string) => Promise<Settings>): Promise<void> {
    const generation = ++this.generation;
    this.findings.clear();
    this.known.clear();
    this.envIndex.clear();
    this.complete = false;
    const files = roots.flatMap((r) => walk(r).files);
    for (const f of files) this.known.add(f);
    let i = 0;
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const step = async () => {
      if (generation !== this.generation) return done();
      const batchEnd = Math.min(i + 25, files.length);
      for (; i < batchEnd; i++) await this.checkFromDisk(files[i], settingsFor);
      if (i < files.length) setImmediate(() => void step());
      else {
        this.complete = true;
        this.onChange();
        this.onEnvReadsChanged();
        done();
      }
    };
    setImmediate(() => void step());
    return finished;
  }

  async checkFromDisk(path: string, settingsFor: (path: string) => Promise<Settings>): Promise<void> {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      this.remove(path);
      return;
    }
    const settings = await settingsFor(path);
    this.setText(path, text, settings);
  }

  /** Records the findings of a file's current text (an open document's unsaved text wins over disk). */
  setText(path: string, text: string, settings: Settings, languageHint?: string): void {
    if (!settings.enable || text.length > settings.maxFileSize) {
      this.remove(path);
      return;
    }
    const prepared = this.setup.prepare(path, text, settings, languageHint);
    if (!prepared) {
      this.remove(path);
      return;
    }
    this.known.add(path);
    this.indexReads(path, text, prepared.file.language);
    this.set(path, defaultEngine().check(prepared.file, prepared.facts, prepared.options));
  }

  set(path: string, found: ReportedFinding[]): void {
    const before = this.findings.get(path)?.length ?? 0;
    if (found.length === 0) this.findings.delete(path);
    else this.findings.set(path, found);
    if (this.complete && (before !== 0 || found.length !== 0)) this.onChange();
  }

  remove(path: string): void {
    this.known.delete(path);
    this.indexReads(path, undefined);
    if (this.findings.delete(path) && this.complete) this.onChange();
  }

  /** Re-indexes a file's env reads (`text` undefined: the file is gone) and reports a change of the read names. */
  indexReads(path: string, text: string | undefined, language?: Parameters<EnvReadIndex['update']>[2]): void {
    const before = this.complete ? this.envIndex.names() : undefined;
    if (text === undefined || !language) this.envIndex.remove(path);
    else this.envIndex.update(path, text, language);
    if (!before) return;
    const after = this.envIndex.names();
    if (before.size !== after.size || [...after].some((n) => !before.has(n))) this.onEnvReadsChanged();
  }

  /** The known files below `root` and their current findings (for the checklist). */
  filesUnder(root: string): { files: string[]; findings: [string, ReportedFinding[]][] } {
    const inside = (p: string) => p.startsWith(root.endsWith('/') ? root : `${root}/`);
    return {
      files: [...this.known].filter(inside).sort(),
      findings: [...this.findings].filter(([p]) => inside(p)),
    };
  }

  summary(): FactorSummaryResult {
    const counts = new Map<number, number>();
    for (const list of this.findings.values()) for (const f of list) counts.set(f.factor, (counts.get(f.factor) ?? 0) + 1);
    return {
      factors: FACTORS.map((f) => ({
        number: f.number,
        roman: f.roman,
        name: f.name,
        slug: f.slug,
        findings: counts.get(f.number) ?? 0,
        rules: RULES.filter((r) => r.meta.factor === f.number).map((r) => r.meta.id),
      })),
      filesWithFindings: this.findings.size,
      complete: this.complete,
    };
  }
}
