/**
 * The vocabulary of the pure core: rules, their metadata, the files they read, the project facts passed in from
 * outside, and the findings they produce. Nothing here knows about LSP, VS Code or the file system.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A zero-based position, `character` in UTF-16 code units (what JS strings and LSP use). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The kinds of file the core understands. `plaintext` gets only language-independent rules. */
export type LanguageId =
  | 'javascript'
  | 'typescript'
  | 'python'
  | 'go'
  | 'java'
  | 'kotlin'
  | 'ruby'
  | 'php'
  | 'csharp'
  | 'rust'
  | 'shell'
  | 'yaml'
  | 'json'
  | 'properties'
  | 'ini'
  | 'toml'
  | 'xml'
  | 'dockerfile'
  | 'dotenv'
  | 'procfile'
  | 'plaintext';

/** The twelve factors, numbered as on 12factor.net. */
export type FactorNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export interface RuleMeta {
  /** `<factor>/<pattern>` in kebab case, e.g. `config/hardcoded-secret`. Stable: used in ignores and configs. */
  id: string;
  factor: FactorNumber;
  /** A short title, e.g. "Hardcoded secret". */
  title: string;
  /** One sentence: what the rule reports. Used by the CLI, SARIF and the checklist. */
  description: string;
  defaultSeverity: Severity;
  /** The anchor of the rule's `### <id>` section in README.md (GitHub's slug of the id). */
  docsAnchor: string;
  /** Full URL of the rule's documentation. */
  docsUrl: string;
  /** Whether at least some findings carry a fix. */
  fixable: boolean;
  /**
   * Lower-case words of which at least one must occur in a file for the rule to run (the keyword prefilter).
   * An empty list means the rule always runs on the languages it applies to.
   */
  keywords: readonly string[];
  /** Languages the rule runs on; undefined means every language. */
  languages?: readonly LanguageId[];
  /**
   * The rule is about what code does when it runs (reads the environment, binds a port, opens a log file, connects
   * to a service): it skips type declaration files (`.d.ts`, `.d.mts`, `.d.cts`), which describe code and never run.
   */
  runtimeCode: boolean;
}

/** A text edit on the checked file (`file` undefined) or on a project file named by its path. */
export interface FixEdit {
  /** Absolute or project-relative path of another file; undefined means the file being checked. */
  file?: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  /** Safe fixes may be applied by "fix all" without review. */
  safe: boolean;
  edits: FixEdit[];
  /** Files to create (with their full text) before the edits are applied. */
  createFiles?: { file: string; text: string }[];
}

export interface Finding {
  ruleId: string;
  range: Range;
  /** Human message; any secret in it is already masked. */
  message: string;
  /** Overrides the rule's default severity for this finding (before settings apply). */
  severity?: Severity;
  /** Structured facts for code actions (e.g. the missing variable name). Never holds a whole secret. */
  data?: Record<string, string | number | boolean>;
  fixes?: Fix[];
}

/** A finding after settings were applied: its effective severity is known. */
export interface ReportedFinding extends Finding {
  severity: Severity;
  factor: FactorNumber;
  /**
   * Stable id of the finding (rule + hash of the matched text + path, no line): see fingerprint.ts. Computed only
   * when `CheckOptions.fingerprints` is set (or to match `accepted` entries of the finding's rule).
   */
  fingerprint?: string;
}

export interface EnvExampleFacts {
  /** The example file's path, as given by the caller (absolute or project-relative, `/`-separated). */
  path: string;
  /** Its full text, so fixes can keep its style and final newline. */
  text: string;
  /** Declared keys, with the 0-based line of the declaration. */
  keys: ReadonlyMap<string, { line: number; comment?: string }>;
}

/**
 * Facts about the project that a rule may need but cannot compute from the one file: computed outside the core
 * (the server's project-facts cache, the CLI's walker) and passed in.
 */
export interface ProjectFacts {
  /** The env example file that governs this file, if any. */
  envExample?: EnvExampleFacts;
  /** Where an env example file should be created when there is none (path of the file to create). */
  envExampleCreatePath?: string;
  /** Variables provided by the platform: never reported as missing. */
  platformVariables: ReadonlySet<string>;
  /** Is the given project-relative path ignored by git? Undefined when unknown. */
  isGitIgnored?: (relativePath: string) => boolean;
  /**
   * Does any code in the workspace read this environment variable (see env/index.ts EnvReadIndex)? Undefined,
   * or returning undefined, while the workspace index is not ready: rules that need it then report nothing.
   */
  isReadInWorkspace?: (name: string) => boolean | undefined;
}

export interface SourceFile {
  /** Path as the caller names it (`/`-separated). Used for messages, language detection and fix targets. */
  path: string;
  text: string;
  language: LanguageId;
}

/** What a rule's detector receives. */
export interface RuleContext {
  file: SourceFile;
  facts: ProjectFacts;
  /** Line starts of `file.text`, for offset → position conversion. */
  lines: LineIndex;
  /**
   * What the engine's keyword pass found of the words the rule asked for (`Rule.scan`), in the rule's own word
   * and group numbering. Undefined when the rule is run without the engine (then it scans for itself).
   */
  scan?: WordScan;
}

/**
 * Words a rule wants located by the engine's single pass over the text, so it needs no pass of its own: which of
 * them occur, and where every occurrence of a word of each hit group ends.
 */
export interface ScanRequest {
  /** Lower-case words. */
  words: readonly string[];
  /**
   * For each word, a bit mask of the hit groups (at most 12 per rule, 31 for all rules) it belongs to; 0 or no entry (or no list):
   * only whether it occurs is reported.
   */
  groups?: readonly number[];
}

export interface WordScan {
  /** Indices (in `ScanRequest.words`) of the words that occur, each once. */
  found: number[];
  /** Per hit group: the offset of the last character of every occurrence of one of its words, in order. */
  hits: number[][];
}

export interface LineIndex {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  readonly lineCount: number;
  lineText(line: number): string;
}

export interface Rule {
  meta: RuleMeta;
  /** Words the engine's keyword pass should locate for the rule (handed to `detect` as `ctx.scan`). */
  scan?: ScanRequest;
  detect(ctx: RuleContext): Finding[];
}
