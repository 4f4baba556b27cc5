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
