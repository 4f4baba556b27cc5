import { mask } from '../redact';
import { shannonEntropy } from '../text';
import type { ProjectFacts, SourceFile, WordScan } from '../types';
import { assignments, type Assignment } from './assignments';
import { reportableNameHits } from './name-hits';
import { contextKind } from './context';
import { classifyFile, isEnvFileName, isMinified, projectRelative } from './files';
import { secretNameKind } from './names';
import { isObviouslyFake, isPlaceholder } from './placeholders';
import { scanProvidersAndHits } from './providers';
import { findCredentialStrings } from './urls';
import { looksLikeSecretValue, MIN_SECRET_LENGTH } from './values';
import { yamlMayNameSecrets, yamlPairs } from './yaml-pairs';
import type { SecretHit } from './types';

/** The project root as far as the facts tell: the folder where an env example lives or would be created. */
function projectRoot(facts: ProjectFacts): string | undefined {
  const p = facts.envExampleCreatePath ?? facts.envExample?.path;
  return p ? p.slice(0, p.lastIndexOf('/') + 1) : undefined;
}

function judge(a: Assignment): SecretHit | undefined {
  // Too short for any name-based verdict, and context shapes are longer still.
  if (a.value.trim().length < MIN_SECRET_LENGTH) return undefined;
  const ctx = contextKind(a.path, a.value);
  if (ctx) {
    if (isPlaceholder(a.value) || isObviouslyFake(a.value, shannonEntropy(a.value))) return undefined;
    return { start: a.start, end: a.end, id: ctx.id, severity: ctx.severity, message: `${ctx.kind} is hardcoded in "${a.name}": ${mask(a.value)}. Read it from the environment instead.` };
  }
  const kind = secretNameKind(a.name);
  if (!kind || !looksLikeSecretValue(a.value, kind)) return undefined;
  const what = kind === 'password' ? 'Password' : 'Secret';
  return { start: a.start, end: a.end, id: 'generic', message: `${what} is hardcoded in "${a.name}": ${mask(a.value)}. Read it from the environment instead.` };
}

/**
 * All hardcoded secrets in a file: provider formats everywhere except lock files; credentials in URLs and
 * connection strings, and secret-named assignments, except in test files, env templates and minified bundles.
 * A git-ignored `.env` is where local secrets belong and is not reported. Overlapping hits keep the most
 * specific (provider, then URL, then name-based).
 */
export function detectSecrets(file: SourceFile, facts: ProjectFacts, scan?: WordScan): SecretHit[] {
  const rel = projectRelative(file.path, projectRoot(facts));
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  const cls = classifyFile(rel);
  if (cls.lockFile) return [];
  if ((file.language === 'dotenv' || isEnvFileName(base)) && !cls.envTemplate && facts.isGitIgnored?.(file.path)) return [];
  // The provider keyword pass also finds where the later checks can report (the end of every NAME_HINT and
  // CREDENTIAL_WORDS word): both then try their patterns there only.
  const { hits, nameHits, prefixEnds, credentialHits, buildCalls } = scanProvidersAndHits(file.text, { strict: cls.test }, scan);
  let kept = withoutOverlaps([], hits);
  if (!cls.test && !cls.envTemplate) {
    kept = withoutOverlaps(kept, findCredentialStrings(file.text, credentialHits));
    if (!isMinified(rel, file.text)) {
      const hits = reportableNameHits(file.text, nameHits, prefixEnds);
      const pairs = assignments(file.text, file.language, { hintedOnly: true, hits, keep: (a) => judge(a) !== undefined, buildCalls });
      if (file.language === 'yaml' && yamlMayNameSecrets(file.text, nameHits)) pairs.push(...yamlPairs(file.text));
      const generic: SecretHit[] = [];
      for (const a of pairs) {
        const hit = judge(a);
        if (hit) generic.push(hit);
      }
      kept = withoutOverlaps(kept, generic);
    }
  }
  return kept;
}

/**
 * `accepted` (sorted, non-overlapping) plus the candidates that overlap nothing already accepted; earlier kinds
 * win (provider, then URL, then name-based). Sorted merge: O(n log n) however many hits a file has.
 */
function withoutOverlaps(accepted: readonly SecretHit[], candidates: SecretHit[]): SecretHit[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const added: SecretHit[] = [];
  let j = 0;
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue; // overlaps a candidate just added
    while (j < accepted.length && accepted[j].end <= c.start) j++;
    let clash = false;
    for (let k = j; k < accepted.length && accepted[k].start < c.end; k++) {
      if (accepted[k].end > c.start) {
        clash = true;
        break;
      }
    }
    if (clash) continue;
    added.push(c);
    lastEnd = c.end;
  }
  const out: SecretHit[] = [];
  let a = 0;
  let b = 0;
  while (a < accepted.length || b < added.length) {
    if (b >= added.length || (a < accepted.length && accepted[a].start <= added[b].start)) out.push(accepted[a++]);
    else out.push(added[b++]);
  }
  return out;
}
