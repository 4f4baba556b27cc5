import { parentPort, workerData } from 'node:worker_threads';
import { FileChecker, type CheckSetup, type WorkItem } from './check';
import { WORKER_FLAG } from './pool';

/** Is this thread a scan worker started by `runChecks` (the CLI bundle runs as both)? */
export function isScanWorker(): boolean {
  return parentPort !== null && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true;
}

/** The worker side: check each batch the main thread sends and post the result back. */
export function runScanWorker(): void {
  const data = workerData as { setup: CheckSetup; slots: SharedArrayBuffer[] };
  const checker = new FileChecker(data.setup);
  const slots = data.slots.map((s) => Buffer.from(s));
  parentPort!.on('message', (m: { id: number; items: WorkItem[]; slot: number; timings: boolean }) => {
    parentPort!.postMessage({ id: m.id, result: checker.checkBatch(m.items, m.timings, slots[m.slot]) });
  });
}
