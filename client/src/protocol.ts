/**
 * The custom requests the client sends, mirrored from server/src/protocol.ts as type-only declarations (the client
 * bundle never imports server code). Keep the two in step.
 */
export const FactorSummaryChanged = 'twelveFactor/factorSummaryChanged';
export const ChecklistRequest = 'twelveFactor/checklist';
export const RescanRequest = 'twelveFactor/rescan';

export type CheckStatus = 'pass' | 'review' | 'warn' | 'fail';

export interface ChecklistFinding {
  ruleId?: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface ChecklistCheck {
  id: string;
  title: string;
  status: CheckStatus;
  summary: string;
  findings: ChecklistFinding[];
}

export interface ChecklistFactor {
  number: number;
  name: string;
  roman: string;
  slug: string;
  status: CheckStatus;
  summary: string;
  checks: ChecklistCheck[];
}

export interface ChecklistResult {
  root: string;
  branch: string | null;
  checklist: { version: 1; factors: ChecklistFactor[] };
  markdown: string;
  about: Record<number, string>;
}
