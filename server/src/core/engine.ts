import { fingerprint, type Sha256Hex } from './fingerprint';
import { IGNORE, ignoreFilter } from './ignores';
import { isDeclarationFile } from './languages';
import { KeywordScanner, type KeywordScan, type ScanEvents } from './prefilter';
import { FACTORS } from './rule';
import { lineIndex } from './text';
import type { Finding, ProjectFacts, ReportedFinding, Rule, Severity, SeveritySetting, SourceFile, WordScan } from './types';

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
  /**
   * The project-relative path used in fingerprints (default: `file.path`), or a function that works it out, called
   * only when a finding is fingerprinted (most files of a scan have none).
   */
  fingerprintPath?: string | (() => string);
  /**
   * The SHA-256 the fingerprints use (default: the core's own, in plain TypeScript). The CLI passes node:crypto's:
   * the same digests, at a fraction of the cost on a scan with thousands of findings.
   */
  sha256?: Sha256Hex;
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

/** Files from this size on (UTF-16 units) keep their keyword scan for an incremental re-scan; how many are kept. */
const INCREMENTAL_SCAN_MIN = 64 * 1024;
const INCREMENTAL_SCAN_FILES = 4;

/** A rule's share of the engine's words: where its scan words sit among all words and its hit groups among all groups. */
interface ScanShare {
  rule: Rule;
  /** Global index of each of the rule's scan words. */
  wordIndex: number[];
  /** The rule's first hit group in the engine's numbering. */
  groupBase: number;
  groups: number;
}

/**
 * Runs rules over files. Built once per rule list: one keyword automaton is compiled here for all rules (their
 * prefilter keywords and the words they ask to have located), and each check makes one pass over the text that
 * finds which rules can possibly match and what they asked for.
 */
export class Engine {
  private readonly scanner: KeywordScanner;
  /** For each word index, the rules whose prefilter keyword it is. */
  private readonly rulesByKeyword: Rule[][];
  private readonly alwaysRun: Rule[];
  private readonly shares: ScanShare[] = [];
  /** The index of IGNORE among the words: a file without it has no ignore directive to look for. */
  private readonly ignoreWord: number;

  /**
   * `rememberScans`: keep the keyword scans of large files for an incremental re-scan of their next version (an
   * editor's documents). A batch over many files (the CLI) checks each file once: kept scans would only hold the
   * last few big texts alive into the old generation, for the major collections to clear.
   */
  constructor(
    readonly rules: readonly Rule[],
    private readonly rememberScans = true,
  ) {
    const words: string[] = [];
    const index = new Map<string, number>();
    const wordGroups: number[] = [];
    this.rulesByKeyword = [];
    this.alwaysRun = [];
    const wordOf = (w: string): number => {
      let i = index.get(w);
      if (i === undefined) {
        i = words.length;
        index.set(w, i);
        words.push(w);
        wordGroups.push(0);
        this.rulesByKeyword.push([]);
      }
      return i;
    };
    let groupBase = 0;
    for (const rule of rules) {
      if (rule.meta.keywords.length === 0) this.alwaysRun.push(rule);
      for (const kw of rule.meta.keywords) this.rulesByKeyword[wordOf(kw)].push(rule);
      const req = rule.scan;
      if (!req) continue;
      const wanted = req.groups ?? [];
      const groups = 32 - Math.clz32(wanted.reduce((m, g) => m | g, 0));
      if (groups > 12 || groupBase + groups > 31) throw new Error(`rule ${rule.meta.id}: too many hit groups`);
      const wordIndex = req.words.map((w, i) => {
        const g = wordOf(w);
        wordGroups[g] |= (wanted[i] ?? 0) << groupBase;
        return g;
      });
      this.shares.push({ rule, wordIndex, groupBase, groups });
      groupBase += groups;
    }
    this.ignoreWord = wordOf(IGNORE);
    this.scanner = new KeywordScanner(words, wordGroups);
    this.foundScratch = new Uint8Array(words.length);
  }

  /** Scratch for select: for each word index, 1 while it is among a scan's found words (all zero between calls). */
  private readonly foundScratch: Uint8Array;

  /** The rules that would run on `file` (language applies and a keyword occurs), with what each asked to find. */
  private select(file: SourceFile): { rules: Rule[]; scans: Map<Rule, WordScan>; directives: boolean } {
    const result = this.keywordScan(file);
    const selected = new Set<Rule>(this.alwaysRun);
    for (const k of result.found) for (const r of this.rulesByKeyword[k]) selected.add(r);
    const declarations = selected.size > 0 && isDeclarationFile(file.path);
    const rules =
      selected.size === 0
        ? []
        : this.rules.filter((r) => selected.has(r) && (!r.meta.languages || r.meta.languages.includes(file.language)) && !(declarations && r.meta.runtimeCode));
    const scans = new Map<Rule, WordScan>();
    if (this.shares.length > 0 && rules.length > 0) {
      const found = this.foundScratch;
      for (const k of result.found) found[k] = 1;
      for (const share of this.shares) {
        if (!selected.has(share.rule)) continue;
        const local: number[] = [];
        share.wordIndex.forEach((g, i) => {
          if (found[g] === 1) local.push(i);
        });
        const hits: number[][] = [];
        for (let j = 0; j < share.groups; j++) hits.push(result.hits[share.groupBase + j] ?? []);
        scans.set(share.rule, { found: local, hits });
      }
      for (const k of result.found) found[k] = 0;
    }
    return { rules, scans, directives: rules.length > 0 && result.found.includes(this.ignoreWord) };
  }

  /**
   * The last keyword scans of large files, by path: re-checking an edited file (each keystroke in the editor)
   * scans only the lines that changed since (see KeywordScanner.rescan). A few files at most, least recent dropped.
   */
  private readonly lastScans = new Map<string, ScanEvents>();

  private keywordScan(file: SourceFile): KeywordScan {
    if (!this.rememberScans || file.text.length < INCREMENTAL_SCAN_MIN) return this.scanner.scan(file.text);
    const previous = this.lastScans.get(file.path);
    this.lastScans.delete(file.path);
    const { result, events } = this.scanner.rescan(previous, file.text);
    this.lastScans.set(file.path, events);
    if (this.lastScans.size > INCREMENTAL_SCAN_FILES) this.lastScans.delete(this.lastScans.keys().next().value!);
    return result;
  }

  /** The rules that would run on `file` (language applies and a keyword occurs). */
  candidateRules(file: SourceFile): Rule[] {
    return this.select(file).rules;
  }

  check(file: SourceFile, facts: ProjectFacts, options: CheckOptions = {}): ReportedFinding[] {
    const out: ReportedFinding[] = [];
    const selection = this.select(file);
    const rules = selection.rules.filter((r) => options.severities?.[r.meta.id] !== 'off');
    if (rules.length === 0) return out; // most files of a big tree: no line index needed
    const lines = lineIndex(file.text);
    // Inline ignore directives are looked for only once a rule has found something (most files: never).
    let ignored: ReturnType<typeof ignoreFilter> | null = null;
    let printPath: string | undefined;
    for (const rule of rules) {
      const setting = options.severities?.[rule.meta.id] as Severity | undefined; // 'off' was filtered out above
      let found: Finding[];
      try {
        found = rule.detect({ file, facts, lines, scan: selection.scans.get(rule) });
      } catch (err) {
        // A rule bug must never take the whole check down; report it as an internal finding-free failure.
        found = [];
        reportRuleError(rule.meta.id, file.path, err);
      }
      const allow = options.allow?.[rule.meta.id];
      const accepted = options.accepted?.get(rule.meta.id);
      for (const f of found) {
        if (ignored === null) ignored = selection.directives ? ignoreFilter(file.text, file.language, lines) : undefined;
        if (ignored?.(f)) continue;
        const needsText = (allow !== undefined && allow.length > 0) || accepted !== undefined || options.fingerprints === true;
        const matched = needsText ? file.text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end)) : '';
        if (allow && allow.length > 0 && isAllowed(matched, allow)) continue;
        let print: string | undefined;
        if (accepted || options.fingerprints) {
          printPath ??= typeof options.fingerprintPath === 'function' ? options.fingerprintPath() : (options.fingerprintPath ?? file.path);
          print = fingerprint(rule.meta.id, matched, printPath, options.sha256);
          if (accepted?.has(print)) continue;
        }
        // Findings are fresh objects from the rule: completed in place (a copy of each costs on files with thousands).
        const r = f as ReportedFinding;
        r.severity = setting ?? f.severity ?? rule.meta.defaultSeverity;
        r.factor = rule.meta.factor;
        if (print !== undefined) r.fingerprint = print;
        out.push(r);
      }
    }
    if (!isSorted(out)) out.sort(byPosition);
    return out;
  }
}

function byPosition(a: ReportedFinding, b: ReportedFinding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function isSorted(list: readonly ReportedFinding[]): boolean {
  for (let i = 1; i < list.length; i++) if (byPosition(list[i - 1], list[i]) > 0) return false;
  return true;
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
