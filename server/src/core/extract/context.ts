import type { LanguageId } from '../types';

/**
 * What the code around a literal says about it: the identifier or config key it is assigned to, as a path of
 * names from the outermost (`redis.password` → ['redis', 'password']). Linear scans of the line (code) or of
 * the lines above (YAML indentation) and of the text before the literal (JSON nesting).
 */
export interface LiteralContext {
  /** Names from outer to inner; empty when the literal is not assigned to anything recognisable. */
  path: string[];
  /** The literal is the value of an env-style key (`environment:` in compose, `ENV` in a Dockerfile…). */
  envKey?: string;
}

const TYPE_WORDS = /^(?:string|String|str|&str|int|Int|Integer|number|bool|boolean|Boolean|var|val|let|const|final|static|private|public|protected|readonly|def|char|long|Long|object|Object|any|auto|mut|pub|self|this|new)$/;

function lineBounds(text: string, offset: number): [number, number] {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  let e = offset;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  return [s, e];
}

/** `name = `, `name: `, `"name": `, `name := `, `'name' => `, `name=` (keyword argument) right before the literal. */
function codeContext(text: string, tokenStart: number): string[] {
  const [ls] = lineBounds(text, tokenStart);
  const before = text.slice(Math.max(ls, tokenStart - 300), tokenStart);
  const m = /((?:[A-Za-z_$][\w$]*\s*(?:\.|->|::)\s*)*[A-Za-z_$][\w$-]*)\s*["']?\s*\]?\s*(?::\s*[\w<>[\]|&.?]{1,60}\s*)?(?::=|=>|\+?=|:|<-)\s*(?:[([{]\s*)?$/.exec(before);
  if (!m) return [];
  let chain = m[1].split(/\s*(?:\.|->|::)\s*/).map((s) => s.replace(/^\$/, ''));
  if (chain.length === 1 && TYPE_WORDS.test(chain[0])) {
    // `let x: string = …` was matched at the type; take the identifier before it.
    const prev = /([A-Za-z_$][\w$]*)\s*:\s*[\w<>[\]|&.?]{1,60}\s*=\s*$/.exec(before);
    chain = prev ? [prev[1]] : [];
  }
  return chain.filter((c) => c && !TYPE_WORDS.test(c));
}

function yamlLine(line: string): { dash?: number; keyCol?: number; key?: string } | undefined {
  const m = /^(\s*)(-\s+)?(?:(["']?)([^"'\s:#-][^:#]{0,200}?)\3\s*:(?:\s|$))?/.exec(line);
  if (!m || (m[4] === undefined && !m[2])) return undefined;
  const keyCol = m[1].length + (m[2]?.length ?? 0);
  return { dash: m[2] ? m[1].length : undefined, keyCol: m[4] !== undefined ? keyCol : undefined, key: m[4]?.trim() };
}

/** Keys from the root down to the literal's line, by indentation (list items add no key). */
export function yamlPath(text: string, offset: number): string[] {
  const lines = text.slice(0, lineBounds(text, offset)[1]).split(/\r\n|\r|\n/);
  const path: string[] = [];
  let last = lines.length - 1;
  // Inside a block scalar (`run: |` and indented lines): the owner is the line that opened the block.
  const ownIndent = /^\s*/.exec(lines[last])![0].length;
  for (let i = last - 1; i >= 0; i--) {
    if (/^\s*$/.test(lines[i])) continue;
    const indent = /^\s*/.exec(lines[i])![0].length;
    if (indent >= ownIndent) continue;
    if (/:\s*[|>][+-]?\d?\s*(?:#.*)?$/.test(lines[i])) last = i;
    break;
  }
  const own = yamlLine(lines[last]);
  if (!own) return path;
  if (own.key !== undefined) path.push(own.key);
  let cur = own.dash ?? own.keyCol ?? 0;
  for (let i = last - 1; i >= 0 && cur > 0; i--) {
    const line = lines[i];
    if (/^\s*(?:#.*)?$/.test(line) || /^(?:---|\.\.\.)/.test(line)) continue;
    const y = yamlLine(line);
    if (!y) continue;
    if (y.keyCol !== undefined && y.keyCol < cur) {
      path.unshift(y.key!);
      cur = y.dash ?? y.keyCol;
    } else if (y.dash !== undefined && y.dash < cur) {
      cur = y.dash;
    }
  }
  return path;
}

/** Keys of the objects enclosing `offset` in a JSON(C) text, scanned from the start (strings and comments skipped). */
export function jsonPath(text: string, offset: number): string[] {
  const stack: (string | undefined)[] = [];
  let key: string | undefined;
  let i = 0;
  while (i < offset && i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= offset) return [...stack.filter((k): k is string => k !== undefined), ...(key ? [key] : [])];
      let k = j + 1;
      while (k < text.length && /\s/.test(text[k])) k++;
      if (text[k] === ':') key = text.slice(i + 1, j);
      i = j + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (c === '{' || c === '[') { stack.push(key); key = undefined; }
    else if (c === '}' || c === ']') { stack.pop(); key = undefined; }
    else if (c === ',') key = undefined;
    i++;
  }
  return [...stack.filter((k): k is string => k !== undefined), ...(key ? [key] : [])];
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The context of the literal starting at `tokenStart`, per kind of file. */
export function contextOf(language: LanguageId, text: string, tokenStart: number): LiteralContext {
  const [ls, le] = lineBounds(text, tokenStart);
  const line = text.slice(ls, le);
  switch (language) {
    case 'yaml': {
      const path = yamlPath(text, tokenStart);
      const item = /^\s*-\s+["']?([A-Za-z_][A-Za-z0-9_]*)=/.exec(line);
      if (item) return { path: [...path, item[1]], envKey: item[1] };
      const parent = path[path.length - 2];
      const last = path[path.length - 1];
      if (parent && /^(?:environment|env)$/i.test(parent) && last && ENV_NAME.test(last)) return { path, envKey: last };
      return { path };
    }
    case 'json':
      return { path: jsonPath(text, tokenStart) };
    case 'properties': case 'ini': case 'toml': {
      const m = /^\s*([^\s=:#!;]{1,300})\s*[=:]/.exec(line);
      return { path: m ? m[1].replace(/^["']|["']$/g, '').split('.') : [] };
    }
    case 'dockerfile': {
      const m = /^\s*(?:ENV|ARG)\s+([A-Za-z_][A-Za-z0-9_]*)/i.exec(line);
      return m ? { path: [m[1]], envKey: m[1] } : { path: [] };
    }
    case 'shell': case 'dotenv': {
      const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/.exec(line);
      return m ? { path: [m[1]], envKey: m[1] } : { path: [] };
    }
    default:
      return { path: codeContext(text, tokenStart) };
  }
}
