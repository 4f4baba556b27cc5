import type { ContextPattern } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Keys whose value alone is too common a shape (32 hex digits, a UUID): recognised by the name they are assigned
 * to. `name` is tested against the assignment's full name (for YAML, the dotted key path).
 */
export const CONTEXT_PATTERNS: readonly ContextPattern[] = [
  {
    id: 'aws-secret-access-key',
    kind: 'AWS secret access key',
    name: /aws.{0,20}secret|secret.?access.?key/i,
    value: /^[A-Za-z0-9/+]{40}$/,
    examples: { ng: ['AWS_SECRET_ACCESS_KEY = "2pzDFCaCHwXh6b+dEU+CHgLWIcGw8Eaw7QgTJYA6"', 'aws_secret_access_key=LX3+60RK0xrWrsol6yb2+tFD8NBxQj56KfRdNaFz'], ok: ['aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', 'aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]'] },
  },
  {
    id: 'azure-storage-key',
    kind: 'Azure storage account key',
    name: /(?:azure|storage|account).{0,20}key/i,
    value: /^[A-Za-z0-9+/]{86}==$/,
    examples: { ng: ['AZURE_STORAGE_KEY=+VMCwLJHS+xrCDC7+lwTHWHCEvf/15JWxTYDANJi9jXH9KhN2etPB7gsYn33PFX3sjQutQ3ozuxnAfBz35JK+j=='], ok: ['AZURE_STORAGE_KEY=DA/NNh54clZHuE0ThMV8a92/jDm6/xctESM4/k5L=='] },
  },
  {
    id: 'twilio-auth-token',
    kind: 'Twilio auth token',
    name: /twilio.{0,30}(?:auth|token|secret)/i,
    value: /^[a-f0-9]{32}$/,
    examples: { ng: ['TWILIO_AUTH_TOKEN="fe40038c733385b34216f91c939ab00d"'], ok: ['TWILIO_ACCOUNT_SID="AC5d9369fa71b366aae01077efb0fb3521"', 'TWILIO_AUTH_TOKEN="e53e5e5e3b1d8024"'] },
  },
  {
    id: 'datadog-api-key',
    kind: 'Datadog API key',
    name: /(?:datadog|(?:^|[^a-z])dd).{0,20}api.?key/i,
    value: /^[a-f0-9]{32}$/,
    examples: { ng: ['DD_API_KEY=a8b8a773c30eb4db6337e1f070ac0685', 'datadog:\n  api_key: c03ddde92477cd4169f54f1f6833aca5'], ok: ['DD_API_KEY=bafb81aa36dfe765f5c6', 'DD_SITE=datadoghq.eu'] },
  },
  {
    id: 'datadog-app-key',
    kind: 'Datadog application key',
    name: /(?:datadog|(?:^|[^a-z])dd).{0,20}app(?:lication)?.?key/i,
    value: /^[a-f0-9]{40}$/,
    examples: { ng: ['DD_APP_KEY=ae9911045a040b633e7e5c701f0452f93505f541'], ok: ['DD_APP_KEY=2abe023e6a862e0f0a4e4ec3b22c03b2zz'] },
  },
  {
    id: 'heroku-api-key-uuid',
    kind: 'Heroku API key',
    name: /heroku.{0,20}(?:api.?key|token)/i,
    value: UUID,
    examples: { ng: ['HEROKU_API_KEY=55348b63-d544-4f93-a590-ae70950ff430'], ok: ['HEROKU_APP_ID=1744ff7a-dd77-47a6-a86b-2e42cba28547', 'HEROKU_API_KEY=${HEROKU_API_KEY}'] },
  },
  {
    id: 'cloudflare-api-token',
    kind: 'Cloudflare API token',
    name: /(?:cloudflare|(?:^|[^a-z])cf).{0,20}(?:token|key)/i,
    value: /^[A-Za-z0-9_-]{40}$/,
    examples: { ng: ['CLOUDFLARE_API_TOKEN=01T3Zj1HAHK9iv0f5roTgRdl-IklWAvhoH6EZpac'], ok: ['CLOUDFLARE_ZONE_ID=992e7fc368c83784e212919d6c03630c', 'CLOUDFLARE_API_TOKEN=gfwA7r5-0OVfSFW6snEE'] },
  },
  {
    id: 'cloudflare-global-api-key',
    kind: 'Cloudflare global API key',
    name: /(?:cloudflare|(?:^|[^a-z])cf).{0,20}(?:api.?key|auth.?key)/i,
    value: /^[a-f0-9]{37}$/,
    examples: { ng: ['CF_API_KEY=9fae6303ac87040cc68b07063c619bf706f0c'], ok: ['CF_API_KEY=3d61823c5bd172136541efa05310af'] },
  },
  {
    id: 'algolia-admin-key',
    kind: 'Algolia admin API key',
    name: /algolia(?!.{0,20}search).{0,20}(?:admin|write|api).?key/i,
    value: /^[a-f0-9]{32}$/,
    examples: { ng: ['ALGOLIA_ADMIN_KEY=f03c1576d6c8a2e2f03c26e366eae7f7'], ok: ['ALGOLIA_SEARCH_API_KEY=5042ab2dfc4ace1cc2fd0eed6b853659', 'ALGOLIA_APP_ID=RK1FMW8YTT'] },
  },
  {
    id: 'fastly-api-token',
    kind: 'Fastly API token',
    name: /fastly.{0,20}(?:token|key)/i,
    value: /^[A-Za-z0-9_-]{32}$/,
    examples: { ng: ['FASTLY_API_TOKEN=Tuob_CO5y1b_8vhdkLEZ-RuC8Gwwr_8-'], ok: ['FASTLY_SERVICE_ID=zLrLyMKBE6iT3SlDBXZyrK'] },
  },
  {
    id: 'okta-api-token',
    kind: 'Okta API token',
    name: /okta.{0,20}(?:token|key)/i,
    value: /^00[A-Za-z0-9_-]{40}$/,
    examples: { ng: ['OKTA_API_TOKEN=00iXFaReH66DYUNW5Uy1-h1dYzrb3EnthyFgzjAKBh'], ok: ['OKTA_CLIENT_ID=0oabU6HiIi5nmHZm7UgI'] },
  },
  {
    id: 'snyk-token',
    kind: 'Snyk API token',
    name: /snyk.{0,20}(?:token|key)/i,
    value: UUID,
    examples: { ng: ['SNYK_TOKEN=d2aedf06-7e8b-4d46-aa5e-8a5747d9e5aa'], ok: ['SNYK_ORG_ID=807cce01-65e4-4716-ab3e-aa748b258e2c'] },
  },
  {
    id: 'newrelic-license-key-legacy',
    kind: 'New Relic license key',
    name: /new.?relic.{0,20}(?:license|ingest).?key|(?:^|[^a-z])nr.?license/i,
    value: /^[a-f0-9]{40}$/,
    examples: { ng: ['ENV NEW_RELIC_LICENSE_KEY=413fbbc75f42092cd4f0b250d306c6908a676045'], ok: ['NEW_RELIC_APP_NAME=billing', 'NEW_RELIC_LICENSE_KEY=125e53519b37f20b56aa'] },
  },
  {
    id: 'twitch-secret',
    kind: 'Twitch client secret or token',
    name: /twitch.{0,20}(?:secret|token)/i,
    value: /^[a-z0-9]{30}$/,
    examples: { ng: ['TWITCH_CLIENT_SECRET=tgfrx5ckza31869tz2ie072138lvrm'], ok: ['TWITCH_CLIENT_ID=23d1rbp8xhgfj9p1b46q'] },
  },
  {
    id: 'messagebird-key',
    kind: 'MessageBird access key',
    name: /message.?bird.{0,20}(?:key|token)/i,
    value: /^[A-Za-z0-9]{25}$/,
    examples: { ng: ['MESSAGEBIRD_ACCESS_KEY=Dg1qdVkg8pYaXD466sRc1qPgN'], ok: ['MESSAGEBIRD_ORIGINATOR=AcmeShop'] },
  },
  {
    id: 'lob-api-key',
    kind: 'Lob API key',
    name: /(?:^|[^a-z])lob[_.-]/i,
    value: /^(?:live|test)_[a-f0-9]{35}$/,
    examples: { ng: ['LOB_API_KEY=live_a3689fbc600ba95925e45da2811c23e1d05'], ok: ['LOB_API_KEY=live_9cc189092f9a92f4aee2'] },
  },
  {
    id: 'vercel-legacy-token',
    kind: 'Vercel token',
    name: /vercel.{0,20}token/i,
    value: /^[A-Za-z0-9]{24}$/,
    examples: { ng: ['VERCEL_TOKEN=id8GbV1XlqNglEn7n24h7sIz'], ok: ['VERCEL_ORG_ID=team_5v70DjrpdtXhJPoDrVgksBmL'] },
  },
  {
    id: 'facebook-app-secret',
    kind: 'Facebook app secret',
    name: /(?:facebook|(?:^|[^a-z])fb).{0,20}secret/i,
    value: /^[a-f0-9]{32}$/,
    examples: { ng: ['FACEBOOK_APP_SECRET=fbaa69848eecbd96ff45ca68a15f9939'], ok: ['FACEBOOK_APP_ID=650530486569862'] },
  },
  {
    id: 'contentful-delivery-token',
    kind: 'Contentful API token',
    name: /contentful.{0,20}(?:token|key)/i,
    value: /^[A-Za-z0-9_-]{43}$/,
    examples: { ng: ['CONTENTFUL_DELIVERY_TOKEN=r3bXAn0vKnKGBPdVTj6QC6Jw1nkFpp10tgYruPQowtg'], ok: ['CONTENTFUL_SPACE_ID=9vt2x3tlntd9'] },
  },
  {
    id: 'azure-devops-pat',
    kind: 'Azure DevOps personal access token',
    name: /(?:azure.?devops|(?:^|[^a-z])ado|vsts|azdo).{0,20}(?:pat|token)/i,
    value: /^[a-z2-7]{52}$/,
    examples: { ng: ['AZURE_DEVOPS_PAT=cwobkulgd2qlql56dmu5qqtx77tjku2zp4xds26faqdyhcauuxzc'], ok: ['AZURE_DEVOPS_ORG=acme'] },
  },
  {
    id: 'launchdarkly-key',
    kind: 'LaunchDarkly SDK or API key',
    name: /launch.?darkly|(?:^|[^a-z])ld.{0,10}(?:sdk|api).?key/i,
    value: /^(?:sdk|api)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    examples: { ng: ['LAUNCHDARKLY_SDK_KEY=sdk-53d17929-e8cd-4311-a5bd-02cae6d2856e'], ok: ['LAUNCHDARKLY_CLIENT_ID=97c7a219627ac227275cd5b5'] },
  },
  {
    id: 'postmark-server-token',
    kind: 'Postmark server token',
    name: /postmark.{0,20}(?:token|key)/i,
    value: UUID,
    examples: { ng: ['POSTMARK_SERVER_TOKEN=ac5225e8-fc36-4f66-a4fd-f4b50fd6103d'], ok: ['POSTMARK_FROM=billing@acme.io'] },
  },
  {
    id: 'mongodb-atlas-private-key',
    kind: 'MongoDB Atlas API private key',
    name: /(?:atlas|mongodb).{0,20}private.?key/i,
    value: UUID,
    examples: { ng: ['MONGODB_ATLAS_PRIVATE_KEY=9d1f473b-2564-4065-a280-a12664f5e14b'], ok: ['MONGODB_ATLAS_PUBLIC_KEY=zjsbrfk2'] },
  },
  {
    id: 'mailjet-secret',
    kind: 'Mailjet API secret',
    name: /mailjet.{0,20}(?:secret|key)/i,
    value: /^[a-f0-9]{32}$/,
    examples: { ng: ['MAILJET_API_SECRET=ec36d6442f60d1fd1c094db5da81e58d'], ok: ['MAILJET_SENDER=billing@acme.io'] },
  },
  {
    id: 'pusher-secret',
    kind: 'Pusher app secret',
    name: /pusher.{0,20}secret/i,
    value: /^[a-f0-9]{20}$/,
    examples: { ng: ['PUSHER_APP_SECRET=4740ed773ea60d3493e4'], ok: ['PUSHER_APP_KEY=214ffcc1d92c26e6b3ff', 'PUSHER_APP_CLUSTER=eu'] },
  },
];

/** The context pattern for an assignment, if its name and value fit one. */
export function contextKind(name: string, value: string): ContextPattern | undefined {
  return CONTEXT_PATTERNS.find((c) => c.value.test(value) && c.name.test(name));
}
