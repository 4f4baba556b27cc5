import { fingerprint } from './fingerprint';
import { ignoreFilter } from './ignores';
import { KeywordMatcher } from './prefilter';
import { FACTORS } from './rule';
import { lineIndex } from './text';
import type { Finding, ProjectFacts, ReportedFinding, Rule, Severity, SeveritySetting, SourceFile } from './types';

export interface CheckOptions {
  /** Per-rule severity overrides; `off` disables the rule. */
  severities?: Readonly<Record<string, SeveritySetting | undefined>>;
  /**
   * Allowlisted values per rule id (project config `allow:`): a finding whose matched text (the text of its
   * range, or that text without surrounding quotes) equals a string, or matches a RegExp, is dropped.
   */
  allow?: Readonly<Record<string, readonly (string | RegExp)[] | undefined>>;
  /**
   * Accepted findings (project config `accepted:`): rule id → fingerprints; those findings are dropped. Only the
   * findings of rules listed here are fingerprinted for the comparison.
   */
  accepted?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Give every finding its `fingerprint` (the CLI does, for SARIF; costs a SHA-256 per finding). */
  fingerprints?: boolean;
  /** The project-relative path used in fingerprints (default: `file.path`). */
  fingerprintPath?: string;
}

function isAllowed(matched: string, patterns: readonly (string | RegExp)[]): boolean {
  const unquoted = /^(['"`]).*\1$/s.test(matched) ? matched.slice(1, -1) : matched;
  for (const p of patterns) {
    if (typeof p === 'string') {
      if (p === matched || p === unquoted) return true;
    } else {
      p.lastIndex = 0;
      if (p.test(matched)) return true;
    }
  }
  return false;
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
    if (selected.size === 0) return [];
    return this.rules.filter(
      (r) => selected.has(r) && (!r.meta.languages || r.meta.languages.includes(file.language)),
    );
  }

  check(file: SourceFile, facts: ProjectFacts, options: CheckOptions = {}): ReportedFinding[] {
    const out: ReportedFinding[] = [];
    const rules = this.candidateRules(file).filter((r) => options.severities?.[r.meta.id] !== 'off');
    if (rules.length === 0) return out; // most files of a big tree: no line index needed
    const lines = lineIndex(file.text);
    const ignored = ignoreFilter(file.text, file.language, lines);
    for (const rule of rules) {
      const setting = options.severities?.[rule.meta.id] as Severity | undefined; // 'off' was filtered out above
      let found: Finding[];
      try {
        found = rule.detect({ file, facts, lines });
      } catch (err) {
        // A rule bug must never take the whole check down; report it as an internal finding-free failure.
        found = [];
        reportRuleError(rule.meta.id, file.path, err);
      }
      const allow = options.allow?.[rule.meta.id];
      const accepted = options.accepted?.get(rule.meta.id);
      for (const f of found) {
        if (ignored?.(f)) continue;
        const needsText = (allow !== undefined && allow.length > 0) || accepted !== undefined || options.fingerprints === true;
        const matched = needsText ? file.text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end)) : '';
        if (allow && allow.length > 0 && isAllowed(matched, allow)) continue;
        let print: string | undefined;
        if (accepted || options.fingerprints) {
          print = fingerprint(rule.meta.id, matched, options.fingerprintPath ?? file.path);
          if (accepted?.has(print)) continue;
        }
        const severity: Severity = setting ?? f.severity ?? rule.meta.defaultSeverity;
        out.push(print === undefined ? { ...f, severity, factor: rule.meta.factor } : { ...f, severity, factor: rule.meta.factor, fingerprint: print });
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
