/** Helpers for the checklist tests: fixture projects as snapshots, rule findings from the real engine. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadSnapshot } from '../../server/src/checklist/snapshot';
import {
  defaultEngine,
  languageOf,
  parseEnvExample,
  PLATFORM_VARIABLES,
  type ProjectFacts,
} from '../../server/src/core';
import {
  computeChecklist,
  fileFindings,
  type Checklist,
  type ChecklistCheck,
  type ChecklistFactor,
  type FileFinding,
  type ProjectSnapshot,
} from '../../server/src/core/checklist';

export const CHECKLIST_FIXTURES = join(__dirname, '..', 'fixtures', 'checklist');

/** Every file below `dir`, relative to it, `/`-separated. */
export function walk(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const rel = prefix === '' ? name : `${prefix}/${name}`;
    if (statSync(p).isDirectory()) out.push(...walk(p, rel));
    else out.push(rel);
  }
  return out;
}

/** A fixture project as the checklist sees it; git-ness is given (a `.git` cannot be committed in a fixture). */
export function fixtureSnapshot(name: string, isGitRepo = true): ProjectSnapshot {
  const root = join(CHECKLIST_FIXTURES, name);
  return { ...loadSnapshot(root, walk(root)), isGitRepo };
}

/** An in-memory project. `ignored` lists the paths git ignores (undefined: ignore status unknown). */
export function memorySnapshot(files: Record<string, string>, options: { isGitRepo?: boolean; ignored?: string[] } = {}): ProjectSnapshot {
  const ignored = options.ignored;
  return {
    files: Object.keys(files).sort(),
    read: (p) => files[p],
    isGitRepo: options.isGitRepo ?? true,
    ...(ignored ? { gitIgnored: (p: string) => ignored.includes(p) } : {}),
  };
}

/** The engine's findings over every file of the snapshot, as the CLI would pass them. */
export function ruleFindings(snapshot: ProjectSnapshot): FileFinding[] {
  const examplePath = snapshot.files.find((f) => f === '.env.example');
  const exampleText = examplePath ? snapshot.read(examplePath) : undefined;
  const facts: ProjectFacts = {
    envExample: examplePath && exampleText !== undefined ? parseEnvExample(examplePath, exampleText) : undefined,
    envExampleCreatePath: '.env.example',
    platformVariables: new Set(PLATFORM_VARIABLES),
    isGitIgnored: snapshot.gitIgnored,
  };
  const out: FileFinding[] = [];
  for (const path of snapshot.files) {
    const text = snapshot.read(path);
    if (text === undefined) continue;
    out.push(...fileFindings(path, defaultEngine().check({ path, text, language: languageOf(path) }, facts)));
  }
  return out;
}

export interface Result {
  checklist: Checklist;
  factor(n: number): ChecklistFactor;
  check(id: string): ChecklistCheck;
}

export function resultOf(checklist: Checklist): Result {
  return {
    checklist,
    factor: (n) => {
      const f = checklist.factors.find((x) => x.number === n);
      if (!f) throw new Error(`no factor ${n}`);
      return f;
    },
    check: (id) => {
      const c = checklist.factors.flatMap((f) => f.checks).find((x) => x.id === id);
      if (!c) throw new Error(`no check ${id} (have ${checklist.factors.flatMap((f) => f.checks.map((x) => x.id)).join(', ')})`);
      return c;
    },
  };
}

/** Checklist of a fixture project with the real rule findings. */
export function checklistOfFixture(name: string, isGitRepo = true): Result {
  const snapshot = fixtureSnapshot(name, isGitRepo);
  return resultOf(computeChecklist(snapshot, ruleFindings(snapshot)));
}

/** Checklist of an in-memory project with the real rule findings. */
export function checklistOfFiles(files: Record<string, string>, options: { isGitRepo?: boolean; ignored?: string[] } = {}): Result {
  const snapshot = memorySnapshot(files, options);
  return resultOf(computeChecklist(snapshot, ruleFindings(snapshot)));
}

/** `file:line` of each finding, for compact assertions. */
export function locations(c: ChecklistCheck): string[] {
  return c.findings.map((f) => `${f.file}:${f.line}`);
}
