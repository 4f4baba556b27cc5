import { relative, resolve, sep } from 'node:path';
import { checklistForProject, renderJson, renderMarkdown, renderText, statusCounts, type FileFinding as ChecklistFinding } from '../checklist';
import type { ChecklistArgs } from './args';
import { runChecks } from './pool';
import { assertConfigsValid, mergeResults, planScan } from './scan';

/**
 * `twelve-factor checklist [path]`: the twelve factors for the project at `path` — the rules' findings (the same
 * scan as `check`) plus the project-level checks — as text, JSON or a pull-request-ready Markdown list. Exit code
 * 1 when a factor fails, else 0.
 */
export async function runChecklist(args: ChecklistArgs, workerScript: string | undefined): Promise<{ output: string; code: number; skipped: string[] }> {
  const cwd = process.cwd();
  const root = resolve(cwd, args.path);
  const plan = planScan(
    { command: 'check', paths: [root], format: 'json', failOn: 'never', includeVendored: args.includeVendored, quiet: true, color: false, configPath: args.configPath, diffLines: false, jobs: args.jobs, printAccepted: false },
    cwd,
  );
  const parts = await runChecks(plan.setup, plan.source, { jobs: args.jobs, timings: false, workerScript, beforeBatch: (batch) => assertConfigsValid(plan, cwd, batch) });
  assertConfigsValid(plan, cwd);
  const result = mergeResults(parts, plan.skipped);
  const findings: ChecklistFinding[] = result.findings.map((f) => ({
    file: relative(root, resolve(cwd, f.file)).split(sep).join('/'),
    ruleId: f.ruleId,
    factor: f.factor as ChecklistFinding['factor'],
    severity: f.severity,
    range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } },
    message: f.message,
  }));
  const checklist = checklistForProject(root, plan.items.map((i) => i.abs), findings);
  const output =
    args.format === 'json'
      ? renderJson(checklist)
      : args.format === 'markdown'
        ? renderMarkdown(checklist, args.linkBase ? { linkBase: args.linkBase } : {})
        : renderText(checklist, { color: args.color });
  return { output, code: statusCounts(checklist).fail > 0 ? 1 : 0, skipped: result.skipped.map((s) => `${relative(cwd, s.path) || s.path}: ${s.reason}`) };
}
