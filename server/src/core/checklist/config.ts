/**
 * The factors judged mostly from rule findings: III (Config), IV (Backing services), VII (Port binding) and
 * XI (Logs), plus a catch-all check per factor for findings of rules the checklist does not know by id.
 */
import { PLATFORM_VARIABLES } from '../env/platform';
import { findEnvReads } from '../env/reads';
import { languageOf } from '../languages';
import { FACTORS } from '../rule';
import type { FactorNumber } from '../types';
import type { ChecklistCheck, ChecklistFinding, FileFinding, ProjectSnapshot } from './types';
import {
  appCodeFiles,
  basename,
  check,
  findingAt,
  findingOnFile,
  fromRuleFinding,
  isOutsideApp,
  mentions,
  plural,
  statusOfSeverity,
  worstStatus,
  type TextCache,
} from './util';

export const RULE_IDS = {
  secret: 'config/hardcoded-secret',
  missingFromExample: 'config/env-missing-from-example',
  dotenvKeyMissing: 'config/dotenv-key-missing-from-example',
  envNotIgnored: 'config/env-file-not-ignored',
  backingUrl: 'backing-services/hardcoded-url',
  port: 'port-binding/hardcoded-port',
  logFile: 'logs/log-to-file',
} as const;

const EXAMPLE_FILE = /^(?:\.env\.(?:example|sample|template|dist|defaults)|(?:example|sample)\.env|env\.(?:example|sample))$/i;
/** Env files that hold real values and must stay out of git (`.env.development`/`.env.test` are often shared on purpose). */
const REAL_ENV_FILE = /^\.env(?:\.(?:local|production|prod|staging)|\.[\w-]{1,30}\.local)?$/i;

export function isEnvExample(path: string): boolean {
  return EXAMPLE_FILE.test(basename(path));
}

function ofRule(findings: readonly FileFinding[], ruleId: string): FileFinding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** A check filled from one rule's findings: pass when none, else the status of the worst severity (or `status`). */
function ruleCheck(
  id: string,
  title: string,
  found: FileFinding[],
  passSummary: string,
  failSummary: (n: number) => string,
  status?: 'fail' | 'warn',
): ChecklistCheck {
  if (found.length === 0) return check(id, title, 'pass', passSummary);
  const worst = worstStatus(found.map((f) => statusOfSeverity(f.severity)));
  const counted = found.filter((f) => statusOfSeverity(f.severity) !== 'pass').length;
  if (worst === 'pass') return check(id, title, 'pass', `${passSummary} (${plural(found.length, 'hint')})`, found.map(fromRuleFinding));
  return check(id, title, status ?? worst, failSummary(counted), found.map(fromRuleFinding));
}

/** The first read of a (non-platform) environment variable in app code, as a finding asking for an example file. */
function firstEnvRead(snapshot: ProjectSnapshot, texts: TextCache): ChecklistFinding | undefined {
  for (const path of appCodeFiles(snapshot)) {
    const file = texts.get(path);
    if (!file || !mentions(file.text, ['env'])) continue;
    const read = findEnvReads(file.text, languageOf(path), path).find((r) => !PLATFORM_VARIABLES.includes(r.name));
    if (read) {
      return findingAt(file, read.start, read.end, 3, 'warning', `${read.name} is read from the environment but the project has no .env.example listing its variables.`);
    }
  }
  return undefined;
}

/** `allFiles` includes the files git ignores (the tracked ones are in `snapshot.files`): .env files among them are fine. */
export function configChecks(
  snapshot: ProjectSnapshot,
  texts: TextCache,
  ruleFindings: readonly FileFinding[],
  allFiles: readonly string[] = snapshot.files,
): ChecklistCheck[] {
  const secrets = ruleCheck(
    'config/no-hardcoded-secrets',
    'No secrets in the code',
    ofRule(ruleFindings, RULE_IDS.secret),
    'no hardcoded secrets',
    (n) => plural(n, 'hardcoded secret'),
    'fail',
  );

  const examples = snapshot.files.filter((f) => isEnvExample(f) && !isOutsideApp(f));
  const missing = ofRule(ruleFindings, RULE_IDS.missingFromExample).concat(ofRule(ruleFindings, RULE_IDS.dotenvKeyMissing));
  const exampleTitle = 'Config variables are documented in an env example file';
  const checks: ChecklistCheck[] = [secrets];
  if (examples.length > 0) {
    checks.push(check('config/env-example', exampleTitle, 'pass', examples.slice(0, 3).join(', ')));
    const names = new Set(missing.map((f) => String(f.data?.variable ?? f.message)));
    checks.push(
      ruleCheck(
        'config/env-example-complete',
        'The env example file lists every variable the code reads',
        missing,
        'env example complete',
        () => `env example incomplete (${plural(names.size, 'variable')})`,
        'warn',
      ),
    );
  } else {
    // Without an example file, the variables the rule reports are the ones the missing file should list.
    const reader = missing.length === 0 ? firstEnvRead(snapshot, texts) : undefined;
    const findings = missing.length > 0 ? missing.map(fromRuleFinding) : reader ? [reader] : [];
    checks.push(
      findings.length > 0
        ? check('config/env-example', exampleTitle, 'warn', 'no env example file', findings)
        : check('config/env-example', exampleTitle, 'pass', 'no app variables read from the environment'),
    );
  }

  const notIgnored: ChecklistFinding[] = ofRule(ruleFindings, RULE_IDS.envNotIgnored).map(fromRuleFinding);
  const reported = new Set(notIgnored.map((f) => f.file));
  const realEnvFiles = allFiles.filter((f) => REAL_ENV_FILE.test(basename(f)));
  let unknown = 0;
  for (const f of realEnvFiles) {
    if (reported.has(f)) continue;
    const ignored = snapshot.isGitRepo ? snapshot.gitIgnored?.(f) : undefined;
    if (ignored === undefined) unknown++;
    else if (!ignored) notIgnored.push(findingOnFile(f, 3, 'error', `${basename(f)} is not ignored by git: its values would be committed. Add it to .gitignore.`));
  }
  const title = 'Local .env files are ignored by git';
  const ignoredCheck =
    notIgnored.length > 0
      ? check('config/env-file-ignored', title, 'fail', `${plural(notIgnored.length, '.env file')} not ignored by git`, notIgnored)
      : unknown > 0
        ? check('config/env-file-ignored', 'Are local .env files kept out of version control?', 'review', `${plural(unknown, '.env file')}, git ignore status unknown`)
        : check('config/env-file-ignored', title, 'pass', realEnvFiles.length > 0 ? '.env ignored' : 'no local .env file');

  checks.push(ignoredCheck);
  return checks;
}

export function backingServiceChecks(ruleFindings: readonly FileFinding[]): ChecklistCheck[] {
  return [
    ruleCheck(
      'backing-services/no-hardcoded-urls',
      'Backing services are attached through config, not hardcoded URLs',
      ofRule(ruleFindings, RULE_IDS.backingUrl),
      'no hardcoded service URLs',
      (n) => plural(n, 'hardcoded service URL'),
    ),
  ];
}

const PORT_FROM_ENV = /\bPORT\b/;

export function portChecks(snapshot: ProjectSnapshot, texts: TextCache, ruleFindings: readonly FileFinding[]): ChecklistCheck[] {
  const found = ofRule(ruleFindings, RULE_IDS.port);
  let passSummary = 'no hardcoded port';
  if (found.length === 0) {
    for (const path of appCodeFiles(snapshot)) {
      const text = texts.get(path)?.text;
      if (!text || !PORT_FROM_ENV.test(text)) continue;
      if (findEnvReads(text, languageOf(path), path).some((r) => /PORT$/.test(r.name))) {
        passSummary = `port read from the environment (${path})`;
        break;
      }
    }
  }
  return [
    ruleCheck('port-binding/port-from-env', 'The app binds to a port given by the environment', found, passSummary, (n) => plural(n, 'hardcoded port')),
  ];
}

export function logChecks(ruleFindings: readonly FileFinding[]): ChecklistCheck[] {
  return [
    ruleCheck('logs/stdout', 'Logs go to stdout as an event stream, not to files', ofRule(ruleFindings, RULE_IDS.logFile), 'no log files written', (n) => plural(n, 'log file sink')),
  ];
}

const KNOWN = new Set<string>(Object.values(RULE_IDS));

/** Findings of the factor's rules that no specific check consumed (rules added after the checklist was written). */
export function otherRuleCheck(factor: FactorNumber, ruleFindings: readonly FileFinding[]): ChecklistCheck | undefined {
  const found = ruleFindings.filter((f) => f.factor === factor && !KNOWN.has(f.ruleId));
  if (found.length === 0) return undefined;
  const counted = found.filter((f) => statusOfSeverity(f.severity) !== 'pass');
  const slug = FACTORS.find((f) => f.number === factor)!.slug;
  const ids = [...new Set(found.map((f) => f.ruleId))];
  return check(
    `${slug}/other-rules`,
    'No other rule findings for this factor',
    worstStatus(found.map((f) => statusOfSeverity(f.severity))),
    counted.length > 0
      ? `${plural(counted.length, 'finding')} of ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? '…' : ''}`
      : `${plural(found.length, 'hint')} of ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? '…' : ''}`,
    found.map(fromRuleFinding),
  );
}
