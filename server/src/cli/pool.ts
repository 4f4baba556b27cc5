import { Worker } from 'node:worker_threads';
import { FileChecker, type BatchResult, type CheckSetup, type WorkItem } from './check';

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;
const BATCH = 64;
/**
 * Old-generation heap per worker. A scan's live data is small (findings, per-folder facts); what grows the heap is
 * short-lived copies of big files, which V8 otherwise collects lazily. The cap keeps the peak RSS down; a batch
 * whose worker runs out of memory anyway is re-run on the main thread, without a cap. (Tests lower the cap with
 * the environment variable TWELVE_FACTOR_WORKER_HEAP_MB to exercise that path.)
 */
const WORKER_OLD_SPACE_MB = Number(process.env.TWELVE_FACTOR_WORKER_HEAP_MB) || 128;

export const WORKER_FLAG = 'twelveFactorScanWorker';

export interface RunOptions {
  jobs: number;
  timings: boolean;
  /** The script a worker runs: the CLI bundle itself (it starts as a worker when it sees `WORKER_FLAG`). */
  workerScript?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Checks the items, on the main thread (small scans) or on `jobs` worker threads fed batches of files on demand
 * (so a slow file does not hold a whole slice up). Results come back in the order of `items`.
 */
export async function runChecks(setup: CheckSetup, items: WorkItem[], options: RunOptions): Promise<BatchResult[]> {
  // Big scans always check in workers, even with `--jobs 1` (one worker, one checking thread): only workers can
  // run with a heap cap, which keeps the peak memory down.
  const useWorkers = items.length >= MIN_FILES_FOR_WORKERS && options.workerScript !== undefined;
  let local: FileChecker | undefined;
  const onMain = (batch: WorkItem[]) => (local ??= new FileChecker(setup)).checkBatch(batch, options.timings);
  if (!useWorkers) {
    const parts: BatchResult[] = [];
    for (let i = 0; i < items.length; i += BATCH) {
      parts.push(onMain(items.slice(i, i + BATCH)));
      options.onProgress?.(Math.min(i + BATCH, items.length), items.length);
    }
    return parts;
  }
  const batches: WorkItem[][] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
  const results: BatchResult[] = new Array(batches.length);
  let next = 0;
  let done = 0;
  let filesDone = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolvePool, rejectPool) => {
      const finish = (id: number, result: BatchResult) => {
        results[id] = result;
        done++;
        filesDone += batches[id].length;
        options.onProgress?.(filesDone, items.length);
        if (done === batches.length) resolvePool();
      };
      const start = () => {
        const w = new Worker(options.workerScript!, {
          workerData: { [WORKER_FLAG]: true, setup },
          resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB },
        });
        workers.push(w);
        let current = -1;
        const feed = () => {
          if (next < batches.length) {
            current = next++;
            w.postMessage({ id: current, items: batches[current], timings: options.timings });
          } else {
            current = -1;
          }
        };
        w.on('message', (m: { id: number; result: BatchResult }) => {
          finish(m.id, m.result);
          if (done < batches.length) feed();
        });
        w.on('error', (err: Error & { code?: string }) => {
          if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY') return rejectPool(err);
          // Re-run the lost batch here, then carry on with a fresh worker.
          process.stderr.write(`twelve-factor: a scan worker ran out of memory (${WORKER_OLD_SPACE_MB} MB); its files are checked on the main thread\n`);
          if (current >= 0) finish(current, onMain(batches[current]));
          if (done < batches.length && next < batches.length) start();
        });
        w.on('exit', (code) => {
          if (code !== 0 && current >= 0 && results[current] === undefined && done < batches.length) {
            // An exit after an out-of-memory error was handled above; any other crash is a failure.
            setImmediate(() => {
              if (results[current] === undefined) rejectPool(new Error(`a scan worker exited with code ${code}`));
            });
          }
        });
        feed();
      };
      for (let k = 0; k < Math.min(options.jobs, batches.length); k++) start();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
