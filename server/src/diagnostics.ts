import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { ruleById, type ReportedFinding, type Severity } from './core';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'twelve-factor';

/**
 * A finding as an LSP diagnostic: rule id as `code`, the rule's docs as `codeDescription`, masked message. No
 * `data`: code actions find the finding again by rule and range, so every keystroke's payload stays small.
 */
export function toDiagnostic(f: ReportedFinding): Diagnostic {
  const description = codeDescription(f.ruleId);
  if (!description) return { range: f.range, severity: SEVERITY[f.severity], source: SOURCE, code: f.ruleId, message: f.message };
  return { range: f.range, severity: SEVERITY[f.severity], source: SOURCE, code: f.ruleId, codeDescription: description, message: f.message };
}

/** One `codeDescription` per rule, shared by its diagnostics (a file may have thousands). */
const descriptions = new Map<string, { href: string } | undefined>();
function codeDescription(ruleId: string): { href: string } | undefined {
  if (!descriptions.has(ruleId)) {
    const meta = ruleById(ruleId)?.meta;
    descriptions.set(ruleId, meta ? { href: meta.docsUrl } : undefined);
  }
  return descriptions.get(ruleId);
}
