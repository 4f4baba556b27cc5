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
  const meta = ruleById(f.ruleId)?.meta;
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    ...(meta ? { codeDescription: { href: meta.docsUrl } } : {}),
    message: f.message,
  };
}
