import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckOptions, ProjectFacts, ReportedFinding, SourceFile } from './core';
import type { WorkerRequest } from './checkWorker';

/** Documents at least this long are checked on the worker thread. */
export const OFF_THREAD_THRESHOLD = 512 * 1024;

/**
 * One lazily started worker thread (dist/checkWorker.js) for large documents. A newer request for the same
 * document does not cancel the older one; the caller drops stale results by version.
 */
export class OffThreadChecker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (f: ReportedFinding[]) => void; reject: (e: Error) => void }>();

  constructor(private readonly script = join(__dirname, 'checkWorker.js')) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script);
    w.unref();
    w.on('message', (m: { id: number; findings?: ReportedFinding[]; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.findings) p.resolve(m.findings);
      else p.reject(new Error(m.error ?? 'worker failed'));
    });
    const fail = (err: Error) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.worker = undefined;
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`check worker exited with code ${code}`)));
    this.worker = w;
    return w;
  }

  check(file: SourceFile, facts: ProjectFacts, root: string, options: CheckOptions, readNames?: string[]): Promise<ReportedFinding[]> {
    const id = this.nextId++;
    const req: WorkerRequest = {
      id,
      file,
      root,
      envExample: facts.envExample,
      envExampleCreatePath: facts.envExampleCreatePath,
      platformVariables: [...facts.platformVariables],
      readNames,
      options,
    };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ensure().postMessage(req);
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
