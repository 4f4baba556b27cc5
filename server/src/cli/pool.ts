import { Worker } from 'node:worker_threads';
import { FileChecker, type BatchResult, type CheckSetup, type WorkItem } from './check';
import { prefetch, SLOT_BYTES } from './prefetch';

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
  /** Called with the number of files checked and the number listed so far (`final`: the listing is complete). */
  onProgress?: (done: number, total: number, final: boolean) => void;
  /** Called on each batch before it is checked; an exception stops the run (a bad config found by the walk). */
  beforeBatch?: (batch: WorkItem[]) => void;
}

/** Pulls batches from an iterator of items (a walk in progress), counting what it has pulled. */
class BatchSource {
  private readonly it: Iterator<WorkItem>;
  exhausted = false;
  pulled = 0;

  constructor(items: Iterable<WorkItem>, private readonly beforeBatch?: (batch: WorkItem[]) => void) {
    this.it = items[Symbol.iterator]();
  }

  /** The next batch of at most `size` items, or undefined when there are no more. */
  next(size = BATCH): WorkItem[] | undefined {
    const batch: WorkItem[] = [];
    while (!this.exhausted && batch.length < size) {
      const r = this.it.next();
      if (r.done) this.exhausted = true;
      else batch.push(r.value);
    }
    if (batch.length === 0) return undefined;
    this.pulled += batch.length;
    this.beforeBatch?.(batch);
    return batch;
  }
}

/**
 * Batches queued per worker: one being checked and the next ones read ahead, so a worker never waits for the main
 * thread to walk and read. Each has its slot: a buffer shared with the worker, which holds the batch's bytes.
 */
const QUEUED_PER_WORKER = 8;

/**
 * Checks the items, on the main thread (small scans) or on `jobs` worker threads fed batches of files on demand
 * (so a slow file does not hold a whole slice up). `items` may be a walk in progress: it is consumed as the
 * workers need files, so listing and checking overlap. Results come back in the order of `items`.
 */
export async function runChecks(setup: CheckSetup, items: Iterable<WorkItem>, options: RunOptions): Promise<BatchResult[]> {
  const source = new BatchSource(items, options.beforeBatch);
  let local: FileChecker | undefined;
  const onMain = (batch: WorkItem[]) => (local ??= new FileChecker(setup)).checkBatch(batch, options.timings);
  // Big scans always check in workers, even with `--jobs 1` (one worker, one checking thread): only workers can
  // run with a heap cap, which keeps the peak memory down. Whether a scan is big is known after its first files.
  const first = source.next(MIN_FILES_FOR_WORKERS);
  const batches: WorkItem[][] = [];
  for (let i = 0; first && i < first.length; i += BATCH) batches.push(first.slice(i, i + BATCH));
  const useWorkers = !source.exhausted && options.workerScript !== undefined;
  if (!useWorkers) {
    const parts: BatchResult[] = [];
    for (let batch: WorkItem[] | undefined = batches.shift(); batch; batch = batches.shift() ?? source.next()) {
      parts.push(onMain(batch));
      options.onProgress?.(source.pulled - batches.reduce((n, b) => n + b.length, 0), source.pulled, source.exhausted);
    }
    return parts;
  }
  const results: BatchResult[] = [];
  let next = 0;
  let done = 0;
  let filesDone = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolvePool, rejectPool) => {
      let failed = false;
      const fail = (err: unknown) => {
        failed = true;
        rejectPool(err);
      };
      /** The next batch to dispatch (pulling more of the walk when the listed ones are all out), or -1. */
      const take = (): number => {
        if (next >= batches.length) {
          const b = source.next();
          if (!b) return -1;
          batches.push(b);
        }
        return next++;
      };
      const finished = () => source.exhausted && done === batches.length;
      const finish = (id: number, result: BatchResult) => {
        results[id] = result;
        done++;
        filesDone += batches[id].length;
        options.onProgress?.(filesDone, source.pulled, source.exhausted);
      };
      const start = () => {
        const shared = Array.from({ length: QUEUED_PER_WORKER }, () => new SharedArrayBuffer(SLOT_BYTES));
        const slots = shared.map((b) => Buffer.from(b));
        let sent = 0;
        const w = new Worker(options.workerScript!, {
          workerData: { [WORKER_FLAG]: true, setup, slots: shared },
          resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB },
        });
        workers.push(w);
        /** The batches sent to this worker and not yet answered, oldest first. */
        const queued: number[] = [];
        const feed = () => {
          try {
            while (!failed && queued.length < QUEUED_PER_WORKER) {
              const id = take();
              if (id < 0) break;
              queued.push(id);
              // Answers come in the order sent, and at most QUEUED_PER_WORKER are awaited: the slot of the batch
              // sent QUEUED_PER_WORKER before this one is free again.
              const slot = sent++ % QUEUED_PER_WORKER;
              w.postMessage({ id, items: prefetch(batches[id], setup.maxFileSize, slots[slot], options.timings), slot, timings: options.timings });
            }
          } catch (err) {
            fail(err);
          }
        };
        w.on('message', (m: { id: number; result: BatchResult }) => {
          queued.shift();
          finish(m.id, m.result);
          feed();
          if (finished()) resolvePool();
        });
        w.on('error', (err: Error & { code?: string }) => {
          if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY') return fail(err);
          // Re-run the lost batches here, then carry on with a fresh worker.
          process.stderr.write(`twelve-factor: a scan worker ran out of memory (${WORKER_OLD_SPACE_MB} MB); its files are checked on the main thread\n`);
          for (const id of queued.splice(0)) finish(id, onMain(batches[id]));
          if (finished()) resolvePool();
          else start();
        });
        w.on('exit', (code) => {
          if (code !== 0 && queued.length > 0) {
            // An exit after an out-of-memory error was handled above (its queue is empty); any other crash is a failure.
            setImmediate(() => {
              if (queued.some((id) => results[id] === undefined)) fail(new Error(`a scan worker exited with code ${code}`));
            });
          }
        });
        feed();
      };
      for (let k = 0; k < options.jobs; k++) start();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
