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
export function appendLines(text: string | undefined, lines: string[], nameLine?: { index: number; column: number }): TextInsert {
  if (text === undefined || text.length === 0 || text === '\uFEFF') {
    const body = lines.join('\n') + '\n';
    const at = text === '\uFEFF' ? 1 : 0;
    return { at, newText: body, nameAt: nameLine && offsetOfLine(lines, nameLine, '\n') };
  }
  const eol = eolOf(text);
  const needsBreak = !text.endsWith('\n') && !text.endsWith('\r');
  const lead = needsBreak ? eol : '';
  const newText = lead + lines.join(eol) + (needsBreak ? '' : eol);
  return { at: text.length, newText, nameAt: nameLine && lead.length + offsetOfLine(lines, nameLine, eol) };
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
