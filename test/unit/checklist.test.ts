/** The checklist as a whole: shape, order, stable ids, the passing fixture, statuses and summaries. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FACTORS } from '../../server/src/core';
import { computeChecklist, reviewItems, statusCounts, worstStatus } from '../../server/src/core/checklist';
import { checklistOfFiles, checklistOfFixture, memorySnapshot } from './checklist-helpers';

describe('checklist shape', () => {
  const { checklist } = checklistOfFixture('good');

  it('has version 1 and the twelve factors in order, with number, name, roman numeral and slug', () => {
    assert.equal(checklist.version, 1);
    assert.deepEqual(
      checklist.factors.map((f) => [f.number, f.name, f.roman, f.slug]),
      FACTORS.map((f) => [f.number, f.name, f.roman, f.slug]),
    );
  });

  it('gives every check a unique id under its factor slug', () => {
    const ids = checklist.factors.flatMap((f) => f.checks.map((c) => c.id));
    assert.equal(new Set(ids).size, ids.length);
    for (const f of checklist.factors) {
      assert.ok(f.checks.length > 0, `factor ${f.number} has checks`);
      for (const c of f.checks) assert.ok(c.id.startsWith(`${f.slug}/`), c.id);
    }
  });

  it('keeps check ids stable whatever the outcome (review ticks are stored by id)', () => {
    const empty = computeChecklist(memorySnapshot({}, { isGitRepo: false }), []);
    // Only these exist conditionally: completeness needs an example file, lock and pin checks need a manifest.
    const conditional = new Set(['config/env-example-complete', 'dependencies/lockfile', 'dependencies/pinned-versions']);
    const idsOf = (c: typeof checklist) => c.factors.map((f) => f.checks.map((x) => x.id).filter((id) => !conditional.has(id)));
    assert.deepEqual(idsOf(empty), idsOf(checklist));
    assert.equal(empty.factors[1].checks.length, 1);
  });

  it('serialises to the documented JSON shape', () => {
    const json = JSON.parse(JSON.stringify(checklist));
    assert.deepEqual(Object.keys(json), ['version', 'factors']);
    for (const f of json.factors) {
      for (const key of ['number', 'name', 'status', 'summary', 'checks']) assert.ok(key in f, key);
      for (const c of f.checks) assert.deepEqual(Object.keys(c).sort(), ['findings', 'id', 'status', 'summary', 'title']);
    }
  });
});

describe('the good fixture', () => {
  const r = checklistOfFixture('good');

  it('passes all twelve factors', () => {
    const failing = r.checklist.factors.filter((f) => f.status !== 'pass').map((f) => `${f.roman}: ${f.status} (${f.summary})`);
    assert.deepEqual(failing, []);
    assert.deepEqual(statusCounts(r.checklist), { pass: 12, review: 0, warn: 0, fail: 0 });
    assert.deepEqual(reviewItems(r.checklist), []);
  });

  it('summarises what it found on one line per factor', () => {
    assert.match(r.factor(5).summary, /Dockerfile/);
    assert.match(r.factor(8).summary, /web, worker/);
    assert.doesNotMatch(r.factor(8).summary, /\bdb\b/, 'backing-service containers are not process types');
    assert.match(r.factor(9).summary, /server\.js:14/);
    assert.match(r.factor(10).summary, /PostgreSQL/);
    for (const f of r.checklist.factors) assert.doesNotMatch(f.summary, /\n/);
  });

  it('fails I when the same project is not a git work tree', () => {
    const notGit = checklistOfFixture('good', false);
    assert.equal(notGit.check('codebase/git-repo').status, 'fail');
    assert.equal(notGit.factor(1).status, 'fail');
    assert.equal(notGit.factor(2).status, 'pass');
  });
});

describe('statuses and summaries', () => {
  it('ranks fail > warn > review > pass', () => {
    assert.equal(worstStatus(['pass', 'review']), 'review');
    assert.equal(worstStatus(['review', 'warn', 'pass']), 'warn');
    assert.equal(worstStatus(['warn', 'fail', 'review']), 'fail');
    assert.equal(worstStatus([]), 'pass');
  });

  it('gives a factor the worst status of its checks and summarises the non-passing checks, worst first', () => {
    const r = checklistOfFiles({
      'package.json': '{"name":"a","dependencies":{"x":"1.0.0"}}',
      'config.js': 'module.exports = { key: process.env.API_KEY, dbPassword: "Zr5vFMLtoyXjpQhuorC9gcWzYFrB" };\n',
      '.env.example': 'OTHER=\n',
    });
    const f = r.factor(3);
    assert.equal(f.status, 'fail');
    assert.equal(f.summary, '1 hardcoded secret, env example incomplete (1 variable)');
  });

  it('lists review items with their factor', () => {
    const r = checklistOfFiles({ 'main.go': 'package main\n\nfunc main() {}\n' });
    const items = reviewItems(r.checklist).map((i) => `${i.factor} ${i.id}`);
    assert.ok(items.includes('9 disposability/graceful-shutdown'), items.join('\n'));
    assert.ok(items.includes('8 concurrency/process-types'));
    for (const i of reviewItems(r.checklist)) assert.match(i.title, /\?$/, `review titles are questions: ${i.title}`);
  });

  it('adds the findings of rules it does not know by id to an "other rules" check of their factor', () => {
    const c = computeChecklist(memorySnapshot({ 'a.js': 'x' }), [
      { file: 'a.js', ruleId: 'logs/some-future-rule', factor: 11, severity: 'error', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' },
    ]);
    const logs = c.factors[10];
    const other = logs.checks.find((x) => x.id === 'logs/other-rules');
    assert.equal(other?.status, 'fail');
    assert.equal(other?.findings[0].ruleId, 'logs/some-future-rule');
    assert.equal(logs.status, 'fail');
  });

  it('lists info and hint findings without lowering the status', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const c = computeChecklist(memorySnapshot({ '.env.example': 'OLD=\n' }), [
      { file: '.env.example', ruleId: 'config/env-unused-in-code', factor: 3, severity: 'hint', range, message: 'OLD is not read' },
      { file: 'app.py', ruleId: 'logs/log-to-file', factor: 11, severity: 'info', range, message: 'Logs go to a file' },
    ]);
    const other = c.factors[2].checks.find((x) => x.id === 'config/other-rules');
    assert.equal(other?.status, 'pass');
    assert.equal(other?.findings.length, 1);
    assert.equal(c.factors[2].status, 'pass');
    const logs = c.factors[10].checks[0];
    assert.deepEqual([logs.status, logs.findings.length, logs.summary], ['pass', 1, 'no log files written (1 hint)']);
  });
});
