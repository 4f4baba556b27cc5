import { isDotenvFile } from '../env/discovery';
import { keyColumn, parseEnvExample } from '../env/example';
import { defineRule } from '../rule';
import type { Finding, Fix, ProjectFacts, SourceFile } from '../types';
import { appendKeysFix } from './env-missing-from-example';

/**
 * Reports a key set in a local `.env` file (`.env`, `.env.local`, `.env.development`, …) that the env example file
 * does not declare.
 *
 * **Why:** `.env` is private and never committed; the example file is the shared contract (factor III). A setting
 * that only exists in one developer's `.env` is a setting the next developer, CI and production do not know
 * they need.
 *
 * **Example:**
 * ```sh
 * # .env (local, git-ignored)
 * DATABASE_URL=postgres://localhost/app
 * PAYMENTS_API_KEY=sk_test_…   # .env.example has no PAYMENTS_API_KEY
 * ```
 *
 * **Use instead:** declare the key, without its value, in `.env.example`:
 * ```sh
 * DATABASE_URL=
 * PAYMENTS_API_KEY=
 * ```
 * The quick fix "Add PAYMENTS_API_KEY to .env.example" does this (it never copies the value).
 */
export const rule = defineRule({
  id: 'config/dotenv-key-missing-from-example',
  factor: 3,
  title: 'Local .env key missing from the env example file',
  description: 'A key set in a local .env file is not declared in the env example file.',
  defaultSeverity: 'warning',
  fixable: true,
  keywords: [],
  languages: ['dotenv'],
  detect({ file, facts, lines }) {
    const example = facts.envExample;
    const target = example?.path ?? facts.envExampleCreatePath;
    if (!isDotenvFile(file.path) || example?.path === file.path) return [];
    const where = example ? baseName(example.path) : 'an env example file (none found)';
    const findings: Finding[] = [];
    for (const [name, { line }] of missingKeys(file, facts)) {
      const character = keyColumn(lines.lineText(line), name);
      findings.push({
        ruleId: 'config/dotenv-key-missing-from-example',
        range: { start: { line, character }, end: { line, character: character + name.length } },
        message: `${name} is set in this local env file but not declared in ${where}.`,
        data: { variable: name, ...(target ? { exampleFile: target } : {}) },
        fixes: target ? [appendKeysFix([name], facts, target)] : undefined,
      });
    }
    return findings;
  },
});

function missingKeys(file: SourceFile, facts: ProjectFacts): [string, { line: number }][] {
  const keys = parseEnvExample(file.path, file.text).keys;
  return [...keys].filter(([name]) => !facts.envExample?.keys.has(name));
}

/** One fix declaring every key of the local file that the example lacks, in file order; undefined if none. */
export function fixAllDotenvMissing(file: SourceFile, facts: ProjectFacts): Fix | undefined {
  const target = facts.envExample?.path ?? facts.envExampleCreatePath;
  const names = missingKeys(file, facts).map(([n]) => n);
  if (!target || names.length === 0 || !isDotenvFile(file.path)) return undefined;
  return appendKeysFix(names, facts, target);
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
