import { findComment } from './languages';
import type { Finding, LanguageId, LineIndex } from './types';

/**
 * Inline ignore comments, in the file's own comment syntax:
 *   `twelve-factor-ignore-next-line <rule-id>[, <rule-id>…]` on the line before a finding,
 *   `twelve-factor-ignore <rule-id>[, <rule-id>…]` on the finding's own line,
 *   `twelve-factor-ignore-file <rule-id>[, …]` anywhere in the file.
 * With no rule id, the directive covers every rule.
 */
export const IGNORE = 'twelve-factor-ignore';
export const IGNORE_NEXT_LINE = 'twelve-factor-ignore-next-line';
export const IGNORE_FILE = 'twelve-factor-ignore-file';

const DIRECTIVE = /\btwelve-factor-ignore(-next-line|-file)?\b(?:[ \t]+([a-z0-9/,\s-]*[a-z0-9-]))?/;

interface Directive {
  kind: 'line' | 'next-line' | 'file';
  rules: Set<string> | 'all';
}

function parseDirective(comment: string): Directive | undefined {
  const m = DIRECTIVE.exec(comment);
  if (!m) return undefined;
  const kind = m[1] === '-next-line' ? 'next-line' : m[1] === '-file' ? 'file' : 'line';
  const ids = (m[2] ?? '')
    .split(/[\s,]+/)
    .filter((s) => s.includes('/'));
  return { kind, rules: ids.length > 0 ? new Set(ids) : 'all' };
}

function covers(d: Directive, ruleId: string): boolean {
  return d.rules === 'all' || d.rules.has(ruleId);
}

/** Drops the findings that an ignore comment covers. Cheap when the file has no directive at all. */
export function applyIgnores(text: string, language: LanguageId, lines: LineIndex, findings: Finding[]): Finding[] {
  if (findings.length === 0 || !text.includes(IGNORE)) return findings;
  const byLine = new Map<number, Directive[]>();
  const fileWide: Directive[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    if (!lineText.includes(IGNORE)) continue;
    const comment = findComment(language, lineText);
    const d = comment ? parseDirective(comment.body) : undefined;
    if (!d) continue;
    if (d.kind === 'file') fileWide.push(d);
    else {
      const target = d.kind === 'next-line' ? line + 1 : line;
      byLine.set(target, [...(byLine.get(target) ?? []), d]);
    }
  }
  return findings.filter((f) => {
    if (fileWide.some((d) => covers(d, f.ruleId))) return false;
    return !(byLine.get(f.range.start.line) ?? []).some((d) => covers(d, f.ruleId));
  });
}
