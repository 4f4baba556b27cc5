/**
 * Evaluation of `config/env-missing-from-example` on realistic projects (test/eval/env/<project>/), written
 * independently of the patterns: each project's `labels.tsv` lists, from reading the code, every read of an
 * environment variable that its governing env example file does not declare (`file<TAB>line<TAB>name`,
 * platform-provided variables excluded). The example files are found with the same discovery the server uses.
 *
 *   node --import tsx test/eval/env/evaluate.ts
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  Engine,
  envExampleCreatePath,
  findEnvExample,
  languageOf,
  parseEnvExample,
  PLATFORM_VARIABLES,
  ruleById,
  type ProjectFacts,
} from '../../../server/src/core';

export const EVAL_ROOT = __dirname;
const RULE_ID = 'config/env-missing-from-example';

export interface ProjectScore {
  project: string;
  truePositives: number;
  falsePositives: string[];
  falseNegatives: string[];
  precision: number;
  recall: number;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === '.git') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

function labelsOf(project: string): Set<string> {
  const labels = new Set<string>();
  for (const row of readFileSync(join(project, 'labels.tsv'), 'utf8').split(/\r?\n/)) {
    if (row.trim() === '' || row.startsWith('#')) continue;
    const [file, line, name] = row.split('\t');
    labels.add(`${file}\t${Number(line)}\t${name}`);
  }
  return labels;
}

/** Runs the rule over every file of one project and compares with its labels. */
export function scoreProject(project: string): ProjectScore {
  const rule = ruleById(RULE_ID);
  if (!rule) throw new Error(`no rule ${RULE_ID}`);
  const engine = new Engine([rule]);
  const predicted = new Set<string>();
  for (const abs of walk(project)) {
    const rel = toPosix(relative(project, abs));
    if (rel === 'labels.tsv') continue;
    const examplePath = findEnvExample(abs, project, existsSync);
    const facts: ProjectFacts = {
      envExample: examplePath ? parseEnvExample(examplePath, readFileSync(examplePath, 'utf8')) : undefined,
      envExampleCreatePath: envExampleCreatePath(abs, project, existsSync),
      platformVariables: new Set(PLATFORM_VARIABLES),
    };
    const file = { path: abs, text: readFileSync(abs, 'utf8'), language: languageOf(abs) };
    for (const f of engine.check(file, facts)) {
      if (f.ruleId === RULE_ID) predicted.add(`${rel}\t${f.range.start.line + 1}\t${String(f.data?.variable)}`);
    }
  }
  const labels = labelsOf(project);
  const tp = [...predicted].filter((p) => labels.has(p)).length;
  return {
    project: relative(EVAL_ROOT, project),
    truePositives: tp,
    falsePositives: [...predicted].filter((p) => !labels.has(p)).sort(),
    falseNegatives: [...labels].filter((l) => !predicted.has(l)).sort(),
    precision: predicted.size === 0 ? 1 : tp / predicted.size,
    recall: labels.size === 0 ? 1 : tp / labels.size,
  };
}

export function evaluateAll(): { projects: ProjectScore[]; precision: number; recall: number } {
  const projects = readdirSync(EVAL_ROOT)
    .map((n) => join(EVAL_ROOT, n))
    .filter((p) => statSync(p).isDirectory() && existsSync(join(p, 'labels.tsv')))
    .map(scoreProject);
  const tp = projects.reduce((s, p) => s + p.truePositives, 0);
  const fp = projects.reduce((s, p) => s + p.falsePositives.length, 0);
  const fn = projects.reduce((s, p) => s + p.falseNegatives.length, 0);
  return { projects, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

if (require.main === module) {
  const { projects, precision, recall } = evaluateAll();
  const pct = (x: number) => x.toFixed(3);
  for (const p of projects) {
    console.log(`${p.project.padEnd(18)} TP ${String(p.truePositives).padStart(3)}  FP ${String(p.falsePositives.length).padStart(2)}  FN ${String(p.falseNegatives.length).padStart(2)}  precision ${pct(p.precision)}  recall ${pct(p.recall)}`);
    for (const f of p.falsePositives) console.log(`    FP  ${f.replace(/\t/g, ':')}`);
    for (const f of p.falseNegatives) console.log(`    FN  ${f.replace(/\t/g, ':')}`);
  }
  console.log(`overall            precision ${pct(precision)}  recall ${pct(recall)}`);
}
