import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type Hover,
  type Location,
  type Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findEnvReads, mask, type EnvExampleFacts, type LanguageId, type ProjectFacts } from './core';
import { parseDotenv } from './core/env/example';
import { isEnvExampleFile } from './core/env/discovery';
import type { EnvReadIndex } from './core/env/index';

/**
 * Editor features of the env contract: completion of declared names after an env read's opening, hover on a
 * read (declaration, comment, local value masked, number of reads), go to definition (read → example line) and
 * references (example key or read → every read in the workspace index).
 */

/** Text just before the cursor that opens an env read, per language: the name is typed right after it. */
const OPENERS: Partial<Record<LanguageId, RegExp>> = {
  javascript: /(?:process\.env\??\.|process\.env\[\s*["'`]|import\.meta\.env\.|Bun\.env\.|Deno\.env\.get\(\s*["'])[A-Za-z0-9_]*$/,
  typescript: /(?:process\.env\??\.|process\.env\[\s*["'`]|import\.meta\.env\.|Bun\.env\.|Deno\.env\.get\(\s*["'])[A-Za-z0-9_]*$/,
  python: /(?:os\.environ\[\s*|os\.environ\.get\(\s*|os\.getenv\(\s*|environ\[\s*|environ\.get\(\s*|getenv\(\s*)["'][A-Za-z0-9_]*$/,
  go: /os\.(?:Getenv|LookupEnv)\(\s*"[A-Za-z0-9_]*$/,
  java: /System\.getenv\(\s*"[A-Za-z0-9_]*$/,
  kotlin: /System\.getenv\(\s*"[A-Za-z0-9_]*$/,
  ruby: /ENV(?:\[\s*|\.fetch\(\s*)["'][A-Za-z0-9_]*$/,
  php: /(?:getenv\(\s*|\$_ENV\[\s*)["'][A-Za-z0-9_]*$/,
  csharp: /Environment\.GetEnvironmentVariable\(\s*"[A-Za-z0-9_]*$/,
  rust: /env::var\(\s*"[A-Za-z0-9_]*$/,
  shell: /\$\{?[A-Za-z0-9_]*$/,
  dockerfile: /\$\{?[A-Za-z0-9_]*$/,
  procfile: /\$\{?[A-Za-z0-9_]*$/,
};

export const COMPLETION_TRIGGERS = ['.', '[', '(', '"', "'", '{', '$'];

function linePrefix(doc: TextDocument, position: Position): string {
  return doc.getText({ start: { line: position.line, character: 0 }, end: position });
}

export function completions(doc: TextDocument, position: Position, language: LanguageId, facts: ProjectFacts): CompletionItem[] {
  const opener = OPENERS[language];
  const example = facts.envExample;
  if (!opener || !example || !opener.test(linePrefix(doc, position))) return [];
  return [...example.keys].map(([name, decl]) => ({
    label: name,
    kind: CompletionItemKind.Variable,
    detail: `declared in ${relativeName(example.path, doc)}`,
    ...(decl.comment ? { documentation: { kind: MarkupKind.Markdown, value: decl.comment } } : {}),
  }));
}

function relativeName(path: string, doc: TextDocument): string {
  try {
    return relative(dirname(new URL(doc.uri).pathname), path) || path;
  } catch {
    return path;
  }
}

/** The read (or, in an example file, the declared key) under the cursor. */
export function nameAt(doc: TextDocument, position: Position, language: LanguageId, path: string): { name: string; start: Position; end: Position } | undefined {
  const offset = doc.offsetAt(position);
  const text = doc.getText();
  if (isEnvExampleFile(path) || language === 'dotenv') {
    const line = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
    const m = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=/.exec(line);
    if (m && position.character >= m[1].length && position.character <= m[1].length + m[2].length) {
      return { name: m[2], start: { line: position.line, character: m[1].length }, end: { line: position.line, character: m[1].length + m[2].length } };
    }
    return undefined;
  }
  const read = findEnvReads(text, language, path).find((r) => r.start <= offset && offset <= r.end);
  return read ? { name: read.name, start: doc.positionAt(read.start), end: doc.positionAt(read.end) } : undefined;
}

function localValue(example: EnvExampleFacts | undefined, name: string): string | undefined {
  if (!example) return undefined;
  const dotenv = join(dirname(example.path), '.env');
  if (!existsSync(dotenv)) return undefined;
  try {
    return parseDotenv(readFileSync(dotenv, 'utf8'))[name];
  } catch {
    return undefined;
  }
}

export function hover(doc: TextDocument, position: Position, language: LanguageId, path: string, facts: ProjectFacts, index: EnvReadIndex): Hover | undefined {
  const at = nameAt(doc, position, language, path);
  if (!at) return undefined;
  const example = facts.envExample;
  const decl = example?.keys.get(at.name);
  const lines = [`**${at.name}** — environment variable`];
  if (facts.platformVariables.has(at.name)) lines.push('Provided by the platform.');
  if (example && decl) {
    lines.push(`Declared in \`${relativeName(example.path, doc)}\` line ${decl.line + 1}${decl.comment ? `: ${decl.comment}` : '.'}`);
  } else if (!facts.platformVariables.has(at.name)) {
    lines.push(example ? `Not declared in \`${relativeName(example.path, doc)}\`.` : 'No env example file governs this file.');
  }
  const value = localValue(example, at.name);
  lines.push(value === undefined ? 'Not set in the local `.env`.' : `Set in the local \`.env\`: \`${value === '' ? '(empty)' : mask(value)}\``);
  const { reads, files } = index.count(at.name);
  lines.push(`Read ${reads} time${reads === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} of the workspace.`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: { start: at.start, end: at.end } };
}

export function definition(doc: TextDocument, position: Position, language: LanguageId, path: string, facts: ProjectFacts): Location | undefined {
  const at = nameAt(doc, position, language, path);
  const example = facts.envExample;
  const decl = at && example?.keys.get(at.name);
  if (!at || !example || !decl) return undefined;
  const lineText = example.text.split(/\r\n|\r|\n/)[decl.line] ?? '';
  const col = Math.max(0, lineText.indexOf(at.name));
  return {
    uri: pathToFileURL(example.path).href,
    range: { start: { line: decl.line, character: col }, end: { line: decl.line, character: col + at.name.length } },
  };
}

export function references(
  doc: TextDocument,
  position: Position,
  language: LanguageId,
  path: string,
  facts: ProjectFacts,
  index: EnvReadIndex,
  includeDeclaration: boolean,
): Location[] {
  const at = nameAt(doc, position, language, path);
  if (!at) return [];
  const out: Location[] = index.readers(at.name).map((r) => ({ uri: pathToFileURL(r.path).href, range: r.range }));
  if (includeDeclaration) {
    const decl = isEnvExampleFile(path)
      ? { uri: doc.uri, range: { start: at.start, end: at.end } }
      : definition(doc, position, language, path, facts);
    if (decl) out.unshift(decl);
  }
  return out;
}
