import type { Range, SourceFile } from '../types';

/** Why the value is being extracted: the diagnostic that offered it, or a plain selection (refactoring). */
export type ExtractOrigin = 'secret' | 'url' | 'port' | 'selection';

/** A file next to the code: its path and its text, or no text when it does not exist yet. */
export interface SideFile {
  path: string;
  /** Undefined when the file does not exist (it will be created). */
  text?: string;
}

/**
 * Everything the pure edit computation needs, gathered by the caller (the server reads the files from disk and
 * decides whether `.env` is ignored or tracked by git).
 */
export interface ExtractRequest {
  file: SourceFile;
  /** Offsets in `file.text` of the flagged value (a diagnostic's range) or of the selection (may be empty). */
  start: number;
  end: number;
  origin: ExtractOrigin;
  /** The diagnostic's provider id (`data.kind` of config/hardcoded-secret, e.g. `stripe-live-secret`). */
  provider?: string;
  /** A name suggested by the rule (`data.suggestedName`) or the secret-named key it saw (`data.name`). */
  nameHint?: string;
  /** JS/TS client code of a Vite app: read `import.meta.env.VITE_NAME`. */
  viteClient?: boolean;
  /** The env example file that governs the code file; `text` undefined when it must be created. */
  example: SideFile;
  /** The local `.env` beside the example file. */
  dotenv: SideFile;
  /** Is `.env` ignored by git? Undefined when unknown (treated as not ignored: `.env` is added to .gitignore). */
  dotenvIgnored: boolean | undefined;
  /** Is `.env` tracked by git? Undefined when unknown (treated as tracked: the value is not written). */
  dotenvTracked: boolean | undefined;
  /** The `.gitignore` that should list `.env` when it is not ignored. */
  gitignore: SideFile;
  /** Does other code in the workspace read this variable? (facts.isReadInWorkspace) */
  isReadElsewhere?: (name: string) => boolean | undefined;
}

export interface ExtractEdit {
  range: Range;
  newText: string;
}

/** The edits of one file; `create` when the file does not exist yet (its edits then insert at 0:0). */
export interface FileChange {
  path: string;
  create: boolean;
  edits: ExtractEdit[];
}

export interface ExtractResult {
  /** The variable's name, as written in the code (with `VITE_` for Vite client code). */
  name: string;
  title: string;
  /** Whether the value was written to `.env`. */
  valueWritten: boolean;
  /** Why not, when it was not. */
  valueNote?: string;
  /** In order: the code file, the example file, `.env`, `.gitignore` (only the touched ones). */
  changes: FileChange[];
  /** Where the name sits once the edit is applied, in every touched file: for a one-step rename. */
  nameLocations: { path: string; range: Range }[];
}
