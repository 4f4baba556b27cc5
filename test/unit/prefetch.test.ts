/**
 * The CLI's read-ahead: the main thread reads a batch's files into a slot shared with a worker (prefetch), and the
 * worker checks them from there. Whatever the slot's size, a batch checked from its slot must give exactly what
 * reading every file from disk gives: the same findings and the same skipped files with the same reasons.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FileChecker, type WorkItem } from '../../server/src/cli/check';
import { prefetch } from '../../server/src/cli/prefetch';
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

  for (const size of [0, 50, 1500, 3000, 64 * 1024]) {
    it(`a slot of ${size} bytes: the same findings and skips as reading from disk`, () => {
      const slot = Buffer.alloc(size);
      const sent = prefetch(items, MAX, slot);
      assert.equal(sent.length, items.length);
      const read = sent.filter((i) => i.read !== undefined);
      // Every file is read ahead while there is room; once one does not fit, the worker reads the rest itself.
      const firstLeft = sent.findIndex((i) => i.read === undefined);
      if (firstLeft >= 0) assert.ok(sent.slice(firstLeft).every((i) => i.read === undefined));
      if (size === 64 * 1024) {
        assert.equal(read.length, items.length);
        assert.ok(sent.some((i) => i.read && 'tooLarge' in i.read));
        assert.ok(sent.some((i) => i.read && 'error' in i.read));
      }
      for (const i of sent) {
        if (i.read && 'at' in i.read) assert.ok(slot.subarray(i.read.at, i.read.at + i.read.length).equals(readFileSync(i.abs)), i.abs);
      }
      if (size === 1500) assert.ok(read.length > 0 && read.length < items.length, 'some read ahead, some left');
      assert.deepEqual(new FileChecker(setup).checkBatch(sent, false, slot), fromDisk);
    });
  }
});
