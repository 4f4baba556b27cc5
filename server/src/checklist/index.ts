/**
 * The non-pure side of the checklist, for the CLI and the server: build a snapshot from disk, compute, render.
 * The lead wires: `twelve-factor checklist [--format text|json|markdown]`, an LSP request returning `Checklist`,
 * and the VS Code tree view filled from that request.
 */
import { computeChecklist, type Checklist, type FileFinding } from '../core/checklist';
import { loadSnapshot, type SnapshotOptions } from './snapshot';

export { computeChecklist, fileFindings, reviewItems, statusCounts } from '../core/checklist';
export type * from '../core/checklist/types';
export { loadSnapshot, findGitRoot, gitBranch, DEFAULT_MAX_BYTES, type SnapshotOptions } from './snapshot';
export { renderJson, renderMarkdown, renderText, type MarkdownOptions } from './render';

/** Snapshot + compute in one call: `files` are the project's files (absolute or relative to `root`). */
export function checklistForProject(
  root: string,
  files: readonly string[],
  ruleFindings: readonly FileFinding[],
  options?: SnapshotOptions,
): Checklist {
  return computeChecklist(loadSnapshot(root, files, options), ruleFindings);
}
