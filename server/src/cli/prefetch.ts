import { performance } from 'node:perf_hooks';
import { errorReason, readFileBytes, type ReadPlace } from '../files/walk';
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
 * thread that also walks the tree.
 */
export class SlotFiller {
  private used = 0;

  constructor(
    private readonly slot: Buffer,
    private readonly maxFileSize: number,
    private readonly withTimings = false,
  ) {}

  /**
   * The item as sent to the worker, with its `read`; or undefined when the file does not fit in what is left of
   * the slot (it goes in the next batch). A file too big for any slot is sent unread: the worker reads it.
   */
  add(item: WorkItem): WorkItem | undefined {
    if (item.text !== undefined) return item;
    const start = this.withTimings ? performance.now() : 0;
    const place: ReadPlace = {
      room: () => ({ buffer: this.slot, at: this.used, length: this.slot.length - this.used }),
      fit: (size) => (this.used + size <= this.slot.length ? { buffer: this.slot, at: this.used } : undefined),
    };
    let read: Prefetched;
    try {
      const bytes = readFileBytes(item.abs, this.maxFileSize, place);
      if (bytes === undefined) return this.used === 0 ? item : undefined;
      if ('skip' in bytes) read = { tooLarge: bytes.bytes };
      else {
        read = { at: this.used, length: bytes.length };
        this.used += bytes.length;
      }
    } catch (err) {
      read = { error: errorReason(err) };
    }
    if (this.withTimings) read.ms = performance.now() - start;
    return { ...item, read };
  }
}

/** Where a batch's items come from: the next one, or undefined at the end; one handed back comes out next. */
export interface ItemSource {
  nextItem(): WorkItem | undefined;
  putBack(item: WorkItem): void;
}

/**
 * The next batch, read into `slot` as its items are taken: at most `limit` files, and no more than fit in the slot
 * (the file that does not fit is handed back: it opens the next batch). `plain`: the items as taken (empty at the
 * end); `sent`: as sent to the worker, with what was read.
 */
export function fillBatch(source: ItemSource, slot: Buffer, maxFileSize: number, limit: number, withTimings = false): { plain: WorkItem[]; sent: WorkItem[] } {
  const filler = new SlotFiller(slot, maxFileSize, withTimings);
  const plain: WorkItem[] = [];
  const sent: WorkItem[] = [];
  for (let item = source.nextItem(); item; item = plain.length < limit ? source.nextItem() : undefined) {
    const read = filler.add(item);
    if (!read) {
      source.putBack(item);
      break;
    }
    plain.push(item);
    sent.push(read);
  }
  return { plain, sent };
}
