import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineIndex, type Fix, type ReportedFinding } from '../../../server/src/core';
import { check, fixtureFiles, RULE_FIXTURES, sourceFileFor } from './fixtures';

/**
 * Applies the edits on the checked file (`file === undefined`) of all `fixes` to `text`, last edit first so
 * earlier offsets stay valid. Identical edits (two findings both adding `import sys` at the same place) are
 * applied once; overlapping different edits are an error, since "fix all" could not apply them either.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const lines = lineIndex(text);
  const edits = new Map<string, { start: number; end: number; newText: string }>();
  for (const fix of fixes) {
    for (const e of fix.edits) {
      if (e.file !== undefined) continue;
      const start = lines.offsetAt(e.range.start);
      const end = lines.offsetAt(e.range.end);
      edits.set(`${start}:${end}:${e.newText}`, { start, end, newText: e.newText });
    }
  }
  const sorted = [...edits.values()].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error(`overlapping edits at offset ${e.start}`);
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

export interface FixedCase {
  /** The fixture's path relative to the rule folder. */
  name: string;
  actual: string;
  expected: string;
  findings: ReportedFinding[];
}

/** For each fixture of `ruleId` that has a `<fixture>.fixed` file: the text after applying all of its fixes, and the expected text. */
export function fixedCases(ruleId: string): FixedCase[] {
  const dir = join(RULE_FIXTURES, ruleId);
  return fixtureFiles(dir)
    .filter((f) => existsSync(`${f}.fixed`))
    .map((f) => {
      const file = sourceFileFor(f);
      const findings = check(file).filter((x) => x.ruleId === ruleId);
      const fixes = findings.flatMap((x) => x.fixes ?? []);
      return { name: f.slice(dir.length + 1), actual: applyFixes(file.text, fixes), expected: readFileSync(`${f}.fixed`, 'utf8'), findings };
    });
}
