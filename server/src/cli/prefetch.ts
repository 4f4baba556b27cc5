import { performance } from 'node:perf_hooks';
import { errorReason, readFileBytes } from '../files/walk';
import type { WorkItem } from './check';

/**
 * What the main thread read of a file for a worker: where its bytes sit in the batch's slot, or why there are
 * none (larger than the size limit, or the file system's error). Decoding (and the binary test) is the worker's.
 */
export type Prefetched = ({ at: number; length: number } | { tooLarge: number } | { error: string }) & {
  /** With timings: how long the read took, in milliseconds (added to the file's latency). */
  ms?: number;
};

/** The size of a slot: a buffer shared with a worker that holds the bytes of one batch of files read ahead. */
export const SLOT_BYTES = 2 * 1024 * 1024;

/**
 * Reads a batch's files on the main thread into `slot`, a buffer shared with the worker that will check them (no
 * copy on either side): the workers then spend their time checking, while the file system calls run on the
 * thread that also walks the tree. Returns the items, each read one with its `read`; the files that did not fit
 * (once one does not, the rest of the batch) are left for the worker to read itself.
 */
export function prefetch(items: readonly WorkItem[], maxFileSize: number, slot: Buffer, withTimings = false): WorkItem[] {
  const out: WorkItem[] = [];
  let total = 0;
  let full = false;
  const place = (size: number) => (total + size <= slot.length ? { buffer: slot, at: total } : undefined);
  for (const item of items) {
    if (item.text !== undefined || full) {
      out.push(item);
      continue;
    }
    let read: Prefetched;
    const start = withTimings ? performance.now() : 0;
    try {
      const bytes = readFileBytes(item.abs, maxFileSize, place);
      if (bytes === undefined) {
        full = true;
        out.push(item);
        continue;
      }
      if ('skip' in bytes) read = { tooLarge: bytes.bytes };
      else {
        read = { at: total, length: bytes.length };
        total += bytes.length;
      }
    } catch (err) {
      read = { error: errorReason(err) };
    }
    if (withTimings) read.ms = performance.now() - start;
    out.push({ ...item, read });
  }
  return out;
}
