/** Custom requests and notifications shared by the server and the client (method names and payload types). */

export const FactorSummaryRequest = 'twelveFactor/factorSummary';
export const FactorSummaryChanged = 'twelveFactor/factorSummaryChanged';
export const OpenDocsCommand = 'twelveFactor.openDocs';

export interface FactorSummary {
  number: number;
  roman: string;
  name: string;
  /** Its page on 12factor.net. */
  slug: string;
  /** Findings of the factor's rules across the workspace (open documents with their unsaved text). */
  findings: number;
  /** Rule ids that check this factor. */
  rules: string[];
}

export interface FactorSummaryResult {
  factors: FactorSummary[];
  /** Files that have findings; `complete` once the background workspace scan has finished. */
  filesWithFindings: number;
  complete: boolean;
}

export const ChecklistRequest = 'twelveFactor/checklist';
export const RescanRequest = 'twelveFactor/rescan';

export interface ChecklistParams {
  /** The workspace folder (absolute path); the first folder when omitted. */
  root?: string;
  /** Ids of the review checks the user ticked: counted as done in the Markdown. */
  reviewed?: string[];
}

export interface ChecklistResult {
  root: string;
  /** The checked-out git branch (review ticks are kept per branch), null outside git. */
  branch: string | null;
  checklist: import('./checklist').Checklist;
  /** The PR-ready Markdown, masked like every other output. */
  markdown: string;
  /** Each factor's two-sentence explanation, by number (tooltips). */
  about: Record<number, string>;
}

/** The server's process id, for the end-to-end test that kills the server and waits for the client to recover. */
export const ServerInfoRequest = 'twelveFactor/serverInfo';
