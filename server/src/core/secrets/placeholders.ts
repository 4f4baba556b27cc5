/**
 * Values that sit where a secret would but are templates, references to config elsewhere, or obvious fakes.
 */
const PLACEHOLDER_WORDS = /^(?:change[-_ ]?(?:me|it|this)|replace[-_ ]?(?:me|this)|todo|tbd|fixme|placeholder|example|sample|dummy|fake|mock|test(?:ing)?|secret|password|passwd|pass|pwd|token|key|apikey|api[-_]key|none|null|nil|undefined|empty|default|string|value|redacted|hidden|masked|notset|not[-_ ]set|unset|required|optional|xxx+|\*+|\.+|-+|…|<.*>|\[.*\]|\{.*\}|\(.*\))$/i;
/** `${X}`, `$X`, `${{ secrets.X }}`, `{{ .Values.x }}`, `%(x)s`, `%X%`, `<%= … %>`, `#{…}`, `@X@`, `env:X` … */
const REFERENCE = /^\$\{?[A-Za-z_][\w.:-]*(?::?[-=?+][^}]*)?\}?$|\$\{\{|\{\{|\{%|^%\(\w+\)[sd]$|^%[A-Za-z_][\w]*%$|<%=?|^#\{|^@[A-Za-z_][\w.]*@$|^(?:env|ENV|secret|vault|ssm|sm|op|awssm|gcp|azkv):\/?\/?[\w./:-]+$|^\$\(/;
const FAKE_WORD = /(?:^|[^a-z])(?:example|examples|placeholder|changeme|change[-_]me|replace[-_]?me|dummy|sample|fake|mock|todo|redacted|not[-_]?a[-_]?(?:real|secret))(?:[^a-z]|$)|(?:^|[^a-z])(?:your|my|insert|enter|put|paste)[-_ ](?:own[-_ ])?(?:[a-z]+[-_ ])?(?:api|secret|token|key|password|pass|pwd|app|client|access|value|here|unique|phrase)/i;

/** True when `value` is a placeholder, a reference to config elsewhere, or a blank. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (PLACEHOLDER_WORDS.test(v) || REFERENCE.test(v)) return true;
  if (/\$\{|\$\(/.test(v)) return true; // interpolates config from elsewhere
  if (/^(.)\1+$/.test(v)) return true;
  if (FAKE_WORD.test(v)) return true;
  if (/x{4,}|X{4,}|\*{3,}|\.{3,}|…|_{4,}|#{4,}/.test(v)) return true;
  return false;
}

/**
 * True for the random part of a token that is plainly not random: `EXAMPLE`, `xxxx`, long runs of one
 * character, counting sequences, or very low entropy.
 */
export function isObviouslyFake(body: string, entropy: number): boolean {
  if (/example|sample|dummy|fake|placeholder|your|xxxx|redacted|0123456|123456789|abcdefgh|qwerty/i.test(body)) return true;
  if (/(.)\1{5,}/.test(body)) return true;
  if (body.length >= 12 && entropy < 2.5) return true;
  return false;
}

/** Published example values from vendor documentation: public by design, never a leak. */
export const KNOWN_EXAMPLES: ReadonlySet<string> = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'pk_test_TYooMQauvdEDq54NiTphI7jx',
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
]);
