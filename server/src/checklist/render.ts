/**
 * Renders a checklist for people: plain text for the terminal (optionally coloured) and Markdown for a pull
 * request description. JSON is `renderJson`. Messages are already masked by the rules; nothing here reads files.
 */
import { statusCounts, type Checklist, type ChecklistCheck, type ChecklistFinding, type CheckStatus } from '../core/checklist';

/** Findings shown per check before "… and N more". */
export const MAX_FINDINGS_SHOWN = 20;

export function renderJson(checklist: Checklist): string {
  return `${JSON.stringify(checklist, null, 2)}\n`;
}

const SYMBOL: Record<CheckStatus, string> = { pass: '✔', review: '?', warn: '⚠', fail: '✖' };
const COLOR: Record<CheckStatus, string> = { pass: '32', review: '36', warn: '33', fail: '31' };

function counts(checklist: Checklist): string {
  const c = statusCounts(checklist);
  return `${c.pass} passed, ${c.review} to review, ${c.warn} with warnings, ${c.fail} failed`;
}

function location(f: ChecklistFinding): string {
  return `${f.file}:${f.line}:${f.column}`;
}

/** One line per factor; under each factor that did not pass, its checks that did not pass and their findings. */
export function renderText(checklist: Checklist, options: { color?: boolean } = {}): string {
  const paint = (status: CheckStatus, s: string) => (options.color ? `\x1b[${COLOR[status]}m${s}\x1b[0m` : s);
  const dim = (s: string) => (options.color ? `\x1b[2m${s}\x1b[0m` : s);
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  const out: string[] = [`Twelve-Factor checklist: ${counts(checklist)}`, ''];
  for (const f of checklist.factors) {
    out.push(`${paint(f.status, SYMBOL[f.status])} ${bold(`${f.roman}. ${f.name}`)} ${dim('—')} ${f.summary}`);
    if (f.status === 'pass') continue;
    for (const c of f.checks) {
      if (c.status === 'pass') continue;
      out.push(`    ${paint(c.status, SYMBOL[c.status])} ${c.title} ${dim(`(${c.id})`)}`);
      for (const x of c.findings.slice(0, MAX_FINDINGS_SHOWN)) out.push(`        ${dim(location(x))}  ${oneLine(x.message)}`);
      if (c.findings.length > MAX_FINDINGS_SHOWN) out.push(`        … and ${c.findings.length - MAX_FINDINGS_SHOWN} more`);
    }
  }
  return `${out.join('\n')}\n`;
}

export interface MarkdownOptions {
  /** When set, file locations link to `<linkBase>/<file>#L<line>` (e.g. a GitHub blob URL at the PR's commit). */
  linkBase?: string;
}

/**
 * A pull-request-ready list: the counts, then one task per factor (`[x]` when it passed) with the checks that did
 * not pass nested under it: their findings, or the review question when they have none.
 */
export function renderMarkdown(checklist: Checklist, options: MarkdownOptions = {}): string {
  const out: string[] = ['## Twelve-Factor checklist', '', `${counts(checklist)}.`, ''];
  for (const f of checklist.factors) {
    out.push(`- [${f.status === 'pass' ? 'x' : ' '}] **${f.roman}. ${f.name}** — ${escapeMarkdown(f.summary)}`);
    if (f.status === 'pass') continue;
    for (const c of f.checks) {
      if (c.status === 'pass') continue;
      out.push(...checkItems(c, options));
    }
  }
  return `${out.join('\n')}\n`;
}

function checkItems(c: ChecklistCheck, options: MarkdownOptions): string[] {
  const label = c.status === 'review' ? 'Review' : c.status === 'fail' ? 'Fail' : 'Warning';
  const heading = `  - [ ] ${label}: ${escapeMarkdown(c.title)} (${escapeMarkdown(c.summary)})`;
  if (c.findings.length === 0) return [heading];
  // A review question stays visible above the findings that raised it.
  const lines = c.status === 'review' ? [heading] : [];
  lines.push(...c.findings.slice(0, MAX_FINDINGS_SHOWN).map((x) => `  - [ ] ${link(x, options)} ${escapeMarkdown(oneLine(x.message))}`));
  if (c.findings.length > MAX_FINDINGS_SHOWN) lines.push(`  - … and ${c.findings.length - MAX_FINDINGS_SHOWN} more (${c.id})`);
  return lines;
}

function link(f: ChecklistFinding, options: MarkdownOptions): string {
  const label = `\`${f.file}:${f.line}\``;
  if (!options.linkBase) return label;
  const base = options.linkBase.replace(/\/+$/, '');
  const path = f.file.split('/').map(encodeURIComponent).join('/');
  return `[${label}](${base}/${path}#L${f.line})`;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Keeps messages from opening HTML tags or breaking the list; backticks (code spans) are kept on purpose. */
function escapeMarkdown(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\[/g, '\\[').replace(/\]/g, '\\]');
}
