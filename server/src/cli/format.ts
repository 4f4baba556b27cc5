import { DOCS_BASE_URL, ruleById, RULES, type Severity } from '../core';
import { stringify } from 'yaml';
import type { FileFinding, ScanResult } from './scan';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** `{"version":1,"findings":[…]}` with exactly the documented fields. */
export function formatJson(result: ScanResult): string {
  const findings = result.findings.map((f) => ({
    ruleId: f.ruleId,
    factor: f.factor,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
  }));
  return JSON.stringify({ version: 1, findings }, null, 2) + '\n';
}

/** Text grouped by file: `  line:col  severity  message  rule-id`, a docs link per rule, a summary line. */
export function formatText(result: ScanResult, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  const byFile = new Map<string, FileFinding[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(paint('4', file));
    for (const f of list) {
      out.push(`  ${`${f.line}:${f.column}`.padEnd(8)} ${paint(sevColor[f.severity], f.severity.padEnd(7))} ${f.message}  ${paint('2', f.ruleId)}`);
    }
    out.push('');
  }
  const used = [...new Set(result.findings.map((f) => f.ruleId))].sort();
  if (used.length > 0) {
    out.push('Rules:');
    for (const id of used) out.push(`  ${id}  ${ruleById(id)?.meta.docsUrl ?? ''}`);
    out.push('');
  }
  const counts = (['error', 'warning', 'info', 'hint'] as Severity[])
    .map((s) => [s, result.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`);
  out.push(
    `${result.findings.length === 0 ? 'No problems' : counts.join(', ')} in ${result.filesChecked} file${result.filesChecked === 1 ? '' : 's'} checked.`,
  );
  return out.join('\n') + '\n';
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function sarifUri(file: string): string {
  return file.split('/').map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg))).join('/');
}

/**
 * SARIF 2.1.0 with the rules' metadata. `partialFingerprints["twelveFactor/v1"]` is the finding's fingerprint
 * (rule + hash of the matched text + path, no line), so code scanning keeps tracking an alert when lines move.
 */
export function formatSarif(result: ScanResult, version: string, cwd: string = process.cwd()): string {
  const rules = RULES.map((r) => ({
    id: r.meta.id,
    name: r.meta.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: r.meta.title },
    fullDescription: { text: r.meta.description },
    helpUri: r.meta.docsUrl,
    help: { text: `${r.meta.description} See ${r.meta.docsUrl}`, markdown: `${r.meta.description} [Documentation](${r.meta.docsUrl})` },
    defaultConfiguration: { level: SARIF_LEVEL[r.meta.defaultSeverity] },
    properties: { factor: r.meta.factor, tags: ['twelve-factor', `factor-${r.meta.factor}`] },
  }));
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const root = cwd.split('\\').join('/');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'twelve-factor-lint', version, informationUri: DOCS_BASE_URL, rules } },
        originalUriBaseIds: { SRCROOT: { uri: `file://${root.startsWith('/') ? '' : '/'}${root.split('/').map(encodeURIComponent).join('/')}/` } },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((f) => ({
          ruleId: f.ruleId,
          ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: sarifUri(f.file), uriBaseId: 'SRCROOT' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          partialFingerprints: { 'twelveFactor/v1': f.fingerprint },
          properties: { factor: f.factor },
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** `--print-accepted`: an `accepted:` block to paste into .twelve-factor.yml, one entry per finding. */
export function formatAccepted(result: ScanResult): string {
  const seen = new Set<string>();
  const accepted = [];
  for (const f of result.findings) {
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    accepted.push({ rule: f.ruleId, fingerprint: f.fingerprint, path: f.fingerprintPath, note: `line ${f.line}: ${f.message}` });
  }
  return accepted.length === 0 ? 'accepted: []\n' : stringify({ accepted }, { lineWidth: 0 });
}

export function failsAt(result: ScanResult, failOn: 'error' | 'warning' | 'never'): boolean {
  if (failOn === 'never') return false;
  const limit = RANK[failOn];
  return result.findings.some((f) => RANK[f.severity] <= limit);
}
