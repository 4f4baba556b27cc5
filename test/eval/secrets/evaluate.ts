/**
 * Evaluates `config/hardcoded-secret` on the realistic projects under test/eval/secrets/<project>/ against the
 * ground truth in labels.json (file + 1-based line + kind of every real secret). A finding on a labelled line is a
 * true positive (several findings on one labelled line count once); a finding on any other line is a false
 * positive; a labelled line without a finding is a false negative.
 *
 * Run: node --import tsx test/eval/secrets/evaluate.ts   (add --verbose to list every FP and FN)
 *
 * Each project's `gitignore` file plays the part of its .gitignore (a real .gitignore here would hide the eval's
 * own files from this repository's git). Output never shows a secret: only file:line and the rule's masked message.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import ignore from 'ignore';
import { defaultEngine, languageOf, PLATFORM_VARIABLES, type ProjectFacts } from '../../../server/src/core';

const RULE = 'config/hardcoded-secret';
export const EVAL_DIR = __dirname;

interface Label {
  project: string;
  file: string;
  line: number;
  kind: string;
}

export interface Miss {
  file: string;
  line: number;
  detail: string;
}

export interface ProjectResult {
  project: string;
  files: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  falsePositives: Miss[];
  falseNegatives: Miss[];
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function evaluateProject(project: string, labels: readonly Label[]): ProjectResult {
  const root = join(EVAL_DIR, project);
  const ig = ignore();
  if (existsSync(join(root, 'gitignore'))) ig.add(readFileSync(join(root, 'gitignore'), 'utf8'));
  const facts: ProjectFacts = {
    envExampleCreatePath: join(root, '.env.example'),
    platformVariables: new Set(PLATFORM_VARIABLES),
    isGitIgnored: (p) => ig.ignores(p.startsWith('/') ? relative(root, p) : p),
  };
  const expected = new Map<string, Label>();
  for (const l of labels) if (l.project === project) expected.set(`${l.file}:${l.line}`, l);
  const flagged = new Map<string, string>();
  const files = walk(root).filter((f) => !f.endsWith('/gitignore'));
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const rel = relative(root, path);
    for (const f of defaultEngine().check({ path, text, language: languageOf(path) }, facts)) {
      if (f.ruleId !== RULE) continue;
      const key = `${rel}:${f.range.start.line + 1}`;
      if (!flagged.has(key)) flagged.set(key, `${String(f.data?.kind ?? '')}: ${f.message}`);
    }
  }
  const falsePositives: Miss[] = [];
  const falseNegatives: Miss[] = [];
  let tp = 0;
  for (const [key, detail] of flagged) {
    const [file, line] = [key.slice(0, key.lastIndexOf(':')), Number(key.slice(key.lastIndexOf(':') + 1))];
    if (expected.has(key)) tp++;
    else falsePositives.push({ file, line, detail });
  }
  for (const [key, l] of expected) if (!flagged.has(key)) falseNegatives.push({ file: l.file, line: l.line, detail: l.kind });
  const fp = falsePositives.length;
  const fn = falseNegatives.length;
  return { project, files: files.length, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), falsePositives, falseNegatives };
}

export function evaluate(): { projects: ProjectResult[]; overall: Omit<ProjectResult, 'falsePositives' | 'falseNegatives'> } {
  const labels: Label[] = JSON.parse(readFileSync(join(EVAL_DIR, 'labels.json'), 'utf8')).secrets;
  const projects = readdirSync(EVAL_DIR)
    .filter((d) => statSync(join(EVAL_DIR, d)).isDirectory())
    .sort()
    .map((p) => evaluateProject(p, labels));
  const sum = (k: 'tp' | 'fp' | 'fn' | 'files') => projects.reduce((n, r) => n + r[k], 0);
  const tp = sum('tp');
  const fp = sum('fp');
  const fn = sum('fn');
  return { projects, overall: { project: 'overall', files: sum('files'), tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) } };
}

if (require.main === module) {
  const verbose = process.argv.includes('--verbose');
  const { projects, overall } = evaluate();
  const row = (r: Omit<ProjectResult, 'falsePositives' | 'falseNegatives'>) =>
    `${r.project.padEnd(18)} files ${String(r.files).padStart(3)}  TP ${String(r.tp).padStart(3)}  FP ${String(r.fp).padStart(3)}  FN ${String(r.fn).padStart(3)}  precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}`;
  for (const r of projects) {
    console.log(row(r));
    if (verbose || r.fp + r.fn > 0) {
      for (const m of r.falsePositives) console.log(`    FP ${m.file}:${m.line}  ${m.detail}`);
      for (const m of r.falseNegatives) console.log(`    FN ${m.file}:${m.line}  (${m.detail})`);
    }
  }
  console.log(row(overall));
}
