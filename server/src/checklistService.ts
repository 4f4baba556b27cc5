import { join, relative, sep } from 'node:path';
import { checklistForProject, fileFindings, gitBranch, renderMarkdown, type Checklist } from './checklist';
import { FACTORS } from './core';
import { worstStatus } from './core/checklist';
import type { ChecklistParams, ChecklistResult } from './protocol';
import type { WorkspaceScan } from './workspaceScan';

/**
 * The Twelve-Factor checklist of a workspace folder, computed from the workspace scan's file list and findings
 * (no extra walk), with the reviewer's ticked review items counted as done in the Markdown export.
 */
export function workspaceChecklist(
  roots: string[],
  scan: WorkspaceScan,
  params: ChecklistParams,
  /** Unsaved text of open documents, by absolute path. */
  openText: (path: string) => string | undefined = () => undefined,
): ChecklistResult | null {
  const root = params.root ?? roots[0];
  if (!root) return null;
  const { files, findings } = scan.filesUnder(root);
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  const ruleFindings = findings.flatMap(([path, list]) => fileFindings(rel(path), list));
  const checklist = checklistForProject(root, files, ruleFindings, { overlay: (r) => openText(join(root, r)) });
  const reviewed = new Set(params.reviewed ?? []);
  return {
    root,
    branch: gitBranch(root) ?? null,
    checklist,
    markdown: renderMarkdown(withReviewed(checklist, reviewed)),
    about: Object.fromEntries(FACTORS.map((f) => [f.number, f.about])),
  };
}

/** The checklist with the review checks a person ticked marked as passed. */
export function withReviewed(checklist: Checklist, reviewed: ReadonlySet<string>): Checklist {
  if (reviewed.size === 0) return checklist;
  return {
    ...checklist,
    factors: checklist.factors.map((f) => {
      const checks = f.checks.map((c) =>
        c.status === 'review' && reviewed.has(c.id) ? { ...c, status: 'pass' as const, summary: `${c.summary} — reviewed` } : c,
      );
      return { ...f, checks, status: worstStatus(checks.map((c) => c.status)) };
    }),
  };
}
