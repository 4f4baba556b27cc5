import type { ExtractOrigin } from './types';

/**
 * The variable's name: UPPER_SNAKE from what the code says (the identifier or config key), from the provider
 * when the identifier is vague (`stripeKey` → STRIPE_SECRET_KEY), from the URL's scheme for services, PORT for
 * ports; then made unique against the names the project already uses for something else.
 */

/** `stripeApiKey`, `stripe-api-key`, `stripe.api_key` → `STRIPE_API_KEY`. */
export function toUpperSnake(s: string): string {
  const snake = s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  if (!snake) return '';
  return /^[0-9]/.test(snake) ? `V_${snake}` : snake;
}

const words = (s: string) => toUpperSnake(s).toLowerCase().split('_').filter(Boolean);

/** Canonical names of provider tokens, by the hardcoded-secret rule's provider id. First match wins. */
const PROVIDER_NAMES: readonly [RegExp, string][] = [
  [/^aws.*(?:access-key-id|key-id)|^aws-access/, 'AWS_ACCESS_KEY_ID'],
  [/^aws.*secret/, 'AWS_SECRET_ACCESS_KEY'],
  [/^aws.*session/, 'AWS_SESSION_TOKEN'],
  [/^github/, 'GITHUB_TOKEN'],
  [/^gitlab/, 'GITLAB_TOKEN'],
  [/^stripe.*webhook/, 'STRIPE_WEBHOOK_SECRET'],
  [/^stripe.*publishable/, 'STRIPE_PUBLISHABLE_KEY'],
  [/^stripe.*restricted/, 'STRIPE_RESTRICTED_KEY'],
  [/^stripe/, 'STRIPE_SECRET_KEY'],
  [/^slack.*webhook/, 'SLACK_WEBHOOK_URL'],
  [/^slack.*user/, 'SLACK_USER_TOKEN'],
  [/^slack.*app/, 'SLACK_APP_TOKEN'],
  [/^slack/, 'SLACK_BOT_TOKEN'],
  [/^openai/, 'OPENAI_API_KEY'],
  [/^anthropic/, 'ANTHROPIC_API_KEY'],
  [/^sendgrid/, 'SENDGRID_API_KEY'],
  [/^twilio.*(?:api-key|key)/, 'TWILIO_API_KEY'],
  [/^twilio/, 'TWILIO_AUTH_TOKEN'],
  [/^mailgun/, 'MAILGUN_API_KEY'],
  [/^mailchimp/, 'MAILCHIMP_API_KEY'],
  [/^(?:google|gcp).*(?:service-account|credentials)/, 'GOOGLE_APPLICATION_CREDENTIALS'],
  [/^(?:google|gcp)/, 'GOOGLE_API_KEY'],
  [/^npm/, 'NPM_TOKEN'],
  [/^pypi/, 'PYPI_TOKEN'],
  [/^(?:hugging|hf-)/, 'HF_TOKEN'],
  [/^shopify/, 'SHOPIFY_ACCESS_TOKEN'],
  [/^digitalocean/, 'DIGITALOCEAN_TOKEN'],
  [/^datadog/, 'DD_API_KEY'],
  [/^azure.*storage/, 'AZURE_STORAGE_CONNECTION_STRING'],
  [/^heroku/, 'HEROKU_API_KEY'],
  [/^private-key|^pem|^rsa|^ssh/, 'PRIVATE_KEY'],
  [/^jwt/, 'JWT_SECRET'],
];

/** The canonical variable for a provider id; unknown ids become `<PROVIDER>_…_KEY/TOKEN`. */
export function providerName(provider: string): string | undefined {
  const id = provider.toLowerCase();
  for (const [re, name] of PROVIDER_NAMES) if (re.test(id)) return name;
  if (id === 'generic' || id === '') return undefined;
  const parts = words(id).filter((w) => !/^(?:live|test|classic|fine|grained|pat|v\d+)$/.test(w));
  if (parts.length === 0) return undefined;
  const last = parts[parts.length - 1];
  return /^(?:key|token|secret|password|url)$/.test(last) ? parts.join('_').toUpperCase() : `${parts.join('_').toUpperCase()}_KEY`;
}

/** Words that say nothing on their own about which value this is. */
const VAGUE = new Set([
  'key', 'keys', 'secret', 'secrets', 'token', 'tokens', 'api', 'apikey', 'live', 'test', 'prod', 'access', 'id', 'my',
  'the', 'auth', 'private', 'client', 'bot', 'user', 'personal', 'pat', 'oauth', 'value', 'val', 'str', 's', 'k', 'v',
  'cred', 'creds', 'credential', 'credentials', 'pass', 'sk', 'pk', 'x', 'default', 'config', 'conf', 'settings', 'authorization', 'bearer', 'header', 'headers',
  'options', 'opts', 'env', 'const', 'url', 'uri', 'endpoint', 'dsn', 'conn', 'connection', 'string', 'addr', 'address',
  'addresses', 'host', 'hosts', 'hostname', 'server', 'servers', 'node', 'nodes', 'location', 'broker', 'brokers', 'run',
  'script', 'command', 'cmd', 'args', 'target', 'configuration',
]);

/** Keys that need their parent to mean something: `password` under `redis` → REDIS_PASSWORD. */
const NEEDS_PARENT = /^(?:password|passwd|pwd|pass|secret|token|key|api_?key|url|uri|host|hostname|port|user|username|dsn|endpoint|value|auth|access_?token|client_?secret|client_?id|private_?key|connection_?string|address|addr|database|db|name)$/i;

/** Parents that add nothing (`spring.datasource.password` → DATASOURCE_PASSWORD, not SPRING_…). */
const SKIP_PARENT = /^(?:spring|config|configuration|settings|app|application|default|defaults|env|environment|data|spec|values|options|self|this|cls|props|properties|params|args|kwargs|opts|\d+)$/i;

/** A name from a context path: the innermost key, with its nearest meaningful parent when it is generic. */
export function nameFromPath(path: readonly string[]): string | undefined {
  const clean = path.map((p) => p.trim()).filter((p) => p && !/^\d+$/.test(p));
  if (clean.length === 0) return undefined;
  const last = clean[clean.length - 1];
  const lastSnake = toUpperSnake(last);
  if (!lastSnake) return undefined;
  if (/^[A-Z][A-Z0-9_]*$/.test(last) && last.includes('_')) return last; // already an env-style name
  if (NEEDS_PARENT.test(lastSnake.toLowerCase()) || NEEDS_PARENT.test(last)) {
    for (let i = clean.length - 2; i >= 0; i--) {
      if (!SKIP_PARENT.test(clean[i])) {
        const parent = toUpperSnake(clean[i]);
        if (parent && !lastSnake.startsWith(parent)) return `${parent}_${lastSnake}`;
      }
    }
  }
  return lastSnake;
}

/** A vague identifier: every word is vague or already part of the canonical name (`stripeKey` vs STRIPE_SECRET_KEY). */
function isVague(name: string, canonical: string): boolean {
  const canon = new Set(canonical.toLowerCase().split('_'));
  return words(name).every((w) => VAGUE.has(w) || canon.has(w));
}

const DATABASE_SCHEMES = /^(?:postgres|postgresql|mysql|mysql2|mariadb|sqlserver|mssql|oracle|cockroachdb|jdbc|sqlite|db2)$/;

/** DATABASE_URL, REDIS_URL, … from a URL's scheme (or host, for http). */
export function nameFromUrl(value: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]{0,30}):\/\/(?:[^@/\s]{0,200}@)?([^/:?#\s]{0,200})/i.exec(value.trim());
  if (!m) return undefined;
  const scheme = m[1].toLowerCase().replace(/\+.*$/, '');
  if (DATABASE_SCHEMES.test(scheme)) return 'DATABASE_URL';
  if (scheme === 'mongodb') return 'MONGODB_URI';
  if (scheme === 'redis' || scheme === 'rediss') return 'REDIS_URL';
  if (scheme === 'amqp' || scheme === 'amqps') return 'AMQP_URL';
  if (scheme === 'http' || scheme === 'https' || scheme === 'ws' || scheme === 'wss') {
    const labels = m[2].toLowerCase().split('.').filter((l) => l && l !== 'www');
    if (labels.length <= 1 || /^\d+$/.test(labels[labels.length - 1])) return 'SERVICE_URL';
    const main = labels.length >= 2 ? labels[labels.length - 2] : labels[0];
    const sub = labels.length >= 3 ? labels[0] : '';
    return toUpperSnake(sub === 'api' ? `${main}_api_url` : `${main}_url`) || 'SERVICE_URL';
  }
  return toUpperSnake(`${scheme}_url`) || undefined;
}

export interface NameInput {
  origin: ExtractOrigin;
  value: string;
  path: readonly string[];
  envKey?: string;
  provider?: string;
  nameHint?: string;
}

/** The suggested name, before making it unique. */
export function suggestName(input: NameInput): string {
  if (input.envKey) return input.envKey;
  const fromContext = nameFromPath(input.path);
  const identifier = input.path[input.path.length - 1] ?? '';
  const hint = input.nameHint ? toUpperSnake(input.nameHint) : undefined;
  switch (input.origin) {
    case 'secret': {
      const canonical = input.provider ? providerName(input.provider) : undefined;
      if (canonical) return fromContext && !isVague(identifier, canonical) ? fromContext : canonical;
      return fromContext ?? hint ?? 'SECRET';
    }
    case 'url': {
      const scheme = nameFromUrl(input.value);
      if (!/^[a-z][\w+.-]{0,30}:\/\//i.test(input.value) && !/^jdbc:/i.test(input.value)) {
        // A host or address, not a URL (`Redis(host="cache.internal")`): REDIS_HOST, not REDIS_URL.
        if (fromContext && !isVague(identifier, '')) return fromContext;
        if (hint && !/_(?:URL|URI|DSN)$/.test(hint)) return hint;
        return `${(hint ?? 'SERVICE').replace(/_(?:URL|URI|DSN)$/, '')}_HOST`;
      }
      if (fromContext && !isVague(identifier, scheme ?? '')) {
        return /_(?:URLS?|URIS?|DSN|ENDPOINTS?|HOSTS?|ADDR|ADDRESS(?:ES)?|SERVERS?|BROKERS?)$/.test(fromContext) ? fromContext : `${fromContext}_URL`;
      }
      return hint ?? scheme ?? 'SERVICE_URL';
    }
    case 'port':
      return fromContext && /PORT/.test(fromContext) && fromContext !== 'PORT' && !isVague(identifier, 'PORT') ? fromContext : hint ?? 'PORT';
    default:
      return fromContext ?? hint ?? nameFromUrl(input.value) ?? 'NEW_VARIABLE';
  }
}

export interface NameUse {
  /** Values in the local `.env`. */
  local: ReadonlyMap<string, string>;
  isReadElsewhere?: (name: string) => boolean | undefined;
}

/**
 * A name that does not already mean something else: reused when `.env` holds the same value (or the name is
 * declared but neither set locally nor read anywhere); otherwise `_2`, `_3`, … is appended.
 */
export function uniqueName(base: string, value: string, origin: ExtractOrigin, use: NameUse): { name: string; sameValue: boolean } {
  for (let n = 1; n < 100; n++) {
    const name = n === 1 ? base : `${base}_${n}`;
    const local = use.local.get(name);
    if (local !== undefined) {
      if (local === value) return { name, sameValue: true };
      continue;
    }
    const read = use.isReadElsewhere?.(name) === true;
    if (!read) return { name, sameValue: false };
    if (origin === 'port' && name === 'PORT') return { name, sameValue: false };
  }
  return { name: `${base}_NEW`, sameValue: false };
}
