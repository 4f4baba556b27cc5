/**
 * Secret-named identifiers and keys: `password`, `DB_PASS`, `apiKey`, `client_secret`, `SECRET_KEY_BASE`,
 * `jwtSecret` … but not `passwordField`, `PASSWORD_MIN_LENGTH`, `token_type` or `secretName`, whose values are
 * labels, limits and names rather than secrets.
 */

/** Lower-case words the rule's keyword prefilter looks for (beside the provider prefixes). */
export const SECRET_NAME_KEYWORDS: readonly string[] = [
  'password', 'passwd', 'pwd', '_pass', 'pass=', 'pass:', 'passphrase', 'secret', 'token', 'apikey', 'api_key', 'api-key',
  'credential', 'private_key', 'privatekey', 'signing_key', 'signingkey', 'access_key', 'accesskey', 'app_key',
  'encryption_key', 'master_key', 'license_key', 'auth_key',
];

/** Splits `MB_DB_PASS`, `jwtSecret`, `login.password`, `api-key` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

const PASSWORD_WORDS = new Set(['password', 'passwords', 'passwd', 'pwd', 'pass', 'passphrase', 'pw', 'psk', 'passcode']);
const SECRET_WORDS = new Set([
  'secret', 'secrets', 'token', 'credential', 'credentials', 'apikey', 'privatekey', 'secretkey', 'accesskey',
  'authtoken', 'apitoken', 'apisecret', 'clientsecret',
]);
/** `<qualifier> key`: `api key`, `private key`, `signing key`, `app key` (Laravel), `encryption key` … */
const KEY_QUALIFIERS = new Set([
  'api', 'private', 'signing', 'sign', 'encryption', 'encrypt', 'crypt', 'crypto', 'master', 'account', 'app',
  'license', 'auth', 'client', 'admin', 'webhook', 'shared', 'hmac', 'session', 'service', 'storage', 'ssh', 'deploy',
  'access', 'write', 'secret', 'jwt', 'cipher', 'aes', 'root', 'server', 'sdk', 'integration', 'management',
]);
/** A word anywhere in the name that makes it a non-secret (`PUBLIC_KEY`, `PASSWORD_MIN_LENGTH`, `FAKE_TOKEN`). */
const NOT_SECRET_ANY = new Set([
  'public', 'publishable', 'min', 'max', 'length', 'len', 'placeholder', 'hint', 'label', 'regex', 'i18n',
  'sample', 'example', 'test', 'dummy', 'fake', 'mock', 'search', 'field', 'type', 'name', 'path', 'url', 'uri',
  'header', 'prefix', 'cookie', 'env', 'var', 'file', 'id', 'question', 'description', 'policy',
]);
/** `<word> key` names that are not credentials: sort keys, cache keys, site keys (public by design) … */
const NOT_KEY_QUALIFIERS = new Set([
  'cache', 'sort', 'partition', 'primary', 'foreign', 'idempotency', 'lookup', 'map', 'object', 'row', 'hash',
  'dedupe', 'dedup', 'translation', 'message', 'i18n', 'site', 'public', 'publishable', 'browser', 'routing', 'redis',
  'storage', 'state', 'query', 'react', 'list', 'unique', 'composite', 'index', 'group', 'shard', 'bucket', 'prefix',
  'local', 'cookie', 'config', 'setting', 'settings', 'env', 'name', 'item', 'entry', 'record', 'field', 'column',
  'table', 'hot', 'short', 'keyboard', 'music', 'signal', 'event', 'cursor', 'page', 'region', 'zone', 'user', 'ssh',
]);

/** Words after the secret word that still name the secret itself (`SECRET_PROD`, `password_b64`). */
const TRAILING_OK = /^(?:\d+|prod|production|live|staging|stage|dev|development|local|v\d+|old|new|legacy|primary|secondary|raw|plain|plaintext|enc|encrypted|value|val|str|string|b64|base64|hex|bytes?)$/;

export type SecretNameKind = 'password' | 'secret' | 'key' | 'vendor-key';

/**
 * Whether `name` (an identifier, a key, or the last key of a path) names a secret, and which kind: a password
 * (any non-trivial value counts), a secret/token (must look random), or a key (must look strongly random). The
 * secret word must end the name: `password` and `dbPassword` do, `passwordField` and `token_expired` do not.
 */
export function secretNameKind(name: string): SecretNameKind | undefined {
  const cached = memo.get(name);
  if (cached !== undefined || memo.has(name)) return cached;
  const kind = classify(name);
  if (memo.size > 5000) memo.clear();
  // A copy as the key: a name cut from a file's text can keep that whole text alive while it sits in the memo.
  memo.set((' ' + name).slice(1), kind);
  return kind;
}

const memo = new Map<string, SecretNameKind | undefined>();

function classify(name: string): SecretNameKind | undefined {
  if (/[\s"'`]/.test(name.trim())) return undefined; // a label or a command, not an identifier
  const words = nameWords(name);
  if (words.length === 0 || words.some((w) => NOT_SECRET_ANY.has(w))) return undefined;
  while (words.length > 1 && TRAILING_OK.test(words[words.length - 1])) words.pop();
  const last = words[words.length - 1];
  const prev = words[words.length - 2];
  if (PASSWORD_WORDS.has(last)) return 'password';
  if (SECRET_WORDS.has(last)) return 'secret';
  if (last === 'key' && prev !== undefined) {
    if (prev === 'api' || prev === 'secret' || prev === 'private') return 'secret';
    if (KEY_QUALIFIERS.has(prev)) return 'key';
    // `OPENAI_KEY`, `MAPS_KEY`: a vendor's key, judged strictly (only long random values count).
    if (!NOT_KEY_QUALIFIERS.has(prev)) return 'vendor-key';
  }
  if (last === 'base' && prev === 'key' && words[words.length - 3] === 'secret') return 'secret';
  return undefined;
}
