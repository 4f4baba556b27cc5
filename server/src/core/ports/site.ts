import type { OffsetEdit } from '../logs/site';
import type { LanguageId } from '../types';

/** A literal port the app binds to: offsets of the literal, the port, and a fix when one can be written. */
export interface PortSite {
  start: number;
  end: number;
  port: number;
  /** What binds it, for the message: "app.listen", "Flask app.run"… */
  what: string;
  fix?: { title: string; edits: OffsetEdit[] };
}

export interface PortInput {
  text: string;
  language: LanguageId;
  path: string;
  /**
   * Whether a word of PORT_WORDS occurs in the text (ASCII case-insensitive), when a keyword pass found out; a
   * detector skips a pattern that needs a word that does not occur. Undefined: every pattern runs.
   */
  occurs?: (word: PortWord) => boolean;
  /**
   * Where `listen` or `serve`, and where `server`, end (the offset of the last character of each occurrence, ASCII
   * case-insensitive), when a keyword pass found them: a pattern that must hold one is tried only where such a
   * match would start. Undefined: the patterns scan the whole text.
   */
  ends?: { listenOrServe: readonly number[]; server: readonly number[] };
}

/** Words some patterns need, for the rule's ScanRequest: a pattern needing one runs only where it occurs. */
export const PORT_WORDS = ['listen', 'serve', 'server', "'port'", '"port"'] as const;
export type PortWord = (typeof PORT_WORDS)[number];

export interface PortDetector {
  languages: readonly LanguageId[];
  find(input: PortInput): PortSite[];
}

/** A plausible server port: 80 and up (lower numbers in `listen(5)` are backlogs, `listen(0)` asks for any port). */
export function isServerPort(value: string): boolean {
  const n = Number(value);
  return Number.isInteger(n) && n >= 80 && n <= 65535;
}

/** A `const NAME = 3000` / `NAME = 3000` / `var NAME = 3000` declaration of `name` with a plain number, or undefined. */
export function resolveConstant(text: string, name: string, language: LanguageId): { start: number; end: number; value: string } | undefined {
  if (!/^[A-Za-z_$][\w$]{0,60}$/.test(name)) return undefined;
  const id = name.replace(/\$/g, '\\$');
  const decl =
    language === 'python' || language === 'ruby'
      ? new RegExp(`^[ \\t]*${id}[ \\t]*=[ \\t]*(\\d{2,5})[ \\t]*(?:#[^\\n]{0,300})?$`, 'm')
      : language === 'go'
        ? new RegExp(`\\b${id}\\s*(?::=|=)\\s*"([\\w.\\[\\]-]{0,100}:\\d{2,5})"`)
        : new RegExp(`\\b(?:const|let|var|val|final|static|private|public|int|readonly)\\s+(?:[\\w<>]{1,40}\\s+)?${id}\\s*(?::\\s*[\\w.]{1,40}\\s*)?=\\s*(\\d{2,5})\\s*[;\\n]`);
  const m = decl.exec(text);
  if (!m) return undefined;
  // A variable that is also assigned from the environment somewhere (`port := os.Getenv("PORT")`, with the
  // literal as the fallback branch) is not hardcoded.
  const fromEnv = new RegExp(`\\b${id}\\s*(?::=|=)[^\\n]{0,200}?(?:getenv|Getenv|environ|process\\.env|ENV\\b|GetEnvironmentVariable|LookupEnv)`);
  if (fromEnv.test(text)) return undefined;
  const start = m.index + m[0].indexOf(m[1], m[0].indexOf('='));
  return { start, end: start + m[1].length, value: m[1] };
}
