import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { contextKind } from '../../server/src/core/secrets/context';
import { secretNameKind } from '../../server/src/core/secrets/names';
import { scanProvidersAndHits } from '../../server/src/core/secrets/providers';
import { yamlMayNameSecrets, yamlPairs } from '../../server/src/core/secrets/yaml-pairs';

/**
 * YAML files are parsed for name/value pairs only when yamlMayNameSecrets allows it (a hint word, a backslash, or
 * a character that lower-cases into ASCII). This pins down that a file turned away holds no pair the name-based
 * checks would report.
 */
describe('YAML pairs are looked for only where a reportable name can be', () => {
  // Keys and names with and without hint words, in other cases, spelled with escapes or with İ / the Kelvin sign.
  const name = fc.constantFrom(
    'image', 'stages', 'script', 'DB_HOST', 'node_version', 'env', 'name', 'value', 'x',
    'password', 'API_KEY', 'apiToken', 'aws_secret_access_key', 'DATADOG_API_KEY', 'client-secret',
    'API_\u212aEY', 'AP\u0130_KEY', '"p\\x61ssword"', '"API_K\\u0045Y"', '"plain"', "'quoted'", '"tab\\tkey"',
  );
  const value = fc.constantFrom('Zx9Qw8Er7Ty6Ui5Op4As3Df2', 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6', 'node:20', '"hunter2hunter2x"', "'x'", '12', 'true', '|\n    block');
  const indent = fc.constantFrom('', '  ', '    ');
  const line = fc.oneof(
    fc.tuple(indent, name, value).map(([i, k, v]) => `${i}${k}: ${v}`),
    fc.tuple(indent, name).map(([i, k]) => `${i}${k}:`),
    fc.tuple(indent, name, value).map(([i, k, v]) => `${i}- name: ${k}\n${i}  value: ${v}`),
    fc.tuple(indent, name, value).map(([i, k, v]) => `${i}- ${k.replace(/["']/g, '')}=${v.replace(/["'|\n ]/g, '')}`),
    fc.tuple(name, value).map(([k, v]) => `{ ${k}: ${v} }`),
  );
  const doc = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n') + '\n');

  it('a file turned away holds no pair that the name or context checks report', () => {
    let closedWithPairs = 0;
    let openReportable = 0;
    fc.assert(
      fc.property(doc, (text) => {
        const { nameHits } = scanProvidersAndHits(text);
        const reportable = yamlPairs(text).filter((p) => secretNameKind(p.name) !== undefined || contextKind(p.path, p.value) !== undefined);
        if (yamlMayNameSecrets(text, nameHits)) {
          if (reportable.length > 0) openReportable++;
          return;
        }
        if (yamlPairs(text).length > 0) closedWithPairs++;
        assert.deepEqual(reportable, [], JSON.stringify(text));
      }),
      { numRuns: 4000, seed: 20261127 },
    );
    // Not vacuous: files turned away that do hold pairs, and files let through with something to report.
    assert.ok(closedWithPairs > 100 && openReportable > 300, `${closedWithPairs} turned away with pairs, ${openReportable} let through with a report`);
  });

  it('lets through the files whose only way to a hint is an escape or a lower-casing', () => {
    for (const text of ['"p\\x61ssword": Zx9Qw8Er7Ty6Ui5Op4As3Df2\n', 'API_\u212aEY: Zx9Qw8Er7Ty6Ui5Op4As3Df2\n']) {
      assert.equal(scanProvidersAndHits(text).nameHits.length, 0, JSON.stringify(text));
      assert.equal(yamlMayNameSecrets(text, []), true, JSON.stringify(text));
      assert.ok(yamlPairs(text).some((p) => secretNameKind(p.name) !== undefined), `reported: ${JSON.stringify(text)}`);
    }
    assert.equal(yamlMayNameSecrets('image: node:20\nscript: npm test\n', []), false);
  });
});
