import type { LanguageId } from '../types';
import { LEX, maskComments, type EnvRead } from './match';
import {
  csharpReads,
  goReads,
  goTagReads,
  helperReads,
  jsAliasReads,
  jsReads,
  JS_READ_WORDS,
  mayReadEnvInJs,
  jvmReads,
  phpReads,
  pythonExtraReads,
  pythonReads,
  rubyReads,
  rustReads,
} from './reads-code';
import {
  composeReads,
  erbReads,
  isComposeFile,
  isLogbackConfig,
  isPrismaSchema,
  isSpringConfig,
  logbackReads,
  prismaReads,
  springReads,
} from './reads-config';
import { dockerfileReads, shellReads } from './reads-shell';

export type { EnvRead } from './match';
export { isComposeFile, isLogbackConfig, isSpringConfig } from './reads-config';

type Reader = (text: string, out: EnvRead[]) => void;

interface ReaderSpec {
  markers: readonly string[];
  read: Reader;
  /**
   * A cheaper test on the unmasked text: false when `read` cannot find anything once comments are masked (`occurs`:
   * see findEnvReads; the words it asks about are among ENV_MARKERS).
   */
  mayRead?: (text: string, occurs?: (word: string) => boolean) => boolean;
}

/** Runs several readers, then the generic `xxxEnv("NAME")` helper-call reader. */
const withHelpers =
  (...readers: Reader[]): Reader =>
  (text, out) => {
    for (const r of readers) r(text, out);
    helperReads(text, out);
  };

/**
 * Per kind of file: lower-case markers of which one must occur for the file to hold a read (checked before any
 * pattern runs), and the reader. YAML, properties, XML and plain text depend on the file name (see `readerFor`).
 */
const BY_LANGUAGE: Partial<Record<LanguageId, ReaderSpec>> = {
  javascript: { markers: ['env'], read: withHelpers(jsReads, jsAliasReads), mayRead: mayReadEnvInJs },
  typescript: { markers: ['env'], read: withHelpers(jsReads, jsAliasReads), mayRead: mayReadEnvInJs },
  python: { markers: ['env'], read: withHelpers(pythonReads, pythonExtraReads) },
  go: { markers: ['env'], read: withHelpers(goReads, goTagReads) },
  java: { markers: ['env', '@value'], read: withHelpers(jvmReads) },
  kotlin: { markers: ['env', '@value'], read: withHelpers(jvmReads) },
  ruby: { markers: ['env'], read: withHelpers(rubyReads) },
  php: { markers: ['env'], read: withHelpers(phpReads) },
  csharp: { markers: ['env'], read: withHelpers(csharpReads) },
  rust: { markers: ['env'], read: withHelpers(rustReads) },
  shell: { markers: ['$'], read: shellReads },
  dockerfile: { markers: ['$'], read: dockerfileReads },
  procfile: { markers: ['$'], read: shellReads },
};

function readerFor(language: LanguageId, path: string | undefined): ReaderSpec | undefined {
  const known = BY_LANGUAGE[language];
  if (known) return known;
  if (!path) return undefined;
  if (language === 'yaml') {
    if (isComposeFile(path)) return { markers: ['$', 'environment'], read: composeReads };
    if (isSpringConfig(path)) return { markers: ['${'], read: springReads };
    return { markers: ['<%'], read: erbReads };
  }
  if (language === 'properties' && isSpringConfig(path)) return { markers: ['${'], read: springReads };
  if (language === 'xml' && isLogbackConfig(path)) return { markers: ['${'], read: logbackReads };
  if (isPrismaSchema(path)) return { markers: ['env('], read: prismaReads };
  return undefined;
}

/**
 * Lower-case keywords for the rule prefilter: a file can only hold a read if one of them occurs. `$` covers the
 * interpolating formats (shell, Dockerfile, Procfile, compose, Spring, logback); findEnvReads then checks the
 * markers of the file's own language before running any pattern, so unrelated files stay cheap.
 */
export const ENV_READ_KEYWORDS: readonly string[] = [
  ...new Set(['env', '@value', '$']),
];

/** Every lower-case marker some reader needs (see BY_LANGUAGE and readerFor), and the words `mayRead` asks about. */
export const ENV_MARKERS: readonly string[] = [
  ...new Set([...Object.values(BY_LANGUAGE).flatMap((r) => r.markers), '$', 'environment', '${', '<%', 'env(', ...JS_READ_WORDS]),
];

/**
 * Every read of an environment variable in `text`, in order of position, with the offsets of the name. `path`
 * (optional) lets file-name-specific formats be recognised: compose files, Spring's application*.properties|yml,
 * logback*.xml, ERB in YAML, *.prisma. Reads inside comments are skipped. `occurs`, when given, says which of
 * ENV_MARKERS occur in the text (ASCII case-insensitive), as a keyword pass already found out; otherwise the text
 * is searched for them.
 */
export function findEnvReads(text: string, language: LanguageId, path?: string, occurs?: (marker: string) => boolean): EnvRead[] {
  const reader = readerFor(language, path);
  if (!reader) return [];
  const lower = occurs || text.length >= 4096 ? undefined : text.toLowerCase();
  const hasMarker = reader.markers.some((m) => (occurs ? occurs(m) : lower ? lower.includes(m) : containsFolded(text, m)));
  if (!hasMarker || (reader.mayRead !== undefined && !reader.mayRead(text, occurs))) return [];
  const reads: EnvRead[] = [];
  reader.read(maskComments(text, LEX[language]), reads);
  reads.sort((a, b) => a.start - b.start);
  return reads.filter((r, i) => i === 0 || r.start !== reads[i - 1].start);
}

/** Case-insensitive `includes` for an ASCII lower-case needle, without copying a big text. */
function containsFolded(text: string, needle: string): boolean {
  const first = needle.charCodeAt(0);
  const firstUpper = String.fromCharCode(first).toUpperCase().charCodeAt(0);
  for (let i = 0; i + needle.length <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== first && c !== firstUpper) continue;
    if (text.slice(i, i + needle.length).toLowerCase() === needle) return true;
  }
  return false;
}
