import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { FileChecker, type BatchResult, type CheckSetup, type WorkItem } from './check';
import { fillBatch, SLOT_BYTES, type ItemSource } from './prefetch';

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

/**
 * How much a function runs before V8 optimizes it, for a scan's threads (V8's default: 67,584). Each worker is a
 * fresh isolate that compiles the same few hundred functions; optimized early, on the feedback of a few files,
 * many are thrown away at the next kind of file and compiled again. Four times the default cut the compilations
 * of a `--jobs 2` scan of the bench tree by two fifths (683 → 405) and its deoptimizations by two thirds (131 → 39),
 * and took about 6% off its time (alternating runs; 1,000,000 gained less, 3,000,000 nothing). Set once, before the first
 * worker starts, unless node's command line already sets it.
 */
const SCAN_INTERRUPT_BUDGET = 300_000;

function tuneTierUpForScan(): void {
  if (process.execArgv.some((a) => a.startsWith('--interrupt-budget'))) return;
  setFlagsFromString(`--interrupt-budget=${SCAN_INTERRUPT_BUDGET}`);
}

export interface RunOptions {
  jobs: number;
  timings: boolean;
  /** The script a worker runs: dist/scanWorker.js, or the CLI bundle itself (it starts as a worker when it sees `WORKER_FLAG`). */
  workerScript?: string;
  /** Called with the number of files checked and the number listed so far (`final`: the listing is complete). */
  onProgress?: (done: number, total: number, final: boolean) => void;
  /** Called on each batch before it is checked; an exception stops the run (a bad config found by the walk). */
  beforeBatch?: (batch: WorkItem[]) => void;
}

/** Hands out the items of an iterator (a walk in progress) one at a time or in batches, counting what it pulled. */
class BatchSource implements ItemSource {
  private readonly it: Iterator<WorkItem>;
  /** Items pulled from the walk and not handed out yet (the first files, or one handed back). */
  private readonly held: WorkItem[] = [];
  /** The walk has ended (held items may remain). */
  exhausted = false;
  pulled = 0;

  constructor(items: Iterable<WorkItem>, private readonly beforeBatch?: (batch: WorkItem[]) => void) {
    this.it = items[Symbol.iterator]();
  }

  private pull(): WorkItem | undefined {
    if (this.exhausted) return undefined;
    const r = this.it.next();
    if (r.done) {
      this.exhausted = true;
      return undefined;
    }
    this.pulled++;
    return r.value;
  }

  /** Pulls items into the held ones until there are `n` or the walk ends; they are checked as one batch. */
  hold(n: number): void {
    const added: WorkItem[] = [];
    for (let item = this.held.length < n ? this.pull() : undefined; item; item = this.held.length < n ? this.pull() : undefined) {
      this.held.push(item);
      added.push(item);
    }
    if (added.length > 0) this.beforeBatch?.(added);
  }

  /** Whether every item has been handed out. */
  get drained(): boolean {
    return this.exhausted && this.held.length === 0;
  }

  /** The next item (undefined at the end). A batch made of items taken this way is passed to `accept`. */
  nextItem(): WorkItem | undefined {
    return this.held.shift() ?? this.pull();
  }

  /** Hands an item back: it is the next one again. */
  putBack(item: WorkItem): void {
    this.held.unshift(item);
  }

  /** A batch made of items taken one at a time, before it is checked. */
  accept(batch: WorkItem[]): void {
    this.beforeBatch?.(batch);
  }

  /** The next batch of at most `size` items, or undefined when there are no more. */
  next(size = BATCH): WorkItem[] | undefined {
    const batch: WorkItem[] = [];
    for (let item = this.nextItem(); item; item = batch.length < size ? this.nextItem() : undefined) batch.push(item);
    if (batch.length === 0) return undefined;
    this.beforeBatch?.(batch);
    return batch;
  }
}

/**
 * Batches queued per worker: one being checked and the next ones read ahead, so a worker never waits for the main
 * thread to walk and read. Each has its slot: a buffer shared with the worker, which holds the batch's bytes.
 */
const QUEUED_PER_WORKER = 6;

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
  source.hold(MIN_FILES_FOR_WORKERS);
  const useWorkers = !source.exhausted && options.workerScript !== undefined;
  if (useWorkers) tuneTierUpForScan();
  if (!useWorkers) {
    const parts: BatchResult[] = [];
    let checked = 0;
    for (let batch = source.next(); batch; batch = source.next()) {
      parts.push(onMain(batch));
      checked += batch.length;
      options.onProgress?.(checked, source.pulled, source.exhausted);
    }
    return parts;
  }
  /** Every batch dispatched, by id, as listed (a batch lost with its worker is re-run from these). */
  const batches: WorkItem[][] = [];
  const results: BatchResult[] = [];
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
      /**
       * The next batch, read into `slot` as its items are taken from the walk: at most BATCH files, and no more
       * than fit in the slot (the file that does not fit opens the next batch). Undefined when all are out.
       */
      const take = (slot: Buffer): { id: number; items: WorkItem[] } | undefined => {
        const { plain, sent } = fillBatch(source, slot, setup.maxFileSize, BATCH, options.timings);
        if (plain.length === 0) return undefined;
        source.accept(plain);
        batches.push(plain);
        return { id: batches.length - 1, items: sent };
      };
      const finished = () => source.drained && done === batches.length;
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
              // Answers come in the order sent, and at most QUEUED_PER_WORKER are awaited: the slot of the batch
              // sent QUEUED_PER_WORKER before this one is free again.
              const slot = sent % QUEUED_PER_WORKER;
              const batch = take(slots[slot]);
              if (!batch) break;
              sent++;
              queued.push(batch.id);
              w.postMessage({ id: batch.id, items: batch.items, slot, timings: options.timings });
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
