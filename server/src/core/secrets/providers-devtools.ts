import { githubChecksum } from './checksum';
import type { ProviderPattern } from './types';

const GITHUB_KINDS: Record<string, string> = {
  ghp: 'GitHub personal access token',
  gho: 'GitHub OAuth access token',
  ghu: 'GitHub user-to-server token',
  ghs: 'GitHub server-to-server (app installation) token',
  ghr: 'GitHub refresh token',
};

/** GitHub's 2021 formats: prefix + 30 random base62 + 6-character CRC32 checksum. */
const GITHUB: ProviderPattern[] = Object.entries(GITHUB_KINDS).map(([p, kind]) => ({
  id: `github-${p}`,
  kind,
  keywords: [`${p}_`],
  re: new RegExp(`(?<![A-Za-z0-9_])(?<token>${p}_(?<body>[A-Za-z0-9]{36}))(?![A-Za-z0-9_])`),
  validate: githubChecksum,
  examples: {
    ng: [`const token = "${p}_o89MUudBQdDA3ucCFyPXfXfyprmFRp4YbtVq";`, `GITHUB_TOKEN=${p}_qBicdHHCv7uOse5vaVxbB5qALlYdx70Lx78n`],
    ok: [`label = "${p}_HlkTj0QEHgQYNidsPjz5bMz0xxW2MJt2qPDY"`, `${p}_rxywBk7PkW6e7u7pq5Jhu0ZSiCwNgSEBMBx`, `${p}_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`],
  },
}));

const GITLAB: [string, string, string, string][] = [
  // prefix, kind, body pattern, example body
  ['glpat-', 'GitLab personal access token', '[A-Za-z0-9_-]{20}(?:\\.[A-Za-z0-9_.-]{8,60})?|[A-Za-z0-9_-]{27,300}\\.[0-9a-z]{2}\\.[0-9a-z]{9}', 'LQ8wYWi3AA0qG00Ar5Qp'],
  ['gldt-', 'GitLab deploy token', '[A-Za-z0-9_-]{20,300}', '5I5hiNnVD1GQkLMvHERi'],
  ['glrt-', 'GitLab runner authentication token', '[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z.]{2,40})?', 'otStFzjakcwEq12FR-GF'],
  ['glptt-', 'GitLab pipeline trigger token', '[a-f0-9]{40}', 'f6cf663f9e075ea22f7e02a184af97f21d6220dd'],
  ['glcbt-', 'GitLab CI/CD job token', '[A-Za-z0-9_]{1,5}_[A-Za-z0-9_-]{20}', '64_-vcDe4i6xuw2wEJg6Kk_'],
  ['gloas-', 'GitLab OAuth application secret', '[a-f0-9]{64}', '601e2669528cc55b925feb1a002ccd9ee35cb24206afdd25e31abecae74cb06c'],
  ['glagent-', 'GitLab agent for Kubernetes token', '[A-Za-z0-9_-]{50}', 'JFW6FC9R636tN22F5cGGwyzOsotOWBVotig8JE5LqB-K_kjyUw'],
  ['glsoat-', 'GitLab SCIM token', '[A-Za-z0-9_-]{20}', 'HUjAyAaViAB-ecA8fzJk'],
  ['glimt-', 'GitLab incoming mail token', '[A-Za-z0-9_-]{25}', 'hesJyxr6_fGg0lEMn1FVZpoCU'],
  ['glffct-', 'GitLab feature flags client token', '[A-Za-z0-9_-]{20}', 'QC56UCmwqmK-aPBUM0Yt'],
  ['GR1348941', 'GitLab runner registration token', '[A-Za-z0-9_-]{20}', '_E0Zu5_gE_G89nUqbm8m'],
];

export const DEVTOOLS_PROVIDERS: readonly ProviderPattern[] = [
  ...GITHUB,
  {
    id: 'github-fine-grained-pat',
    kind: 'GitHub fine-grained personal access token',
    keywords: ['github_pat_'],
    re: /(?<![A-Za-z0-9_])(?<token>github_pat_(?<body>[A-Za-z0-9]{22}_[A-Za-z0-9]{59}))(?![A-Za-z0-9_])/,
    examples: { ng: ['GH_TOKEN=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'], ok: ['github_pat_iibB8N2a3JIMxdsHmRR362_3rEg3pKR0nd715WTKBCb', 'github_pat_example'] },
  },
  ...GITLAB.map(
    ([prefix, kind, body, example]): ProviderPattern => ({
      id: `gitlab-${prefix.replace(/-$/, '').toLowerCase()}`,
      kind,
      keywords: [prefix.toLowerCase()],
      re: new RegExp(`(?<![\\w-])(?<token>${prefix}(?<body>${body}))(?![\\w-])`),
      examples: { ng: [`CI_TOKEN=${prefix}${example}`], ok: [`${prefix}azF-ivHO`, `${prefix}xxxxxxxxxxxxxxxxxxxx`] },
    }),
  ),
  {
    id: 'bitbucket-app-password',
    kind: 'Bitbucket app password',
    keywords: ['atbb'],
    re: /(?<![\w-])(?<token>ATBB(?<body>[A-Za-z0-9_=.-]{32,36}))(?![\w=.-])/,
    examples: { ng: ['BITBUCKET_APP_PASSWORD=ATBB4yzExr07rxgcyqYCPeTq54HtFD8g7kYX'], ok: ['ATBBtIWB5lYl7KPL', 'ATBBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'atlassian-api-token',
    kind: 'Atlassian API token',
    keywords: ['atatt3'],
    re: /(?<![\w-])(?<token>ATATT3(?<body>[A-Za-z0-9_=-]{180,200}))(?![\w=-])/,
    examples: { ng: ['JIRA_API_TOKEN=ATATT3x2Ldm2ZY8b1okyoe60qlRU4CKGCwE9YfTLx_-iS6k576jSJ8Vt_SOeHjlcZ4c_sZv-vuwnRrv8uqQ0_sIfBZ6tCKGEgjACYanpYh94Kug_ClDELUsZvPb5JmTMrY2B2mpq0OQPPTQgIkAfGObcWIROtOmymulxTueT9xYofTmjoJKT8IBTljrJzdHs'], ok: ['ATATT3LU_7bcfmfVHdNHca9Xz4Qbc09z5W7ZZ4cs3eMexC', 'ATATT3xExample'] },
  },
  {
    id: 'npm-token',
    kind: 'npm access token',
    keywords: ['npm_'],
    re: /(?<![A-Za-z0-9_])(?<token>npm_(?<body>[A-Za-z0-9]{36}))(?![A-Za-z0-9_])/,
    validate: githubChecksum,
    examples: { ng: ['//registry.npmjs.org/:_authToken=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'], ok: ['label: "npm_YU5P7UfWIqzEnn0P7iQq53IRautnLyKZqHEI"', 'npm_VSLobSSopl7iRWWgcj0r', 'npm_config_cache'] },
  },
  {
    id: 'pypi-token',
    kind: 'PyPI upload token',
    keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
    re: /(?<![\w-])(?<token>pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)(?<body>[A-Za-z0-9_-]{50,1000}))(?![\w-])/,
    examples: { ng: ['password = pypi-AgEIcHlwaS5vcmcjWxrpy6TAjWoJo5LWK9v2r4IjAHN7ry3CLelBRPACSQJAbSf1pLlCyOUJZdyarqJcrSjyW'], ok: ['pypi-AgEIcHlwaS5vcmchmw1AF79-g', 'pypi-token'] },
  },
  {
    id: 'dockerhub-pat',
    kind: 'Docker Hub personal access token',
    keywords: ['dckr_pat_', 'dckr_oat_'],
    re: /(?<![\w-])(?<token>dckr_(?:pat|oat)_(?<body>[A-Za-z0-9_-]{27,32}))(?![\w-])/,
    examples: { ng: ['DOCKERHUB_TOKEN=dckr_pat_dd757HaYbNzro99EYzqGfAO3u_0'], ok: ['dckr_pat_yf4pyaj3Wq', 'dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'rubygems-api-key',
    kind: 'RubyGems API key',
    keywords: ['rubygems_'],
    re: /(?<![\w-])(?<token>rubygems_(?<body>[a-f0-9]{48}))(?![\w-])/,
    examples: { ng: [':rubygems_api_key: rubygems_1d5d14d391d5ce3177d59db773bd23135ec9de3ce97fca7b'], ok: ['rubygems_d98c60db014cb1b0612c', 'rubygems_version'] },
  },
  {
    id: 'nuget-api-key',
    kind: 'NuGet API key',
    keywords: ['oy2'],
    re: /(?<![\w-])(?<token>oy2(?<body>[a-z0-9]{43}))(?![\w-])/,
    examples: { ng: ['dotnet nuget push -k oy23zdsosq0xgompdzb889rsz9o04kmskmtml2ftqbppqs'], ok: ['oy2bgqjtxfz42htmemjkuq9', 'oy2HS8JUP7BZOZ82OYJK0BAV2TQNXC6AJH3TJY6L7VQ0DJ'] },
  },
  {
    id: 'clojars-token',
    kind: 'Clojars deploy token',
    keywords: ['clojars_'],
    re: /(?<![\w-])(?<token>CLOJARS_(?<body>[a-z0-9]{60}))(?![\w-])/,
    examples: { ng: ['CLOJARS_PASSWORD=CLOJARS_5uz5ucayfekc12npzomi3sgp2o10dvz8dqcc9pdlps8jvxywo9u1vi764i21'], ok: ['CLOJARS_USERNAME', 'CLOJARS_yeukndm68w101e9fzvx4'] },
  },
  {
    id: 'sentry-org-token',
    kind: 'Sentry organization auth token',
    keywords: ['sntrys_'],
    re: /(?<![\w-])(?<token>sntrys_(?<body>eyJ[A-Za-z0-9+/=_-]{60,400}))(?![\w+/=-])/,
    examples: { ng: ['SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3xCL2EgrPiHRJgwkwJ-4Fx3VJu4DGZYfUenGVYCTP8ylK_32T_fywnAItdF34_M6kaHXiEs6Q0-7lRt1h_LAxLpz92TTUr0-i_AC-Qr36'], ok: ['sntrys_W_G2qHWXggTnG0Ap3CtNzNFTXkcIy7', 'sntrys_eyJ'] },
  },
  {
    id: 'sentry-user-token',
    kind: 'Sentry user auth token',
    keywords: ['sntryu_'],
    re: /(?<![\w-])(?<token>sntryu_(?<body>[a-f0-9]{64}))(?![\w-])/,
    examples: { ng: ['SENTRY_AUTH_TOKEN=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'], ok: ['sntryu_800da1cee20bdced162c4ba49848ff86', 'sntryu_tahD4U72ETvqkqHbw9DGwuTaMbqzv7GaZjPtJukApUB1bf2J7HoUkl4P764DnlYL'] },
  },
  {
    id: 'grafana-cloud-token',
    kind: 'Grafana Cloud access policy token',
    keywords: ['glc_'],
    re: /(?<![\w-])(?<token>glc_(?<body>[A-Za-z0-9+/]{32,400}={0,2}))(?![\w+/=-])/,
    examples: { ng: ['GRAFANA_CLOUD_TOKEN=glc_eyJvIjoi38m6cEoHtfirHUnL8hHoSZvGsgkL1ZReQWM6xTD6Ahlbd8SUwtZwE7YZTEAu5BsTHPkXkL=='], ok: ['glc_mbQcO0qbAwBy', 'glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'grafana-service-account-token',
    kind: 'Grafana service account token',
    keywords: ['glsa_'],
    re: /(?<![\w-])(?<token>glsa_(?<body>[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}))(?![\w-])/,
    examples: { ng: ['GRAFANA_TOKEN=glsa_1Zgn9BMewWdprmLpIl75Q1yY5Lpz5PQQ_bd9e7d09'], ok: ['glsa_ORWfUkt3GfJTiEGXi02spHtMSu290AhS', 'glsa_hJqXiDvaMT_a1afc46b'] },
  },
  {
    id: 'grafana-api-key',
    kind: 'Grafana API key',
    keywords: ['eyjrijoi'],
    re: /(?<![\w-])(?<token>eyJrIjoi(?<body>[A-Za-z0-9]{70,400}={0,2}))(?![\w=-])/,
    examples: { ng: ['grafana_api_key: eyJrIjoiXUxoaivyvHxAbTP6AbGlwpzR5ssUH3ndCHw1evTC2ZJXxkgBS2ryyE9UYwxugCrgtxUTIqgFwo0O4cZ5'], ok: ['eyJrIjoikZGAhl42Xr9bgoLB9qSK', 'eyJhbGciOiLLMiJ6lyiTCVjAuswgTsoXlgAkh1dkRvNMqK4pKEMrFvOTTJf3RzcTxHIZfTVriE5q1cyq3RB8ITjNHM'] },
  },
  {
    id: 'postman-api-key',
    kind: 'Postman API key',
    keywords: ['pmak-'],
    re: /(?<![\w-])(?<token>PMAK-(?<body>[a-f0-9]{24}-[a-f0-9]{34}))(?![\w-])/,
    examples: { ng: ['POSTMAN_API_KEY=PMAK-539dd72c7de5f4480d13bb2d-dbf1456438ff6522e9701f349abcecf798'], ok: ['PMAK-87f2a15daa9814f15bfa6adc', 'PMAK-fmzqWYkphpo1f4Peads2YvMm-bccl48JqTQCohxDzI3VVPMDQeTXAkUHmLZ'] },
  },
  {
    id: 'newrelic-user-key',
    kind: 'New Relic user API key',
    keywords: ['nrak-'],
    re: /(?<![\w-])(?<token>NRAK-(?<body>[A-Z0-9]{27}))(?![\w-])/,
    examples: { ng: ['NEW_RELIC_API_KEY=NRAK-GGWCDV4YCWB0W2WDED9QZ2X63UD'], ok: ['NRAK-HNXQZ8NRZB', 'NRAK-id45xewagfmhkd9smx0ozly19gr'] },
  },
  {
    id: 'newrelic-insert-key',
    kind: 'New Relic insert key',
    keywords: ['nrii-'],
    re: /(?<![\w-])(?<token>NRII-(?<body>[A-Za-z0-9_-]{32}))(?![\w-])/,
    examples: { ng: ['insert_key: NRII-tAgF9SCi1iUzXI_YL18uc8WXttvNn7i5'], ok: ['NRII-oBpLusXM558S', 'NRII-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'newrelic-license-key',
    kind: 'New Relic license key',
    keywords: ['nral'],
    re: /(?<![\w-])(?<token>(?<body>[a-f0-9]{36})NRAL)(?![\w-])/,
    examples: { ng: ['license_key: 1a10c5f0f721c81ecbb6082d0907ea729959NRAL'], ok: ['e931def52db4dd58eccaNRAL', 'NRAL'] },
  },
  {
    id: 'linear-api-key',
    kind: 'Linear API key',
    keywords: ['lin_api_'],
    re: /(?<![\w-])(?<token>lin_api_(?<body>[A-Za-z0-9]{40}))(?![\w-])/,
    examples: { ng: ['LINEAR_API_KEY=lin_api_JY6Yodeswu2rXRSkxmgHnCCp2f6E9TmVT4PIXgLW'], ok: ['lin_api_jmTCJKG5LtRc9Doyfl0W', 'lin_api_key'] },
  },
  {
    id: 'linear-oauth-token',
    kind: 'Linear OAuth token',
    keywords: ['lin_oauth_'],
    re: /(?<![\w-])(?<token>lin_oauth_(?<body>[a-f0-9]{64}))(?![\w-])/,
    examples: { ng: ['token = "lin_oauth_08dca0b5a78ab470ac80985d7570a0665c215b7c07cc61a33ab4d6fcc29fd6d3"'], ok: ['lin_oauth_f72626e33905e6e58952109ff4ef19', 'lin_oauth_token'] },
  },
  {
    id: 'notion-token',
    kind: 'Notion integration token',
    keywords: ['ntn_'],
    re: /(?<![\w-])(?<token>ntn_(?<body>[0-9]{11}[A-Za-z0-9]{35}))(?![\w-])/,
    examples: { ng: ['NOTION_TOKEN=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'], ok: ['ntn_r5jSVjuY4wYZIN11Mgu4', 'ntn_81755557490'] },
  },
  {
    id: 'notion-legacy-token',
    kind: 'Notion integration token (legacy)',
    keywords: ['secret_'],
    re: /(?<![\w-])(?<token>secret_(?<body>[A-Za-z0-9]{43}))(?![\w-])/,
    examples: { ng: ['NOTION_API_KEY=secret_ex8JjnHhjbHtKgVDlkgGoOG4u9SQFhj3wiwDtur2b8L'], ok: ['secret_sgfSolQBu95UTvxNLeLA', 'secret_key_base'] },
  },
  {
    id: 'figma-token',
    kind: 'Figma personal access token',
    keywords: ['figd_'],
    re: /(?<![\w-])(?<token>figd_(?<body>[A-Za-z0-9_-]{40}))(?![\w-])/,
    examples: { ng: ['FIGMA_TOKEN=figd_phytOqDWsYLn4BOD0mKGxHMx3hEmfPlGLltk5IoQ'], ok: ['figd_r5Er5tGBiw', 'figd_example'] },
  },
  {
    id: 'airtable-pat',
    kind: 'Airtable personal access token',
    keywords: ['airtable'],
    re: /(?<![\w-])(?<token>pat(?<body>[A-Za-z0-9]{14}\.[a-f0-9]{64}))(?![\w-])/,
    examples: { ng: ['AIRTABLE_TOKEN=patKRR2Uc2Ql8USa8.9fdd536ccc46961bb279553403bb7bbe34d81616130c949c7819a86e8bbc963d'], ok: ['airtable patMdzs9xRK3t9VZK.60bab8c9b0', 'airtable pattern.bac5d36523166a0103426ed60cd3f1ad3735ea9b9223947d1433ddb0f74f88b1'] },
  },
  {
    id: 'asana-pat',
    kind: 'Asana personal access token',
    keywords: ['asana'],
    re: /(?<![\w/])(?<token>[0-9]\/[0-9]{10,20}(?:\/[0-9]{10,20})?:(?<body>[a-f0-9]{32}))(?![\w-])/,
    examples: { ng: ['ASANA_TOKEN = "2/3269796876884113/1429877353244316:617777c8b595c014e21292c9ee28f5f4"'], ok: ['asana ratio 1/2:8af54af4', 'asana 2/1765123303658969'] },
  },
  {
    id: 'contentful-pat',
    kind: 'Contentful personal access token',
    keywords: ['cfpat-'],
    re: /(?<![\w-])(?<token>CFPAT-(?<body>[A-Za-z0-9_-]{43}))(?![\w-])/,
    examples: { ng: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-uhcL_J18RcSJND6msEJx9EhQ4mknuf6JNB4PSFqmVgs'], ok: ['CFPAT-h337Iw-AvERK', 'CFPAT-xxxxxxxx'] },
  },
  {
    id: 'typeform-token',
    kind: 'Typeform personal access token',
    keywords: ['tfp_'],
    re: /(?<![\w-])(?<token>tfp_(?<body>[A-Za-z0-9_.=-]{59}))(?![\w.=-])/,
    examples: { ng: ['TYPEFORM_TOKEN=tfp_6njLRMqF7WmbnPDqeMFUVsvZFUZPXBdOnKQCDnUDSNsJ_0pScyOpCmA4DZV'], ok: ['tfp_mo9frZL1q0CKD97PwRGh', 'tfp_example'] },
  },
  {
    id: 'frameio-token',
    kind: 'Frame.io developer token',
    keywords: ['fio-u-'],
    re: /(?<![\w-])(?<token>fio-u-(?<body>[A-Za-z0-9_=-]{64}))(?![\w=-])/,
    examples: { ng: ['FRAMEIO_TOKEN=fio-u-grQb2RSkwO1P8nKkV-KB2tEsYYw2QPjuikJ7UTPwyBGRwmYNOth0Qx2ywB0_dLGH'], ok: ['fio-u-d1doEOIOpg9EhY2xAYj6', 'fio-u-example'] },
  },
  {
    id: 'sourcegraph-token',
    kind: 'Sourcegraph access token',
    keywords: ['sgp_'],
    re: /(?<![\w-])(?<token>sgp_(?:[a-f0-9]{16}_|local_)?(?<body>[a-f0-9]{40}))(?![\w-])/,
    examples: { ng: ['SRC_ACCESS_TOKEN=sgp_633c6a1e59743cceb265151ba4ed1a214b04d690'], ok: ['sgp_5933a6eaa90b110b22fb', 'sgp_ekqu95xuWQucbs8HVKS37124t21chu7CpfIdau4J'] },
  },
  {
    id: 'readme-api-key',
    kind: 'ReadMe API key',
    keywords: ['rdme_'],
    re: /(?<![\w-])(?<token>rdme_(?<body>[a-z0-9]{70}))(?![\w-])/,
    examples: { ng: ['README_API_KEY=rdme_3ks1lticfqrnbmh3m27n5vcheix8uo1sidsnmo53ahv7beitxqa18pvlcbuf6couzvj1xl'], ok: ['rdme_dizdaxs54x3rzajkd2i2', 'rdme_example'] },
  },
  {
    id: 'dropbox-short-lived-token',
    kind: 'Dropbox access token',
    keywords: ['dropbox'],
    re: /(?<![\w.-])(?<token>sl\.(?:u\.)?(?<body>[A-Za-z0-9_-]{120,1400}))(?![\w-])/,
    examples: { ng: ['DROPBOX_TOKEN = "sl.B0K9RY_mEsAURM47IBpfCXkXmx3VXlPW1DI3g4tq_lKcy0ojbRmeOWk7IRQyDAebqTRjeVyjMBZ1-vGuDpvAaSnSUc-1OvB-ZNtjkehRftONZwPA2YbtrvFFvj67X43p9QI5yMA-"'], ok: ['dropbox sl.k05miIKzbkWw3L5ASjiqG5743S4_B88olTfzNo0E', 'dropbox: ssl.create_default_context()'] },
  },
  {
    id: 'docker-registry-auth',
    kind: 'Docker registry credentials',
    keywords: ['"auths"'],
    noFakeCheck: true,
    // ~/.docker/config.json: "auth" is base64 of "user:password".
    re: /"auth"\s*:\s*"(?<token>[A-Za-z0-9+/]{8,1000}={0,2})"/,
    validate: (token) => {
      try {
        const decoded = atob(token);
        return /^[^:\s]{1,100}:[^\s]{6,}$/.test(decoded) ? 'valid' : 'reject';
      } catch {
        return 'reject';
      }
    },
    examples: { ng: ['{ "auths": { "registry.internal": { "auth": "ZGVwbG95OnhHNDdxUjJ2TjltS3A1" } } }'], ok: ['{ "auths": { "registry.internal": { "auth": "" } } }', '{ "auths": { "r": { "auth": "bm90LWEtcGFpcg==" } } }'] },
  },
  {
    id: 'intercom-token',
    kind: 'Intercom access token',
    keywords: ['dg9ro'],
    // base64 of "tok:" followed by the token body.
    re: /(?<![\w+/-])(?<token>dG9rO(?<body>[A-Za-z0-9+/_-]{50,70}={0,2}))(?![\w+/=-])/,
    examples: { ng: ['INTERCOM_TOKEN=dG9rOj/qxxzEPtAjWND+0HReQxqhtduI2JX7uP1sRGVAJSUsHyeXLgxcKP6G='], ok: ['dG9rOeZt7fnvTAu', 'dG9rOxxxxxxxx'] },
  },
];
