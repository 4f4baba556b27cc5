import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FACTORS, RULES } from '../../server/src/core';
import { README, readmeWithRules, ruleDocs, RULES_DIR } from '../tools/rule-docs';
import { VALIDATOR_FILE, validatorSource } from '../tools/validator-source';

const CORE = join(__dirname, '..', '..', 'server', 'src', 'core');

function sourcesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourcesBelow(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('consistency', () => {
  it('the config validator compiled ahead of time matches the schema (run `npm run schema` after editing it)', () => {
    assert.equal(readFileSync(VALIDATOR_FILE, 'utf8'), validatorSource());
  });

  it('the core imports neither vscode* nor the file system', () => {
    const offenders: string[] = [];
    for (const file of sourcesBelow(CORE)) {
      const src = readFileSync(file, 'utf8');
      const imports = [...src.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
      for (const spec of imports) {
        if (/^vscode/.test(spec) || /^(?:node:)?(?:fs|fs\/promises|child_process)$/.test(spec)) offenders.push(`${file}: ${spec}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('rule ids are unique, well-formed and the registry is alphabetical', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
    for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
    assert.deepEqual(ids, [...ids].sort());
  });

  it('every rule has complete metadata whose id prefix names its factor', () => {
    for (const r of RULES) {
      const f = FACTORS.find((x) => x.number === r.meta.factor);
      assert.ok(f, `${r.meta.id}: unknown factor`);
      assert.equal(r.meta.id.split('/')[0], f.slug, `${r.meta.id}: prefix should be ${f.slug}`);
      assert.ok(r.meta.title && r.meta.description && r.meta.docsUrl.endsWith(`#${r.meta.docsAnchor}`));
    }
  });

  it('every rule file is registered and has a What / Why / Example / Use instead doc comment', () => {
    const docs = ruleDocs();
    const files = readdirSync(RULES_DIR).filter((n) => n.endsWith('.ts'));
    assert.equal(files.length, RULES.length, 'a rule file is missing from the registry (or vice versa)');
    for (const r of RULES) {
      const doc = docs.get(r.meta.id);
      assert.ok(doc, `${r.meta.id}: no doc comment above \`export const rule\``);
      for (const heading of ['**Why:**', '**Example:**', '**Use instead:**']) assert.ok(doc.includes(heading), `${r.meta.id}: doc lacks ${heading}`);
    }
  });

  it('the README rules section is generated from the current rules (run `npm run docs`)', () => {
    const readme = readFileSync(README, 'utf8');
    assert.equal(readme, readmeWithRules(readme));
  });
});
