/**
 * The vocabulary of the Twelve-Factor checklist: a snapshot of the project (file list + lazy reads), the rule
 * findings computed elsewhere, and the checklist itself (12 factors, each a list of checks with findings).
 * Pure: the snapshot is built outside the core (server/src/checklist/snapshot.ts, or by a test).
 */
import type { FactorNumber, Range, Severity } from '../types';

/** What the checklist knows about the project. Paths are project-relative and `/`-separated. */
export interface ProjectSnapshot {
  /** Every file of the project worth looking at (no `node_modules`, no `.git`), project-relative. */
  files: readonly string[];
  /** The text of a (small) file of the project; undefined when absent, unreadable or too large. */
  read(path: string): string | undefined;
  /** Is the project inside a git work tree? */
  isGitRepo: boolean;
  /** Is the project-relative path ignored by git? Undefined when unknown. */
  gitIgnored?(path: string): boolean;
}

/** A rule finding as the engine reported it, with the project-relative path of its file. */
export interface FileFinding {
  file: string;
  ruleId: string;
  factor: FactorNumber;
  severity: Severity;
  range: Range;
  /** Already masked by the rule. */
  message: string;
  data?: Record<string, string | number | boolean>;
}

/**
 * A check's status. `review` means "cannot be judged automatically: a person should answer the check's title";
 * it ranks between `pass` and `warn` (see `worstStatus`).
 */
export type CheckStatus = 'pass' | 'review' | 'warn' | 'fail';

/** One problem, in the shape of the CLI's findings: 1-based line and column, end exclusive, `/` paths. */
export interface ChecklistFinding {
  /** Set when the finding comes from a rule; checklist-own findings have none. */
  ruleId?: string;
  factor: FactorNumber;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface ChecklistCheck {
  /** Stable id `<factor-slug>/<check>`: clients key stored review ticks on it. */
  id: string;
  /** What the check asks; for `review` checks, the question a reviewer should answer. */
  title: string;
  status: CheckStatus;
  /** A short phrase on the outcome, e.g. "2 hardcoded secrets" or "package-lock.json present". */
  summary: string;
  findings: ChecklistFinding[];
}

export interface ChecklistFactor {
  number: FactorNumber;
  name: string;
  roman: string;
  slug: string;
  /** The worst status of its checks. */
  status: CheckStatus;
  /** One line: the summaries of the checks that did not pass (worst first), else of those that did. */
  summary: string;
  checks: ChecklistCheck[];
}

export interface Checklist {
  version: 1;
  factors: ChecklistFactor[];
}
