import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type CreateFile,
  type Diagnostic,
  type Range,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckedDocument } from './checker';
import type { ReportedFinding } from './core';
import { computeExtract, locate, type ExtractOrigin, type ExtractResult } from './core/extract';

/**
 * "Extract to environment variable NAME": the LSP side of core/extract. It gathers what the pure computation
 * needs from disk (the env example file, `.env`, `.gitignore`, whether git tracks `.env` — read from
 * `.git/index`, never by running git — and whether the file is Vite client code) and turns the result into one
 * WorkspaceEdit (file creations + text edits: one undo step), with a command that lets the client rename the
 * new variable everywhere in one step.
 */

/**
 * Client command run after the edit is applied: arguments `[{ name, locations: {uri, range}[] }]`, the name's
 * positions in every touched file (after the edit). The client asks for a new name and replaces them all.
 */
export const RenameExtractedCommand = 'twelveFactor.renameExtractedVariable';

const ORIGIN_OF: Record<string, ExtractOrigin> = {
  'config/hardcoded-secret': 'secret',
  'backing-services/hardcoded-url': 'url',
  'port-binding/hardcoded-port': 'port',
};

type VersionOf = (uri: string) => number | null;

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** The git directory of the repository holding `dir` and the repository's work tree, or undefined. */
export function findGitDir(dir: string): { gitDir: string; workTree: string } | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const dotGit = join(d, '.git');
    try {
      const st = statSync(dotGit);
      if (st.isDirectory()) return { gitDir: dotGit, workTree: d };
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'));
      if (m) return { gitDir: m[1].startsWith('/') || /^[A-Za-z]:/.test(m[1]) ? m[1] : join(d, m[1]), workTree: d };
    } catch {
      // no .git here
    }
    if (dirname(d) === d) return undefined;
  }
}

interface IndexPaths {
  paths: Set<string>;
  /** Collapsed directories of a sparse index (`dir/`). */
  sparseDirs: string[];
  /** False when the entries are not all here (split index). */
  complete: boolean;
}

/**
 * The paths in a git index file (versions 2, 3 and 4; v4 prefix-compresses paths). Undefined when the file is
 * not an index this code understands.
 */
export function parseGitIndex(buf: Buffer): IndexPaths | undefined {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = buf.readUInt32BE(8);
  const paths = new Set<string>();
  const sparseDirs: string[] = [];
  let pos = 12;
  let prev: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    const start = pos;
    if (start + 62 > buf.length) return undefined;
    const mode = buf.readUInt32BE(start + 24);
    const flags = buf.readUInt16BE(start + 60);
    let p = start + 62;
    if (version >= 3 && flags & 0x4000) p += 2;
    let name: Buffer;
    if (version === 4) {
      let byte = buf[p++];
      let strip = byte & 0x7f;
      while (byte & 0x80) {
        if (p >= buf.length) return undefined;
        byte = buf[p++];
        strip = ((strip + 1) << 7) | (byte & 0x7f);
      }
      const nul = buf.indexOf(0, p);
      if (nul < 0 || strip > prev.length) return undefined;
      name = Buffer.concat([prev.subarray(0, prev.length - strip), buf.subarray(p, nul)]);
      pos = nul + 1;
    } else {
      const nul = buf.indexOf(0, p);
      if (nul < 0) return undefined;
      name = buf.subarray(p, nul);
      pos = start + ((p - start + name.length + 8) & ~7);
    }
    prev = name;
    const path = name.toString('utf8');
    if ((mode & 0o170000) === 0o040000 || path.endsWith('/')) sparseDirs.push(path.endsWith('/') ? path : `${path}/`);
    else paths.add(path);
  }
  let complete = true;
  // Extensions: a `link` extension means a split index whose other entries live in a shared index file.
  while (pos + 8 <= buf.length - 20) {
    const sig = buf.toString('latin1', pos, pos + 4);
    const size = buf.readUInt32BE(pos + 4);
    if (sig === 'link') complete = false;
    if (!/^[A-Za-z]{4}$/.test(sig)) break;
    pos += 8 + size;
  }
  return { paths, sparseDirs, complete };
}

const indexCache = new Map<string, { mtimeMs: number; size: number; parsed: IndexPaths | undefined }>();

/** Is `absPath` tracked by git? Undefined when the index cannot tell (unknown format, split or sparse index). */
export function isTrackedByGit(absPath: string): boolean | undefined {
  const repo = findGitDir(dirname(absPath));
  if (!repo) return false;
  const indexPath = join(repo.gitDir, 'index');
  let st;
  try {
    st = statSync(indexPath);
  } catch {
    return false; // a repository without an index tracks nothing yet
  }
  let cached = indexCache.get(indexPath);
  if (!cached || cached.mtimeMs !== st.mtimeMs || cached.size !== st.size) {
    let parsed: IndexPaths | undefined;
    try {
      parsed = parseGitIndex(readFileSync(indexPath));
    } catch {
      parsed = undefined;
    }
    cached = { mtimeMs: st.mtimeMs, size: st.size, parsed };
    indexCache.set(indexPath, cached);
  }
  const parsed = cached.parsed;
  if (!parsed) return undefined;
  const rel = relative(repo.workTree, absPath).split(sep).join('/');
  if (parsed.paths.has(rel)) return true;
  if (parsed.sparseDirs.some((d) => rel.startsWith(d))) return undefined;
  return parsed.complete ? false : undefined;
}

/** JS/TS under `src/` of a package whose package.json depends on vite: client code reads `import.meta.env`. */
export function isViteClient(path: string): boolean {
  if (!/\.(?:[cm]?[jt]sx?|vue|svelte)$/.test(path)) return false;
  for (let d = dirname(path); ; d = dirname(d)) {
    const pkg = join(d, 'package.json');
    if (existsSync(pkg)) {
      try {
        const json = JSON.parse(readFileSync(pkg, 'utf8')) as Record<string, Record<string, string> | undefined>;
        const deps = { ...json.dependencies, ...json.devDependencies };
        return 'vite' in deps && path.startsWith(join(d, 'src') + sep);
      } catch {
        return false;
      }
    }
    if (dirname(d) === d) break;
  }
  return false;
}

/** Runs the pure computation for the range `[start, end)` of the checked document. */
export function extractFor(
  checked: CheckedDocument,
  start: number,
  end: number,
  origin: ExtractOrigin,
  data: ReportedFinding['data'],
): ExtractResult | undefined {
  const facts = checked.facts;
  const examplePath = facts.envExample?.path ?? facts.envExampleCreatePath;
  if (!examplePath) return undefined;
  const dir = dirname(examplePath);
  const dotenvPath = join(dir, '.env');
  const repo = findGitDir(dir);
  const localIgnore = join(dir, '.gitignore');
  const gitignorePath = existsSync(localIgnore) || !repo ? localIgnore : join(repo.workTree, '.gitignore');
  const provider = typeof data?.kind === 'string' ? data.kind : undefined;
  const hint = typeof data?.suggestedName === 'string' ? data.suggestedName : typeof data?.name === 'string' ? data.name : undefined;
  return computeExtract({
    file: checked.file,
    start,
    end,
    origin,
    provider,
    nameHint: hint,
    viteClient: isViteClient(checked.file.path),
    example: { path: examplePath, text: facts.envExample ? facts.envExample.text.replace(/^\uFEFF/, '') : readText(examplePath) },
    dotenv: { path: dotenvPath, text: readText(dotenvPath) },
    dotenvIgnored: facts.isGitIgnored?.(dotenvPath),
    dotenvTracked: isTrackedByGit(dotenvPath),
    gitignore: { path: gitignorePath, text: readText(gitignorePath) },
    isReadElsewhere: facts.isReadInWorkspace,
  });
}

/** The result as one WorkspaceEdit: each new file created then filled, every edit in one undo step. */
export function extractWorkspaceEdit(result: ExtractResult, doc: TextDocument, codePath: string, versionOf: VersionOf): WorkspaceEdit {
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const c of result.changes) {
    const uri = c.path === codePath ? doc.uri : pathToFileURL(c.path).href;
    if (c.create) documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    const version = uri === doc.uri ? doc.version : c.create ? null : versionOf(uri);
    documentChanges.push({ textDocument: { uri, version }, edits: c.edits });
  }
  return { documentChanges };
}

function toAction(result: ExtractResult, doc: TextDocument, codePath: string, versionOf: VersionOf, kind: string, diagnostic?: Diagnostic): CodeAction {
  const locations = result.nameLocations.map((l) => ({
    uri: l.path === codePath ? doc.uri : pathToFileURL(l.path).href,
    range: l.range,
  }));
  return {
    title: result.title,
    kind,
    ...(diagnostic ? { diagnostics: [diagnostic], isPreferred: true } : {}),
    edit: extractWorkspaceEdit(result, doc, codePath, versionOf),
    command: { title: `Rename ${result.name}`, command: RenameExtractedCommand, arguments: [{ name: result.name, locations }] },
  };
}

/** The quick fix for a hardcoded secret, URL or port finding; undefined for other rules or when nothing fits. */
export function extractFix(
  finding: ReportedFinding,
  diagnostic: Diagnostic,
  doc: TextDocument,
  checked: CheckedDocument,
  versionOf: VersionOf,
): CodeAction | undefined {
  const origin = ORIGIN_OF[finding.ruleId];
  if (!origin) return undefined;
  const result = extractFor(checked, doc.offsetAt(finding.range.start), doc.offsetAt(finding.range.end), origin, finding.data);
  return result && toAction(result, doc, checked.file.path, versionOf, CodeActionKind.QuickFix, diagnostic);
}

/** The `refactor.extract` action on the string literal under the selection, unless a quick fix already covers it. */
export function extractRefactor(
  params: CodeActionParams,
  doc: TextDocument,
  checked: CheckedDocument,
  versionOf: VersionOf,
  covered: Range[] = [],
): CodeAction | undefined {
  const r = params.range;
  const start = doc.offsetAt(r.start);
  const end = doc.offsetAt(r.end);
  // Only on a selection (not on every cursor position in a string), and only where a literal is: cheap checks
  // before any file is read.
  if (end === start || end - start > 20_000) return undefined;
  if (!locate(checked.file.language, checked.file.text, start, end, true)) return undefined;
  const overlaps = (c: Range) =>
    !(c.end.line < r.start.line || (c.end.line === r.start.line && c.end.character < r.start.character)) &&
    !(c.start.line > r.end.line || (c.start.line === r.end.line && c.start.character > r.end.character));
  if (covered.some(overlaps)) return undefined;
  // A selection on a flagged value extracts it as what it was flagged for (a secret never keeps a default).
  const hit = checked.findings.find((f) => ORIGIN_OF[f.ruleId] && doc.offsetAt(f.range.start) < Math.max(end, start + 1) && start < doc.offsetAt(f.range.end));
  const result = hit
    ? extractFor(checked, doc.offsetAt(hit.range.start), doc.offsetAt(hit.range.end), ORIGIN_OF[hit.ruleId], hit.data)
    : extractFor(checked, start, end, 'selection', undefined);
  return result && toAction(result, doc, checked.file.path, versionOf, CodeActionKind.RefactorExtract);
}
