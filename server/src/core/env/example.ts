import { parse } from 'dotenv';
import type { EnvExampleFacts } from '../types';

/**
 * dotenv's `parse`, kept linear: its line pattern begins with `^\s*`, which from every line start runs over all
 * the blank lines that follow, so a long run of blank lines costs quadratic time. Runs of blank lines are
 * collapsed to a single blank line first (one is kept: `KEY:` before a blank line parses differently than before
 * a key). Keys are unchanged; a multi-line quoted value may lose blank lines inside it.
 */
export function parseDotenv(text: string): Record<string, string> {
  return parse(text.replace(/\r\n?/g, '\n').replace(/\n(?:[ \t]*\n){2,}/g, '\n\n'));
}

const KEY_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*[=:]/;

/**
 * Reads an env example file: the keys come from dotenv's own parser (so `export KEY=`, quotes, multi-line values
 * and comments mean what they mean to dotenv); each key's line and the comment just above it are found by a scan
 * of the lines, for hover, go-to-definition and completion documentation.
 */
export function parseEnvExample(path: string, text: string): EnvExampleFacts {
  const parsed = parseDotenv(text);
  const keys = new Map<string, { line: number; comment?: string }>();
  const lines = text.split(/\r\n|\r|\n/);
  let comment: string[] = [];
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) {
      comment.push(trimmed.replace(/^#+\s?/, ''));
      return;
    }
    const m = KEY_LINE.exec(line);
    if (m && m[1] in parsed && !keys.has(m[1])) {
      keys.set(m[1], { line: i, ...(comment.length > 0 ? { comment: comment.join('\n') } : {}) });
    }
    comment = [];
  });
  // Keys dotenv found that the scan did not place (unusual layouts) still count as declared.
  for (const k of Object.keys(parsed)) if (!keys.has(k)) keys.set(k, { line: 0 });
  return { path, text, keys };
}

/** The character offset of `key` in its declaration line (after any `export `), or 0 if not found there. */
export function keyColumn(lineText: string, key: string): number {
  const m = /^[ \t]*(?:export[ \t]+)?/.exec(lineText);
  const at = m ? m[0].length : 0;
  return lineText.startsWith(key, at) ? at : Math.max(0, lineText.indexOf(key));
}
