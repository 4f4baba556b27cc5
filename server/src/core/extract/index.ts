import { parseDotenv, parseEnvExample } from '../env/example';
import { findEnvReads } from '../env/reads';
import { PROVIDERS } from '../secrets/providers';
import { lineIndex, shannonEntropy } from '../text';
import type { Range } from '../types';
import { codeReplacement, constFix, goImport, pythonImport } from './code';
import { configReplacement, isAppSettings, isKubernetesManifest, kubernetesEnvItem } from './config';
import { contextOf } from './context';
import { CODE_LANGUAGES, locate } from './literal';
import { suggestName, toUpperSnake, uniqueName } from './naming';
import { appendLines, dotenvValue, listsDotenv } from './sidefiles';
import type { ExtractRequest, ExtractResult, FileChange } from './types';

export type { ExtractRequest, ExtractResult, FileChange, ExtractEdit, ExtractOrigin, SideFile } from './types';
export { toUpperSnake, suggestName, providerName, nameFromUrl } from './naming';
export { dotenvValue } from './sidefiles';
export { locate } from './literal';

/**
 * "Extract to environment variable": one edit across the code (the literal becomes the language's read of the
 * variable), the env example file (`NAME=`, never the value), the local `.env` (the value, only when git does
 * not track it) and `.gitignore` (lists `.env` when git did not ignore it). Pure: the caller passes every file's
 * text and the git facts. Undefined when there is no literal at the range or the file kind has no way to read
 * a variable.
 *
 * Decisions:
 * - Defaults: only ports and non-secret selections keep the literal as the default (`process.env.PORT ?? "3000"`,
 *   `${PORT:8080}`); secrets and service URLs never do (a URL's place is the deploy's config).
 * - Rust: `std::env::var("NAME").expect("NAME must be set")` — a `String`, where the literal was a `&str`; a
 *   Rust `const`/`static` is not offered. Go: no inline default exists, so a numeric port in Go is not offered.
 * - C# `const`, Go `const`, Kotlin `const val` become `static readonly`, `var`, `val` (a constant cannot hold a
 *   value read at run time). C# uses `System.Environment` unless the file has `using System;`.
 * - Dockerfile: a secret's `ENV`/`ARG` instruction is replaced by a comment (ENV and ARG values stay in the
 *   image history; the value comes at run time, `docker run --env-file .env`); a non-secret becomes
 *   `ARG NAME=<default>` + `${NAME}`.
 * - Kubernetes `env:` items get `valueFrom.secretKeyRef` (`<metadata.name>-secrets`) or `configMapKeyRef`
 *   (`-config`) for non-secrets; GitHub workflows `${{ secrets.NAME }}` or `${{ vars.NAME }}`; compose, Spring,
 *   .properties, other YAML and JSON `${NAME}` (JSON and plain YAML need a loader that substitutes); shell
 *   `"${NAME:?NAME must be set}"` for secrets.
 * - Part of a string (a token inside `"Bearer …"`): concatenation, or interpolation in template literals,
 *   f-strings, Kotlin/Ruby/C# interpolated strings; config formats interpolate in place.
 * - Names: the identifier/key (with its parent when generic: `redis.password` → REDIS_PASSWORD), the provider's
 *   canonical name when the identifier is vague, the URL scheme for services, PORT for ports; `VITE_` prefix in
 *   Vite client code. A name is reused when `.env` holds the same value; `_2`, `_3`… when `.env` holds another
 *   value for it or other code reads it while `.env` has no value for it.
 * - `.env` tracked by git, or unknown: the value is not written and the title says why.
 */

interface Insert {
  at: number;
  end?: number;
  newText: string;
  nameAt?: number;
}

/** A token-like value: long, no spaces, high entropy (a selection of it is treated as a secret). */
function looksRandom(value: string): boolean {
  return value.length >= 16 && !/\s/.test(value) && shannonEntropy(value) >= 3.5;
}

const SECRET_NAME = /pass(?:word|wd)?|pwd|secret|token|api[_-]?key|credential|private[_-]?key|auth/i;

/** Edits of one file as LSP ranges, plus where the name lands once they are applied. */
function toChange(path: string, text: string | undefined, inserts: Insert[], name: string): { change: FileChange; names: { path: string; range: Range }[] } {
  const base = text ?? '';
  const lines = lineIndex(base);
  const sorted = [...inserts].sort((a, b) => a.at - b.at);
  let final = '';
  let last = 0;
  const nameOffsets: number[] = [];
  for (const e of sorted) {
    final += base.slice(last, e.at);
    if (e.nameAt !== undefined) {
      // Every whole-word occurrence of the name in the inserted text (`std::env::var("X").expect("X must be set")`).
      for (let i = e.newText.indexOf(name); i >= 0; i = e.newText.indexOf(name, i + 1)) {
        if (!/\w/.test(e.newText[i - 1] ?? '') && !/\w/.test(e.newText[i + name.length] ?? '')) nameOffsets.push(final.length + i);
      }
    }
    final += e.newText;
    last = e.end ?? e.at;
  }
  final += base.slice(last);
  const after = lineIndex(final);
  return {
    change: {
      path,
      create: text === undefined,
      edits: sorted.map((e) => ({ range: { start: lines.positionAt(e.at), end: lines.positionAt(e.end ?? e.at) }, newText: e.newText })),
    },
    names: nameOffsets.map((o) => ({ path, range: { start: after.positionAt(o), end: after.positionAt(o) } })),
  };
}

export function computeExtract(req: ExtractRequest): ExtractResult | undefined {
  const { file } = req;
  const language = file.language;
  const lit = locate(language, file.text, req.start, req.end, req.origin === 'selection');
  if (!lit || lit.value.length === 0) return undefined;
  if (req.origin === 'port' && !/^\d+$/.test(lit.value)) {
    // A port inside an address (`"http://0.0.0.0:5000"`): extract just the number.
    const part = file.text.slice(lit.partStart, lit.partEnd);
    const m = [...part.matchAll(/(?<![\d.])\d{2,5}(?![\d.])/g)].pop();
    if (!m || m.index === undefined) return undefined;
    lit.partStart += m.index;
    lit.partEnd = lit.partStart + m[0].length;
    lit.value = m[0];
  }
  // The name in `process.env.X` / `os.getenv("X")` is not a value to extract.
  if (req.origin === 'selection' && findEnvReads(file.text, language, file.path).some((r) => r.start < lit.tokenEnd && lit.tokenStart < r.end)) return undefined;
  const isCode = CODE_LANGUAGES.has(language);
  const ctx = contextOf(language, file.text, lit.tokenStart);
  const k8s = language === 'yaml' && isKubernetesManifest(file.text) ? kubernetesEnvItem(file.text, lit.tokenStart) : undefined;
  const envKey = k8s?.name ?? ctx.envKey;
  const inner = ctx.path[ctx.path.length - 1] ?? envKey ?? req.nameHint ?? '';
  const secret =
    req.origin === 'secret' ||
    (req.origin !== 'port' && /:\/\/[^/@\s:]{1,200}:[^/@\s]{1,200}@/.test(lit.value)) ||
    (req.origin === 'selection' && (SECRET_NAME.test(inner) || looksRandom(lit.value) || PROVIDERS.some((p) => p.re.test(lit.value))));
  const keepDefault = !secret && (req.origin === 'port' || req.origin === 'selection');

  const dotnet = language === 'json' && isAppSettings(file.path) && ctx.path.length > 0;
  let base = dotnet
    ? ctx.path.map((k) => k.replace(/[^A-Za-z0-9_]/g, '_')).join('__')
    : suggestName({ origin: req.origin, value: lit.value, path: ctx.path, envKey, provider: req.provider, nameHint: req.nameHint });
  const vite = Boolean(req.viteClient) && (language === 'javascript' || language === 'typescript');
  if (vite && !base.startsWith('VITE_')) base = `VITE_${base}`;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(base)) base = toUpperSnake(base) || 'NEW_VARIABLE';

  const example = req.example.text !== undefined ? parseEnvExample(req.example.path, req.example.text) : undefined;
  const local = new Map<string, string>(Object.entries(req.dotenv.text !== undefined ? parseDotenv(req.dotenv.text) : {}));
  const { name, sameValue } = uniqueName(base, lit.value, req.origin, { local, isReadElsewhere: req.isReadElsewhere });

  // The code.
  const codeInserts: Insert[] = [];
  if (isCode) {
    const csharpSystem = language === 'csharp' && !/^\s*using\s+System\s*;/m.test(file.text);
    const r = codeReplacement(language, file.text, lit, name, { keepDefault, vite, csharpSystem });
    if (!r) return undefined;
    codeInserts.push({ at: r.start, end: r.end, newText: r.newText, nameAt: r.nameAt });
    const constant = constFix(language, file.text, lit.tokenStart);
    if (constant === false) return undefined;
    if (constant) codeInserts.push(constant);
    const imp: { at: number; end?: number; newText: string } | undefined =
      language === 'python' ? pythonImport(file.text, lit.tokenStart) : language === 'go' ? goImport(file.text) : undefined;
    if (imp) {
      const end = imp.end;
      if (imp.at <= r.start && (end ?? imp.at) <= r.start) codeInserts.unshift({ at: imp.at, end, newText: imp.newText });
      else if (imp.at >= r.end) codeInserts.push({ at: imp.at, end, newText: imp.newText });
    }
  } else {
    const r = configReplacement(language, file.path, file.text, lit, name, { secret, keepDefault });
    if (!r) return undefined;
    codeInserts.push({ at: r.start, end: r.end, newText: r.newText, nameAt: r.nameAt < 0 ? undefined : r.nameAt });
    if (r.lineBefore) codeInserts.push({ at: r.lineBefore.at, newText: r.lineBefore.newText, nameAt: r.lineBefore.nameAt });
  }

  const changes: FileChange[] = [];
  const nameLocations: { path: string; range: Range }[] = [];
  const add = (path: string, text: string | undefined, inserts: Insert[]) => {
    const { change, names } = toChange(path, text, inserts, name);
    changes.push(change);
    nameLocations.push(...names);
  };
  add(file.path, file.text, codeInserts);

  // The example file: NAME= (never the value), with a short comment saying what it is.
  if (!example?.keys.has(name)) {
    const comment = req.origin === 'url' ? '# location of a backing service' : secret ? '# secret' : req.origin === 'port' ? '# port to listen on' : undefined;
    const lines = comment ? [comment, `${name}=`] : [`${name}=`];
    const ins = appendLines(req.example.text, lines, { index: lines.length - 1, column: 0 }, { dotenv: true });
    add(req.example.path, req.example.text, [ins]);
  }

  // The local value, only where git will not publish it.
  let valueWritten = false;
  let valueNote: string | undefined;
  if (req.dotenvTracked !== false) {
    valueNote = req.dotenvTracked ? '.env is tracked by git' : 'could not tell whether .env is tracked by git';
  } else if (!sameValue) {
    const ins = appendLines(req.dotenv.text, [`${name}=${dotenvValue(lit.value)}`], { index: 0, column: 0 }, { dotenv: true });
    add(req.dotenv.path, req.dotenv.text, [ins]);
    valueWritten = true;
  }
  if (req.dotenvTracked === false && req.dotenvIgnored !== true && !(req.gitignore.text !== undefined && listsDotenv(req.gitignore.text))) {
    add(req.gitignore.path, req.gitignore.text, [appendLines(req.gitignore.text, ['.env'])]);
  }

  const title = `Extract to environment variable ${name}${valueNote ? ` (value not written: ${valueNote})` : ''}`;
  return { name, title, valueWritten: valueWritten || sameValue, valueNote, changes, nameLocations };
}
