import { relative, sep } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { defaultEngine, type CheckOptions, type EnvExampleFacts, type ProjectFacts, type SourceFile } from './core';
import { GitIgnore } from './files/gitignore';

/** A check request as it crosses to the worker: the facts without their functions (rebuilt here). */
export interface WorkerRequest {
  id: number;
  file: SourceFile;
  root: string;
  envExample?: EnvExampleFacts;
  envExampleCreatePath?: string;
  platformVariables: string[];
  /** Variables read in the workspace, when the file needs them (env example files); undefined otherwise. */
  readNames?: string[];
  /** Severities, allowlists and accepted fingerprints (structured-cloned: RegExp, Map and Set survive). */
  options: CheckOptions;
}

/**
 * The worker thread that checks large documents off the server's main thread, so requests keep being answered
 * while a multi-megabyte file is checked. Runs the same engine; facts that are functions are rebuilt here.
 */
const gitignores = new Map<string, GitIgnore>();

parentPort?.on('message', (req: WorkerRequest) => {
  try {
    let gitignore = gitignores.get(req.root);
    if (!gitignore) gitignores.set(req.root, (gitignore = new GitIgnore(req.root)));
    const g = gitignore;
    const reads = req.readNames ? new Set(req.readNames) : undefined;
    const facts: ProjectFacts = {
      envExample: req.envExample,
      envExampleCreatePath: req.envExampleCreatePath,
      platformVariables: new Set(req.platformVariables),
      isGitIgnored: (p) => g.ignores(p.startsWith('/') ? relative(req.root, p).split(sep).join('/') : p),
      isReadInWorkspace: reads ? (n) => reads.has(n) : undefined,
    };
    parentPort!.postMessage({ id: req.id, findings: defaultEngine().check(req.file, facts, req.options) });
  } catch (err) {
    parentPort!.postMessage({ id: req.id, error: String(err) });
  }
});
