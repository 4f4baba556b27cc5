/**
 * The Twelve-Factor checklist: all twelve factors judged for a whole project, from a snapshot of its files and the
 * rule findings over them. Pure: the caller builds the snapshot (server/src/checklist/snapshot.ts) and runs the
 * engine; this module only reads through `snapshot.read`.
 *
 * Decisions:
 * - A factor's status is the worst of its checks: fail > warn > review > pass. `review` checks are questions for a
 *   person (their title ends in `?`); their ids are stable so clients can store a tick per workspace and branch.
 * - Rule findings count by severity: error → fail, warning → warn, info/hint → listed without lowering the status.
 *   Hardcoded secrets always fail; env example gaps always warn. Findings of rules the checklist does not name go
 *   to a `<factor-slug>/other-rules` check of their factor.
 * - Files git ignores are not part of the codebase; only the `.env` check looks at them.
 * - Folders of tests, fixtures, examples, docs, vendored and built code are not apps (manifests there do not count).
 * - A missing lock file warns; a missing manifest fails (review when there is no code at all).
 * - Migrations chained into a web process's start command warn (see admin.ts).
 */
import { FACTORS } from '../rule';
import type { FactorNumber, ReportedFinding } from '../types';
import { adminChecks } from './admin';
import { buildChecks } from './build';
import { runCommands } from './commands';
import { backingServiceChecks, configChecks, logChecks, otherRuleCheck, portChecks } from './config';
import { disposabilityChecks } from './disposability';
import { codebaseChecks, dependencyChecks, findManifests } from './manifests';
import { parityChecks } from './parity';
import { concurrencyChecks, processChecks } from './processes';
import type { Checklist, ChecklistCheck, ChecklistFactor, FileFinding, ProjectSnapshot } from './types';
import { statusRank, TextCache, worstStatus } from './util';

export type * from './types';
export { worstStatus } from './util';

/** Computes the checklist. `ruleFindings` are the engine's findings over the project's files (masked messages). */
export function computeChecklist(all: ProjectSnapshot, ruleFindings: readonly FileFinding[]): Checklist {
  // Files git ignores are not part of the codebase (build output, local tools): only the .env check looks at them.
  const ignored = all.gitIgnored;
  const snapshot: ProjectSnapshot = ignored && all.isGitRepo ? { ...all, files: all.files.filter((f) => !ignored(f)) } : all;
  const texts = new TextCache(snapshot);
  const manifests = findManifests(snapshot);
  const commands = runCommands(snapshot.files, texts);
  const byFactor: Record<FactorNumber, () => ChecklistCheck[]> = {
    1: () => codebaseChecks(snapshot, manifests, texts),
    2: () => dependencyChecks(snapshot, manifests, texts),
    3: () => configChecks(snapshot, texts, ruleFindings, all.files),
    4: () => backingServiceChecks(ruleFindings),
    5: () => buildChecks(snapshot, manifests, commands),
    6: () => processChecks(snapshot, texts),
    7: () => portChecks(snapshot, texts, ruleFindings),
    8: () => concurrencyChecks(snapshot, texts, commands),
    9: () => disposabilityChecks(snapshot, texts, commands),
    10: () => parityChecks(snapshot, texts),
    11: () => logChecks(ruleFindings),
    12: () => adminChecks(snapshot, texts, commands),
  };
  const factors = FACTORS.map((f): ChecklistFactor => {
    const checks = byFactor[f.number]();
    const other = otherRuleCheck(f.number, ruleFindings);
    if (other) checks.push(other);
    return { number: f.number, name: f.name, roman: f.roman, slug: f.slug, status: worstStatus(checks.map((c) => c.status)), summary: summarize(checks), checks };
  });
  return { version: 1, factors };
}

/** The summaries of the checks that did not pass, worst first; when all passed, the pass summaries. */
function summarize(checks: ChecklistCheck[]): string {
  const failing = checks.filter((c) => c.status !== 'pass').sort((a, b) => statusRank(b.status) - statusRank(a.status));
  const chosen = failing.length > 0 ? failing : checks;
  return chosen.map((c) => c.summary).join(', ');
}

/** Counts of factors per status, for headers and badges. */
export function statusCounts(checklist: Checklist): Record<'pass' | 'review' | 'warn' | 'fail', number> {
  const counts = { pass: 0, review: 0, warn: 0, fail: 0 };
  for (const f of checklist.factors) counts[f.status]++;
  return counts;
}

/** Every check id of the `review` checks: the items a client may let a person tick off. */
export function reviewItems(checklist: Checklist): { id: string; title: string; factor: FactorNumber }[] {
  return checklist.factors.flatMap((f) => f.checks.filter((c) => c.status === 'review').map((c) => ({ id: c.id, title: c.title, factor: f.number })));
}

/** The engine's findings for one file, as the checklist takes them (`file` relative to the project root, `/`). */
export function fileFindings(file: string, findings: readonly ReportedFinding[]): FileFinding[] {
  return findings.map((f) => ({
    file,
    ruleId: f.ruleId,
    factor: f.factor,
    severity: f.severity,
    range: f.range,
    message: f.message,
    ...(f.data ? { data: f.data } : {}),
  }));
}
