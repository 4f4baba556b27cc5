/**
 * Scoring of one rule over labelled evaluation projects: each project folder holds a `labels.tsv` of
 * `file<TAB>line[<TAB>note]` rows (project-relative path, 1-based line), one per finding a careful reader
 * expects from reading the code. The rule runs over every file with its project-relative path (as the server
 * and CLI name files); a finding counts by its start line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Engine, languageOf, PLATFORM_VARIABLES, ruleById } from '../../../server/src/core';

export interface ProjectScore {
  project: string;
  truePositives: number;
  falsePositives: string[];
  falseNegatives: string[];
}

export interface Evaluation {
  projects: ProjectScore[];
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
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

const toPosix = (p: string) => p.split(sep).join('/');

function labelsOf(project: string): Map<string, number> {
  const labels = new Map<string, number>();
  for (const row of readFileSync(join(project, 'labels.tsv'), 'utf8').split(/\r?\n/)) {
    if (row.trim() === '' || row.startsWith('#')) continue;
    const [file, line] = row.split('\t');
    const key = `${file}\t${Number(line)}`;
    labels.set(key, (labels.get(key) ?? 0) + 1);
  }
  return labels;
}

export function scoreProject(root: string, project: string, ruleId: string): ProjectScore {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const engine = new Engine([rule]);
  const predicted = new Map<string, number>();
  for (const abs of walk(project)) {
    const rel = toPosix(relative(project, abs));
    if (rel === 'labels.tsv') continue;
    const file = { path: rel, text: readFileSync(abs, 'utf8'), language: languageOf(rel) };
    for (const f of engine.check(file, { platformVariables: new Set(PLATFORM_VARIABLES) })) {
      const key = `${rel}\t${f.range.start.line + 1}`;
      predicted.set(key, (predicted.get(key) ?? 0) + 1);
    }
  }
  const labels = labelsOf(project);
  let tp = 0;
  const fps: string[] = [];
  const fns: string[] = [];
  for (const [k, n] of predicted) {
    const want = labels.get(k) ?? 0;
    tp += Math.min(n, want);
    for (let i = want; i < n; i++) fps.push(k);
  }
  for (const [k, want] of labels) for (let i = predicted.get(k) ?? 0; i < want; i++) fns.push(k);
  return { project: relative(root, project), truePositives: tp, falsePositives: fps.sort(), falseNegatives: fns.sort() };
}

export function evaluate(root: string, ruleId: string): Evaluation {
  const projects = readdirSync(root)
    .map((n) => join(root, n))
    .filter((p) => statSync(p).isDirectory() && existsSync(join(p, 'labels.tsv')))
    .map((p) => scoreProject(root, p, ruleId));
  const tp = projects.reduce((s, p) => s + p.truePositives, 0);
  const fp = projects.reduce((s, p) => s + p.falsePositives.length, 0);
  const fn = projects.reduce((s, p) => s + p.falseNegatives.length, 0);
  return {
    projects,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

export function printEvaluation(title: string, e: Evaluation): void {
  const pct = (x: number) => x.toFixed(3);
  console.log(title);
  for (const p of e.projects) {
    console.log(`  ${p.project.padEnd(20)} TP ${String(p.truePositives).padStart(3)}  FP ${String(p.falsePositives.length).padStart(2)}  FN ${String(p.falseNegatives.length).padStart(2)}`);
    for (const f of p.falsePositives) console.log(`      FP  ${f.replace(/\t/g, ':')}`);
    for (const f of p.falseNegatives) console.log(`      FN  ${f.replace(/\t/g, ':')}`);
  }
  console.log(`  overall: TP ${e.truePositives} FP ${e.falsePositives} FN ${e.falseNegatives}  precision ${pct(e.precision)}  recall ${pct(e.recall)}`);
}
