import { parentPort, workerData } from 'node:worker_threads';
import { FileChecker, type CheckSetup, type WorkItem } from './check';
import { WORKER_FLAG } from './pool';

/** Is this thread a scan worker started by `runChecks` (the CLI bundle runs as both)? */
export function isScanWorker(): boolean {
  return parentPort !== null && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true;
}

/** The worker side: check each batch the main thread sends and post the result back. */
export function runScanWorker(): void {
  const checker = new FileChecker((workerData as { setup: CheckSetup }).setup);
  parentPort!.on('message', (m: { id: number; items: WorkItem[]; timings: boolean }) => {
    parentPort!.postMessage({ id: m.id, result: checker.checkBatch(m.items, m.timings) });
  });
}
