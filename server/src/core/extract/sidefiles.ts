import { parseDotenv } from '../env/example';
import { eolOf } from '../text';

/**
 * Edits of the files beside the code: a line appended to the env example file, to `.env` and to `.gitignore`,
 * keeping each file's line endings and its final newline (or its lack of one); creation when it is missing.
 */

/** An insertion at an offset of a side file's text (or the whole text of a file to create). */
export interface TextInsert {
  at: number;
  newText: string;
  /** Offset of the variable's name inside newText, if it appears. */
  nameAt?: number;
}

/** Appends lines at the end of `text` (undefined: a new file), in its line-ending style. */
export function appendLines(
  text: string | undefined,
  lines: string[],
  nameLine?: { index: number; column: number },
  options: { dotenv?: boolean } = {},
): TextInsert {
  if (text === undefined || text.length === 0 || text === '\uFEFF') {
    const body = lines.join('\n') + '\n';
    const at = text === '\uFEFF' ? 1 : 0;
    return { at, newText: body, nameAt: nameLine && offsetOfLine(lines, nameLine, '\n') };
  }
  const eol = eolOf(text);
  const needsBreak = !text.endsWith('\n') && !text.endsWith('\r');
  let lead = needsBreak ? eol : '';
  const body = lines.join(eol) + (needsBreak ? '' : eol);
  // In dotenv syntax a malformed last line (`KEY:` with nothing after it) swallows the line that follows it; a
  // blank line in between keeps the appended keys what they say.
  if (options.dotenv && !declaresAll(text + lead + body, lines)) lead += eol;
  return { at: text.length, newText: lead + body, nameAt: nameLine && lead.length + offsetOfLine(lines, nameLine, eol) };
}

/** Do the `KEY=value` lines read back as written (every key present with its value) from `text`? */
function declaresAll(text: string, lines: string[]): boolean {
  const parsed = parseDotenv(text);
  return lines.every((l) => {
    const m = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/.exec(l);
    return !m || (m[1] in parsed && (m[2] === '' || parsed[m[1]] === parseDotenv(l)[m[1]]));
  });
}

function offsetOfLine(lines: string[], at: { index: number; column: number }, eol: string): number {
  let n = 0;
  for (let i = 0; i < at.index; i++) n += lines[i].length + eol.length;
  return n + at.column;
}

/**
 * `value` as a dotenv value that dotenv's parser (and docker compose) read back unchanged: bare when it is
 * plain; single quotes (literal, no `$` interpolation) when it has spaces, `#`, `$` or `"`; double quotes with
 * `\n` escapes for multi-line values; backticks when it holds both kinds of quote.
 */
export function dotenvValue(value: string): string {
  if (/^[A-Za-z0-9_\-.:/@+=,%~^*?&!|<>[\]{}()]*$/.test(value) && !/^[=]/.test(value)) return value;
  const multiLine = /[\r\n]/.test(value);
  if (!multiLine && !value.includes("'")) return `'${value}'`;
  if (!value.includes('"') && !/\\[nr]/.test(value)) return `"${value.replace(/\r\n/g, '\\n').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
  if (!value.includes('`') && !multiLine) return `\`${value}\``;
  if (!value.includes('`')) return `\`${value}\``;
  return `"${value.replace(/\r\n/g, '\\n').replace(/\n/g, '\\n')}"`;
}

/** Does the `.gitignore` text already list `.env` exactly (so adding it again would be noise)? */
export function listsDotenv(text: string): boolean {
  return /^[ \t]*\/?\.env[ \t]*$/m.test(text);
}
