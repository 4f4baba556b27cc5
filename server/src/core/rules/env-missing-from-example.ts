import { findEnvReads, ENV_MARKERS, ENV_READ_KEYWORDS, type EnvRead } from '../env/reads';
import { parseEnvExample } from '../env/example';
import { defineRule } from '../rule';
import { eolOf } from '../text';
import type { Finding, Fix, ProjectFacts, SourceFile } from '../types';

/**
 * Reports a read of an environment variable that the env example file (`.env.example`) does not declare.
 * Every read is reported, in JavaScript/TypeScript (`process.env`, `import.meta.env`, Deno, Bun), Python, Go,
 * Java/Kotlin (also Spring `@Value("${X}")`), Ruby, PHP, C#, Rust, shell scripts, Dockerfile RUN/CMD, Procfiles,
 * docker compose files, Spring `application*.properties|yml`, logback XML, ERB in YAML and Prisma schemas. The
 * example file is the nearest `.env.example` (or `.env.sample`, `.env.template`, `.env.dist`, `example.env`,
 * `env.example`) in the file's folder or above it.
 *
 * **Why:** the example file is the app's config contract (factor III). A variable the code reads but nobody
 * declared is how the next deploy, or the next developer, starts an app that crashes on a missing setting.
 *
 * **Example:**
 * ```js
 * const url = process.env.DATABASE_URL; // .env.example has no DATABASE_URL
 * ```
 *
 * **Use instead:** declare every variable the code reads in `.env.example`, with no value (or a placeholder):
 * ```sh
 * DATABASE_URL=
 * ```
 * The quick fix "Add DATABASE_URL to .env.example" does this for you (or creates the file next to the nearest
 * package manifest). Variables your platform provides (`PATH`, `PORT`, `CI`, …) are never reported; add your own
 * with the `platformVariables` setting. Rust's `env!` is not counted: it reads the build environment, not the
 * deploy's config.
 */
export const rule = defineRule({
  id: 'config/env-missing-from-example',
  factor: 3,
  title: 'Environment variable missing from the env example file',
  description: 'An environment variable is read in code but not declared in the env example file.',
  defaultSeverity: 'warning',
  runtimeCode: true,
  fixable: true,
  keywords: ENV_READ_KEYWORDS,
  // Which readers' markers occur: the engine's keyword pass finds out, so the text is not searched again.
  scan: { words: ENV_MARKERS },
  detect({ file, facts, lines, scan }) {
    const findings: Finding[] = [];
    const example = facts.envExample;
    const target = example?.path ?? facts.envExampleCreatePath;
    const where = example ? baseName(example.path) : 'an env example file (none found)';
    // One fix per variable (building it re-parses the example file); findings of the same variable share it
    // (and their message and data: a file may read the same few variables thousands of times).
    const shared = new Map<string, Pick<Finding, 'message' | 'data' | 'fixes'>>();
    const found = scan && new Set(scan.found.map((i) => ENV_MARKERS[i]));
    for (const read of missingReads(file, facts, found && ((m) => found.has(m)))) {
      let same = shared.get(read.name);
      if (!same) {
        const fix = target ? addKeyFix(read.name, facts, target) : undefined;
        same = {
          message: `${read.name} is read here but not declared in ${where}.`,
          data: { variable: read.name, ...(target ? { exampleFile: target } : {}) },
          fixes: fix ? [fix] : undefined,
        };
        shared.set(read.name, same);
      }
      // A name never spans lines: its end is on its start's line.
      const start = lines.positionAt(read.start);
      findings.push({
        ruleId: 'config/env-missing-from-example',
        range: { start, end: { line: start.line, character: start.character + read.end - read.start } },
        message: same.message,
        data: same.data,
        fixes: same.fixes,
      });
    }
    return findings;
  },
});

/**
 * Reads in the file of variables that are neither declared in the example file nor provided by the platform
 * (`occurs`: see findEnvReads).
 */
export function missingReads(file: SourceFile, facts: ProjectFacts, occurs?: (marker: string) => boolean): EnvRead[] {
  return findEnvReads(file.text, file.language, file.path, occurs).filter(
    (r) => !facts.platformVariables.has(r.name) && !facts.envExample?.keys.has(r.name),
  );
}

/**
 * "Add all missing variables": one fix that declares every undeclared variable the file reads, each once, in the
 * order of its first read (creating the example file if there is none). Undefined when nothing is missing or
 * there is nowhere to write.
 */
export function fixAllMissing(file: SourceFile, facts: ProjectFacts): Fix | undefined {
  const target = facts.envExample?.path ?? facts.envExampleCreatePath;
  const names = [...new Set(missingReads(file, facts).map((r) => r.name))];
  if (!target || names.length === 0) return undefined;
  return appendKeysFix(names, facts, target);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The fix that appends `NAME=` to the example file (creating it if needed), keeping its line endings. */
export function addKeyFix(name: string, facts: ProjectFacts, target: string): Fix {
  return appendKeysFix([name], facts, target);
}

export function appendKeysFix(names: string[], facts: ProjectFacts, target: string): Fix {
  const title = names.length === 1
    ? `Add ${names[0]} to ${baseName(target)}`
    : `Add ${names.length} missing variables to ${baseName(target)}`;
  const example = facts.envExample;
  if (!example || example.path !== target) {
    return { title, safe: true, edits: [], createFiles: [{ file: target, text: names.map((n) => `${n}=\n`).join('') }] };
  }
  const text = example.text;
  const eol = eolOf(text);
  const needsBreak = text.length > 0 && !text.endsWith('\n') && !text.endsWith('\r');
  let addition = (needsBreak ? eol : '') + names.map((n) => `${n}=`).join(eol) + (needsBreak ? '' : eol);
  // A malformed last line (`KEY:` with nothing after it, an open quote) can swallow what follows it in dotenv's
  // parser; a blank line in between keeps the new keys declared.
  const declared = parseEnvExample(target, text + addition).keys;
  if (names.some((n) => !declared.has(n))) addition = (needsBreak ? eol : '') + eol + addition.slice(needsBreak ? eol.length : 0);
  const end = endPosition(text);
  return { title, safe: true, edits: [{ file: target, range: { start: end, end }, newText: addition }] };
}

function endPosition(text: string): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: text.length - lineStart };
}
