import type { LanguageId } from '../types';

/** A replacement of `text.slice(start, end)` by `newText` in the checked file. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** One place where logs are sent to a file, as found by a sink detector (offsets into the file's text). */
export interface LogSite {
  start: number;
  end: number;
  /** What writes the file, for the message: "winston File transport", "logback FileAppender"… */
  what: string;
  /** A quick fix, when the library makes one safe enough to offer. */
  fix?: { title: string; edits: OffsetEdit[] };
}

export interface SinkInput {
  text: string;
  language: LanguageId;
  path: string;
}

/** A detector for one family of file sinks. */
export interface SinkDetector {
  languages: readonly LanguageId[];
  /** Lower-case words of which one must occur for the detector to run. */
  keywords: readonly string[];
  find(input: SinkInput): LogSite[];
}

/** Runs `re` (a `g` regex is built from its source and flags) over `text` and maps each match. */
export function scan(text: string, re: RegExp, map: (m: RegExpExecArray) => LogSite | LogSite[] | undefined): LogSite[] {
  const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
  const g = new RegExp(re.source, flags);
  const out: LogSite[] = [];
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (m[0].length === 0) g.lastIndex++;
    const r = map(m);
    if (Array.isArray(r)) out.push(...r);
    else if (r) out.push(r);
  }
  return out;
}

/** Is a path one of the process's standard streams (or the null device), not a file? */
export function isStdStream(value: string): boolean {
  return /^(?:-|1|2|\/dev\/(?:stdout|stderr|null|fd\/[12])|php:\/\/(?:stdout|stderr|output)|stdout|stderr|nul)$/i.test(value.trim());
}
