/**
 * The CLI's read-ahead: the main thread reads a batch's files into a slot shared with a worker (prefetch), and the
 * worker checks them from there. Whatever the slot's size, a batch checked from its slot must give exactly what
 * reading every file from disk gives: the same findings and the same skipped files with the same reasons.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FileChecker, type WorkItem } from '../../server/src/cli/check';
import { fillBatch } from '../../server/src/cli/prefetch';
import { readFileBytes, type ReadPlace } from '../../server/src/files/walk';
import { fakeSecret, project } from '../cli/helpers';

const MAX = 4000;
const secretLine = (seed: number) => `const apiKey = '${fakeSecret(seed)}';\n`;

describe('cli: files read ahead into a shared slot', () => {
  const files: Record<string, string> = {
    'a.js': secretLine(1),
    'b.bin': 'PK\u0000\u0003' + secretLine(2),
    'c-too-large.js': 'x'.repeat(MAX + 1) + secretLine(3),
    'd-utf8.js': '// héllo wörld ✓ 😀\n' + '// ünïcode '.repeat(20) + secretLine(4),
    'e-latin1-bytes.js': '', // written below as raw bytes that are not valid UTF-8
    'f-empty.js': '',
    'g-env.js': 'const u = process.env.API_URL;\n' + secretLine(5),
  };
  for (let i = 0; i < 12; i++) files[`h${String(i).padStart(2, '0')}.js`] = i % 3 === 0 ? '// pad\n'.repeat(200) + secretLine(10 + i) : `module.exports = ${i};\n`;
  const p = project(files);
  after(p.cleanup);
  writeFileSync(join(p.dir, 'e-latin1-bytes.js'), Buffer.concat([Buffer.from([0xe9, 0xff, 0x0a]), Buffer.from(secretLine(6))]));
  const items: WorkItem[] = [...Object.keys(files), 'z-missing.js'].sort().map((rel) => ({ abs: join(p.dir, rel) }));
  const setup = { cwd: p.dir, roots: [p.dir], projectRoot: p.dir, maxFileSize: MAX };
  const fromDisk = new FileChecker(setup).checkBatch(items, false);

  it('the files read from disk give the findings and skips this test is about', () => {
    assert.equal(fromDisk.findings.filter((f) => f.ruleId === 'config/hardcoded-secret').length, 8, 'the binary and the too-large file give none');
    assert.deepEqual(
      fromDisk.skipped.map((s) => s.path.slice(p.dir.length + 1) + ': ' + s.reason.replace(/\(.*\)/, '(…)')),
      ['c-too-large.js: larger than 4000 bytes (…)', 'z-missing.js: no such file (…)'],
    );
  });

  /** The items cut into batches as the pool does, each read into a fresh slot of `size` bytes. */
  function batchesOf(size: number, limit: number) {
    const queue = [...items];
    const source = { nextItem: () => queue.shift(), putBack: (item: WorkItem) => queue.unshift(item) };
    const out: { plain: WorkItem[]; sent: WorkItem[]; slot: Buffer }[] = [];
    for (;;) {
      const slot = Buffer.alloc(size);
      const b = fillBatch(source, slot, MAX, limit);
      if (b.plain.length === 0) return out;
      out.push({ ...b, slot });
    }
  }

  for (const [size, limit] of [[0, 64], [50, 64], [1500, 64], [3000, 5], [64 * 1024, 64], [64 * 1024, 3]]) {
    it(`slots of ${size} bytes, at most ${limit} files a batch: every file once, in order, with the findings and skips of reading from disk`, () => {
      const batches = batchesOf(size, limit);
      assert.deepEqual(batches.flatMap((b) => b.plain), items, 'every item once, in order');
      for (const b of batches) {
        assert.ok(b.plain.length <= limit);
        const read = b.sent.filter((i) => i.read !== undefined);
        // A batch is cut where a file does not fit; only a file too big for any slot goes unread (the worker reads it).
        for (const i of b.sent) if (i.read === undefined) assert.ok(statSync(i.abs).size > size, i.abs);
        for (const i of read) {
          if (i.read && 'at' in i.read) assert.ok(b.slot.subarray(i.read.at, i.read.at + i.read.length).equals(readFileSync(i.abs)), i.abs);
        }
      }
      if (size === 1500) assert.ok(batches.length > 2, 'the files are spread over several batches');
      if (size === 64 * 1024 && limit === 64) {
        assert.equal(batches.length, 1);
        assert.ok(batches[0].sent.some((i) => i.read && 'tooLarge' in i.read));
        assert.ok(batches[0].sent.some((i) => i.read && 'error' in i.read));
      }
      const checker = new FileChecker(setup);
      const results = batches.map((b) => checker.checkBatch(b.sent, false, b.slot));
      assert.deepEqual(results.flatMap((r) => r.findings), fromDisk.findings);
      assert.deepEqual(results.flatMap((r) => r.skipped), fromDisk.skipped);
      assert.equal(results.reduce((n, r) => n + r.filesChecked, 0), fromDisk.filesChecked);
      assert.equal(results.reduce((n, r) => n + r.bytes, 0), fromDisk.bytes);
    });
  }
});

describe('readFileBytes: a first read without the size, the size asked only of files that fill it', () => {
  // Sizes around the first read (64 KB), around the thread buffer's start size (1 MB) and the size limit.
  const sizes = [0, 1, 65_535, 65_536, 65_537, 200_000, (1 << 20) + 3, 1_500_000];
  const MAX_SIZE = 1_500_000;
  const files: Record<string, string> = {};
  sizes.forEach((n, i) => (files[`f${i}.txt`] = Array.from({ length: n }, (_, k) => String.fromCharCode(97 + ((k * 7 + i) % 26))).join('')));
  files['over.txt'] = 'y'.repeat(MAX_SIZE + 1);
  const p = project(files);
  after(p.cleanup);

  it('reads every file whole into the thread buffer, and reports the too-large one with its size', () => {
    sizes.forEach((n, i) => {
      const got = readFileBytes(join(p.dir, `f${i}.txt`), MAX_SIZE);
      assert.ok(Buffer.isBuffer(got) && got.equals(readFileSync(join(p.dir, `f${i}.txt`))), `${n} bytes`);
    });
    assert.deepEqual(readFileBytes(join(p.dir, 'over.txt'), MAX_SIZE), { skip: 'too-large', bytes: MAX_SIZE + 1 });
    assert.deepEqual(readFileBytes(join(p.dir, 'f3.txt'), 65_535), { skip: 'too-large', bytes: 65_536 });
    assert.ok((readFileBytes(join(p.dir, 'f2.txt'), 65_535) as Buffer).length === 65_535, 'a file of exactly the limit is read');
  });

  it('into a slot: where it fits, at the slot\'s offset; nowhere (undefined) when it does not', () => {
    for (const [room, i] of [[70_000, 3], [70_000, 4], [65_536, 3], [65_536, 4], [300_000, 5], [100, 4], [0, 0], [0, 1]] as const) {
      const slot = Buffer.alloc(room + 10);
      const at = 10;
      const place: ReadPlace = {
        room: () => ({ buffer: slot, at, length: room }),
        fit: (size) => (size <= room ? { buffer: slot, at } : undefined),
      };
      const expected = readFileSync(join(p.dir, `f${i}.txt`));
      const got = readFileBytes(join(p.dir, `f${i}.txt`), MAX_SIZE, place);
      if (expected.length <= room) {
        assert.ok(Buffer.isBuffer(got) && got.equals(expected) && got.byteOffset === slot.byteOffset + at, `${expected.length} bytes in ${room}`);
      } else {
        assert.equal(got, undefined, `${expected.length} bytes in ${room}`);
      }
    }
  });
});
