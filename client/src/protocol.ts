/**
 * The custom requests the client sends, taken from the server's own definitions: the method names are plain
 * strings (bundled), the types are erased, so the client bundle pulls in no server code.
 */
export { ChecklistRequest, FactorSummaryChanged, RescanRequest, ServerInfoRequest } from '../../server/src/protocol';
export type { ChecklistResult } from '../../server/src/protocol';
export type { CheckStatus, ChecklistCheck, ChecklistFactor, ChecklistFinding } from '../../server/src/core/checklist/types';
