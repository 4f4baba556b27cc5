import type { LanguageId } from './types';

/** Line-comment and block-comment syntax of each kind of file, for inline ignores, expectations and fixes. */
export interface CommentSyntax {
  line: readonly string[];
  block?: readonly [string, string];
}

const SLASH: CommentSyntax = { line: ['//'], block: ['/*', '*/'] };
const HASH: CommentSyntax = { line: ['#'] };

export const COMMENTS: Record<LanguageId, CommentSyntax> = {
  javascript: SLASH,
  typescript: SLASH,
  go: SLASH,
  java: SLASH,
  kotlin: SLASH,
  csharp: SLASH,
  rust: SLASH,
  php: { line: ['//', '#'], block: ['/*', '*/'] },
  python: HASH,
  ruby: HASH,
  shell: HASH,
  yaml: HASH,
  dockerfile: HASH,
  dotenv: HASH,
  procfile: HASH,
  toml: HASH,
  properties: { line: ['#', '!'] },
  ini: { line: [';', '#'] },
  xml: { line: [], block: ['<!--', '-->'] },
  json: { line: ['//'], block: ['/*', '*/'] },
  plaintext: { line: [] },
};

const BY_EXTENSION: Record<string, LanguageId> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescript',
  py: 'python', pyw: 'python',
  go: 'go',
  java: 'java',
  kt: 'kotlin', kts: 'kotlin',
  rb: 'ruby', rake: 'ruby', gemspec: 'ruby',
  php: 'php',
  cs: 'csharp',
  rs: 'rust',
  sh: 'shell', bash: 'shell', zsh: 'shell',
  yml: 'yaml', yaml: 'yaml',
  json: 'json', jsonc: 'json', json5: 'json',
  properties: 'properties',
  ini: 'ini', cfg: 'ini', conf: 'ini',
  toml: 'toml',
  xml: 'xml', config: 'xml', csproj: 'xml',
  env: 'dotenv',
  dockerfile: 'dockerfile',
};

/** VS Code / LSP language ids that map onto ours. */
const BY_LSP_ID: Record<string, LanguageId> = {
  javascript: 'javascript', javascriptreact: 'javascript',
  typescript: 'typescript', typescriptreact: 'typescript',
  python: 'python', go: 'go', java: 'java', kotlin: 'kotlin', ruby: 'ruby', php: 'php', csharp: 'csharp',
  rust: 'rust', shellscript: 'shell', yaml: 'yaml', dockercompose: 'yaml', json: 'json', jsonc: 'json',
  properties: 'properties', 'java-properties': 'properties', ini: 'ini', toml: 'toml', xml: 'xml',
  dockerfile: 'dockerfile', dotenv: 'dotenv', procfile: 'procfile',
};

const ENV_FILE = /^(?:\.env(?:\..+)?|.+\.env|env\.example)$/i;

/** Decides the kind of a file from its name; `hint` is an editor's language id, used when the name says nothing. */
export function languageOf(path: string, hint?: string): LanguageId {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  if (ENV_FILE.test(base)) return 'dotenv';
  if (lower === 'dockerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile')) return 'dockerfile';
  if (lower === 'procfile' || lower.startsWith('procfile.')) return 'procfile';
  const dot = lower.lastIndexOf('.');
  if (dot >= 0) {
    const byExt = BY_EXTENSION[lower.slice(dot + 1)];
    if (byExt) return byExt;
  }
  if (hint && BY_LSP_ID[hint]) return BY_LSP_ID[hint];
  return 'plaintext';
}

/** Whether the file is a TypeScript declaration file (`.d.ts`, `.d.mts`, `.d.cts`): types only, no code that runs. */
export function isDeclarationFile(path: string): boolean {
  return /\.d\.[cm]?ts$/i.test(path);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regex that finds a comment in a line and captures its body, for the language: `// body`, `# body`,
 * `/* body *\/`, `<!-- body -->`. Only comment starts preceded by start of line or white space count, so `#` in
 * a URL fragment or `//` in `https://` are not taken for comments.
 */
export function commentBodyRegex(language: LanguageId): RegExp | undefined {
  const syntax = COMMENTS[language];
  const alts: string[] = [];
  for (const l of syntax.line) alts.push(`${escapeRe(l)}(.*)$`);
  if (syntax.block) alts.push(`${escapeRe(syntax.block[0])}(.*?)(?:${escapeRe(syntax.block[1])}|$)`);
  if (alts.length === 0) return undefined;
  return new RegExp(`(?:^|\\s)(?:${alts.join('|')})`);
}

/** The text of the first comment in `line`, with the offset where the comment starts, or undefined. */
export function findComment(language: LanguageId, line: string): { body: string; start: number } | undefined {
  const re = commentBodyRegex(language);
  if (!re) return undefined;
  const m = re.exec(line);
  if (!m) return undefined;
  const body = m.slice(1).find((g) => g !== undefined) ?? '';
  const start = m.index + (m[0].length - m[0].trimStart().length);
  return { body: body.trim(), start };
}

/** Wraps `text` in the language's comment syntax (a line comment when the language has one). */
export function makeComment(language: LanguageId, text: string): string {
  const syntax = COMMENTS[language];
  if (syntax.line.length > 0) return `${syntax.line[0]} ${text}`;
  if (syntax.block) return `${syntax.block[0]} ${text} ${syntax.block[1]}`;
  return text;
}
