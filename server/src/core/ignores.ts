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

/**
 * The ignore comments of a file, parsed once per check: a test that tells whether a finding is covered, or
 * undefined when the file has no directive at all (the common case: one `includes` over the text).
 */
export function ignoreFilter(text: string, language: LanguageId, lines: LineIndex): ((f: Finding) => boolean) | undefined {
  if (!text.includes(IGNORE)) return undefined;
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
  if (fileWide.length === 0 && byLine.size === 0) return undefined;
  return (f) => fileWide.some((d) => covers(d, f.ruleId)) || (byLine.get(f.range.start.line) ?? []).some((d) => covers(d, f.ruleId));
}

/** Drops the findings that an ignore comment covers. */
export function applyIgnores(text: string, language: LanguageId, lines: LineIndex, findings: Finding[]): Finding[] {
  if (findings.length === 0) return findings;
  const ignored = ignoreFilter(text, language, lines);
  return ignored ? findings.filter((f) => !ignored(f)) : findings;
}
