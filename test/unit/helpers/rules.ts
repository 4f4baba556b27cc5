import { defaultEngine, Engine, languageOf, ruleById, type ReportedFinding } from '../../../server/src/core';

/** The findings of one rule on a file, with every rule running (as in the editor). */
export function checkRule(ruleId: string, path: string, text: string): ReportedFinding[] {
  return defaultEngine()
    .check({ path, text, language: languageOf(path) }, { platformVariables: new Set() })
    .filter((f) => f.ruleId === ruleId);
}

/** One rule alone in its own engine (for timing it without the others). */
export function checkRuleAlone(ruleId: string, path: string, text: string): ReportedFinding[] {
  return new Engine([ruleById(ruleId)!]).check({ path, text, language: languageOf(path) }, { platformVariables: new Set() });
}
