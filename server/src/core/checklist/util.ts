/** Small helpers shared by the factor checks: statuses, findings at offsets, path tests, file scanning. */
import { lineIndex } from '../text';
import type { FactorNumber, LineIndex, Severity } from '../types';
import type { ChecklistCheck, ChecklistFinding, CheckStatus, FileFinding, ProjectSnapshot } from './types';

const RANK: Record<CheckStatus, number> = { pass: 0, review: 1, warn: 2, fail: 3 };

/** fail > warn > review > pass. */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'pass';
  for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}

export function statusRank(s: CheckStatus): number {
  return RANK[s];
}

/**
 * The status a rule finding's effective severity stands for: errors fail, warnings warn; info and hint findings
 * (rules a user turned down, or rules that only hint) are listed but do not lower a check's status.
 */
export function statusOfSeverity(severity: Severity): CheckStatus {
  return severity === 'error' ? 'fail' : severity === 'warning' ? 'warn' : 'pass';
}

/** The severity of a checklist-own finding for the status it causes. */
export function severityOfStatus(status: CheckStatus): Severity {
  return status === 'fail' ? 'error' : status === 'warn' ? 'warning' : 'info';
}

export function check(
  id: string,
  title: string,
  status: CheckStatus,
  summary: string,
  findings: ChecklistFinding[] = [],
): ChecklistCheck {
  return { id, title, status, summary, findings };
}

/** `n thing` / `n things`. */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

export function fromRuleFinding(f: FileFinding): ChecklistFinding {
  return {
    ruleId: f.ruleId,
    factor: f.factor,
    severity: f.severity,
    file: f.file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    message: f.message,
  };
}

/** A text with its line index, built once per file. */
export interface IndexedText {
  path: string;
  text: string;
  lines: LineIndex;
}

/** Reads files through the snapshot once each, with their line index. */
export class TextCache {
  private readonly cache = new Map<string, IndexedText | null>();
  constructor(readonly snapshot: ProjectSnapshot) {}

  get(path: string): IndexedText | undefined {
    let entry = this.cache.get(path);
    if (entry === undefined) {
      const text = this.snapshot.read(path);
      entry = text === undefined ? null : { path, text, lines: lineIndex(text) };
      this.cache.set(path, entry);
    }
    return entry ?? undefined;
  }
}

/** A checklist finding spanning offsets `start`..`end` of a file. */
export function findingAt(
  file: IndexedText,
  start: number,
  end: number,
  factor: FactorNumber,
  severity: Severity,
  message: string,
): ChecklistFinding {
  const s = file.lines.positionAt(start);
  const e = file.lines.positionAt(Math.max(start, end));
  return {
    factor,
    severity,
    file: file.path,
    line: s.line + 1,
    column: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
    message,
  };
}

/** A finding on the first line of a file (for "this file is the problem" findings). */
export function findingOnFile(path: string, factor: FactorNumber, severity: Severity, message: string): ChecklistFinding {
  return { factor, severity, file: path, line: 1, column: 1, endLine: 1, endColumn: 1, message };
}

/** Every match of `re` (given without flags; `g` is added) in `text`, as [start, end, match]. */
export function matchesOf(text: string, re: RegExp): RegExpExecArray[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: RegExpExecArray[] = [];
  for (let m = g.exec(text); m; m = g.exec(text)) {
    out.push(m);
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The folder of a project-relative path; '' for the project root. */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** `dir` itself and each of its ancestors up to the root (''), nearest first. */
export function selfAndAncestors(dir: string): string[] {
  const out = [dir];
  let d = dir;
  while (d !== '') {
    d = dirname(d);
    out.push(d);
  }
  return out;
}

/** Folders whose files are not the app itself: dependencies, build output, tests, examples, fixtures, docs. */
const NOT_APP_SEGMENT =
  /(?:^|\/)(?:node_modules|vendor|bower_components|\.git|\.venv|venv|dist|build|target|out|coverage|__pycache__|test|tests|spec|specs|__tests__|fixtures|testdata|examples?|samples?|docs?|third_party)(?:\/|$)/i;

export function isOutsideApp(path: string): boolean {
  return NOT_APP_SEGMENT.test(path);
}

const CODE_EXT = /\.(?:[cm]?[jt]sx?|py|go|java|kt|kts|rb|php|cs|rs|ex|exs|scala|clj|groovy)$/i;

export function isCodeFile(path: string): boolean {
  return CODE_EXT.test(path) && !/\.d\.ts$/i.test(path) && !/\.min\.js$/i.test(path);
}

/** The most source files any one scan reads: a bound on the work of a checklist over a huge repository. */
export const MAX_SCANNED_FILES = 4000;

/** App code files (not tests, vendored code or build output), at most MAX_SCANNED_FILES of them. */
export function appCodeFiles(snapshot: ProjectSnapshot): string[] {
  const out: string[] = [];
  for (const f of snapshot.files) {
    if (isCodeFile(f) && !isOutsideApp(f)) out.push(f);
    if (out.length >= MAX_SCANNED_FILES) break;
  }
  return out;
}

/** Does the text contain any of the (lower-case) words, case-insensitively? A cheap prefilter before regexes. */
export function mentions(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((w) => lower.includes(w));
}
