import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { defaultEngine, languageOf, type ReportedFinding } from '../core';
import { errorReason, walk, type SkippedFile } from '../files/walk';
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
}

export interface ScanResult {
  findings: FileFinding[];
  filesChecked: number;
  skipped: SkippedFile[];
}

export interface ScanOptions {
  includeVendored: boolean;
  cwd: string;
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** Walks the given paths and checks every file with the core, with project facts from disk. */
export function scanPaths(paths: string[], options: ScanOptions): ScanResult {
  const findings: FileFinding[] = [];
  const skipped: SkippedFile[] = [];
  let filesChecked = 0;
  const targets: { root: string; files: string[] }[] = [];
  for (const p of paths) {
    const abs = resolve(options.cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch (err) {
      skipped.push({ path: abs, reason: errorReason(err) });
      continue;
    }
    if (st.isDirectory()) {
      const r = walk(abs, { includeVendored: options.includeVendored });
      skipped.push(...r.skipped);
      targets.push({ root: abs, files: r.files });
    } else {
      targets.push({ root: options.cwd, files: [abs] });
    }
  }
  const facts = new ProjectFactsCache(targets.map((t) => t.root));
  const engine = defaultEngine();
  for (const t of targets) {
    for (const file of t.files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        skipped.push({ path: file, reason: errorReason(err) });
        continue;
      }
      filesChecked++;
      const rel = toPosix(relative(options.cwd, file));
      for (const f of engine.check({ path: file, text, language: languageOf(file) }, facts.factsFor(file))) {
        findings.push({
          ruleId: f.ruleId,
          factor: f.factor,
          severity: f.severity,
          file: rel,
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
          message: f.message,
        });
      }
    }
  }
  return { findings, filesChecked, skipped };
}
