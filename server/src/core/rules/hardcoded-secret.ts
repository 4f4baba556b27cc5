import { defineRule } from '../rule';
import { detectSecrets } from '../secrets/detect';
import { SECRET_NAME_KEYWORDS } from '../secrets/names';
import { providerKeywords, secretScanRequest } from '../secrets/providers';
import type { Finding } from '../types';

const ID = 'config/hardcoded-secret';

/** Words that let the URL, connection-string and command-line checks run. */
const CREDENTIAL_STRING_KEYWORDS = [
  'postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'smtp', 'ldap', 'mssql', 'sqlserver', 'ftp://', 'curl',
  'bearer', 'basic ', 'identified by', 'jwt', 'asplaintext', 'basic_auth', 'basicauth',
];

/**
 * Reports credentials written into code or committed config:
 * - provider tokens recognised by their documented format (135 formats: AWS, GCP, Azure, GitHub, GitLab, Slack,
 *   Stripe, Twilio, SendGrid, OpenAI, Anthropic, Hugging Face, npm, PyPI, Vault, Terraform Cloud, private keys,
 *   signed JWTs, …), with the checksum verified where the format has one (GitHub, npm: a look-alike whose
 *   checksum fails is only reported, as a warning, when a credential word is near it: on its line, within 300
 *   characters);
 * - 25 kinds of key whose shape is too common to stand alone (32 hex digits, a UUID), when the name says whose they
 *   are (`DATADOG_API_KEY`, `TWILIO_AUTH_TOKEN`, `AWS_SECRET_ACCESS_KEY`, `HEROKU_API_KEY`);
 * - string values assigned to secret-named variables or keys (`password`, `DB_PASS`, `apiKey`, `client_secret`,
 *   `SECRET_KEY`, `"Jwt": { "Key": … }`), in code and in config: YAML (Kubernetes `env` name/value pairs, compose
 *   `- KEY=value`, CI `env:`), JSON, `.properties`, TOML, INI, XML, `.env`, Dockerfile `ENV`/`ARG`, shell, Gradle,
 *   `define('DB_PASSWORD', …)`, `os.Setenv(…)`, literal fallbacks (`process.env.X || "…"`). Values are judged by
 *   shape and entropy, so placeholders (`changeme`, `<YOUR_TOKEN>`), references (`${X}`, `{{ .Values.x }}`,
 *   `%(x)s`), labels, limits, hashes, digests, UUIDs and colours stay quiet;
 * - passwords in URLs and connection strings (`postgres://app:…@db`, `Password=…;`, `?password=…`), in
 *   `curl -u user:…`, `--password=…`, `auth=("user", "…")`, `getConnection(url, "user", "…")`, SQL
 *   `WITH PASSWORD '…'` and PowerShell `ConvertTo-SecureString "…" -AsPlainText`. Local defaults such as
 *   `postgres:postgres@localhost` stay quiet.
 *
 * Test files and test-like ones (`test/`, `__tests__`, `fixtures/`, `*.spec.ts`, `*_test.go`, Storybook stories,
 * `examples/`, `.env.test`) and env templates (`.env.example`, `.env.sample`, …) only report provider formats with
 * random-looking bodies (`sk_live_xxxx…` and `AKIAIOSFODNN7EXAMPLE` stay quiet). Lock files are skipped; minified
 * bundles get provider formats only; a git-ignored `.env` is where local secrets belong and is not reported.
 * Test-mode keys (Stripe `sk_test_`/`rk_test_`, Braintree sandbox) and encrypted private keys are warnings: still
 * credentials, but they move no real money or need a passphrase. Messages name the kind and show only a masked
 * prefix of the value (`Stripe live secret key is hardcoded: sk_live_…`).
 *
 * **Why:** config that varies between deploys, and credentials above all, belongs in the environment (factor
 * III). A secret in the code is shared with everyone who can read the repository and its history, and changing
 * it needs a new release.
 *
 * **Example:**
 * ```js
 * const stripe = new Stripe("sk_live_51H…");
 * const db = knex({ client: "pg", connection: "postgres://app:s3cr3t-Pa55@db.internal/app" });
 * ```
 *
 * **Use instead:** read it from the environment and keep the value out of the repository:
 * ```js
 * const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
 * const db = knex({ client: "pg", connection: process.env.DATABASE_URL });
 * ```
 * Rotate any secret that was ever committed: removing it from the code does not remove it from history.
 *
 * **Quick fix:** "Extract to environment variable" replaces the literal with the language's env read, declares
 * the name in `.env.example` and keeps the value in a git-ignored `.env`, in one undoable edit.
 */
export const rule = defineRule({
  id: ID,
  factor: 3,
  title: 'Hardcoded secret',
  description: 'A credential (API key, token, password, private key) is written in code or committed config.',
  defaultSeverity: 'error',
  fixable: true,
  keywords: [...new Set([...providerKeywords(), ...SECRET_NAME_KEYWORDS, ...CREDENTIAL_STRING_KEYWORDS])],
  scan: secretScanRequest(),
  detect({ file, facts, lines, scan }) {
    const findings: Finding[] = [];
    for (const hit of detectSecrets(file, facts, scan)) {
      findings.push({
        ruleId: ID,
        range: { start: lines.positionAt(hit.start), end: lines.positionAt(hit.end) },
        message: hit.message,
        ...(hit.severity ? { severity: hit.severity } : {}),
        data: { kind: hit.id },
      });
    }
    return findings;
  },
});
