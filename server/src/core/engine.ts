import { applyIgnores } from './ignores';
import { KeywordMatcher } from './prefilter';
import { FACTORS } from './rule';
import { lineIndex } from './text';
import type { Finding, ProjectFacts, ReportedFinding, Rule, Severity, SeveritySetting, SourceFile } from './types';

export interface CheckOptions {
  /** Per-rule severity overrides; `off` disables the rule. */
  severities?: Readonly<Record<string, SeveritySetting | undefined>>;
}

/**
 * Runs rules over files. Built once per rule list: the keyword automaton for all rules is compiled here, and
 * each check makes one pass over the text to find which rules can possibly match.
 */
export class Engine {
  private readonly matcher: KeywordMatcher;
  /** For each keyword index, the rules that list it. */
  private readonly rulesByKeyword: Rule[][];
  private readonly alwaysRun: Rule[];

  constructor(readonly rules: readonly Rule[]) {
    const keywords: string[] = [];
    const index = new Map<string, number>();
    this.rulesByKeyword = [];
    this.alwaysRun = [];
    for (const rule of rules) {
      if (rule.meta.keywords.length === 0) {
        this.alwaysRun.push(rule);
        continue;
      }
      for (const kw of rule.meta.keywords) {
        let i = index.get(kw);
        if (i === undefined) {
          i = keywords.length;
          index.set(kw, i);
          keywords.push(kw);
          this.rulesByKeyword.push([]);
        }
        this.rulesByKeyword[i].push(rule);
      }
    }
    this.matcher = new KeywordMatcher(keywords);
  }

  /** The rules that would run on `file` (language applies and a keyword occurs). */
  candidateRules(file: SourceFile): Rule[] {
    const selected = new Set<Rule>(this.alwaysRun);
    for (const k of this.matcher.scan(file.text)) for (const r of this.rulesByKeyword[k]) selected.add(r);
    return this.rules.filter(
      (r) => selected.has(r) && (!r.meta.languages || r.meta.languages.includes(file.language)),
    );
  }

  check(file: SourceFile, facts: ProjectFacts, options: CheckOptions = {}): ReportedFinding[] {
    const lines = lineIndex(file.text);
    const out: ReportedFinding[] = [];
    for (const rule of this.candidateRules(file)) {
      const setting = options.severities?.[rule.meta.id];
      if (setting === 'off') continue;
      let found: Finding[];
      try {
        found = rule.detect({ file, facts, lines });
      } catch (err) {
        // A rule bug must never take the whole check down; report it as an internal finding-free failure.
        found = [];
        reportRuleError(rule.meta.id, file.path, err);
      }
      for (const f of applyIgnores(file.text, file.language, lines, found)) {
        const severity: Severity = setting ?? f.severity ?? rule.meta.defaultSeverity;
        out.push({ ...f, severity, factor: rule.meta.factor });
      }
    }
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return out;
  }
}

type RuleErrorListener = (ruleId: string, path: string, err: unknown) => void;
let ruleErrorListener: RuleErrorListener | undefined;

/** Lets the host (server or CLI) log rule failures its own way. */
export function onRuleError(listener: RuleErrorListener | undefined): void {
  ruleErrorListener = listener;
}

function reportRuleError(ruleId: string, path: string, err: unknown): void {
  ruleErrorListener?.(ruleId, path, err);
}

export function factorName(n: number): string {
  return FACTORS.find((f) => f.number === n)?.name ?? String(n);
}
