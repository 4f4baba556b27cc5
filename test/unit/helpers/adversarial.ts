import { RULES, languageOf, lineIndex, type LanguageId, type ProjectFacts, type Rule, PLATFORM_VARIABLES, parseEnvExample } from '../../../server/src/core';

/**
 * Inputs designed to trip catastrophic backtracking or quadratic scans. `scale` 1 gives the sizes (1 MB
 * lines, a 5 MB bundle) for the bench; the unit test uses a fraction: a super-linear pattern still hangs there.
 */
export function adversarialInputs(scale = 1): { name: string; text: string }[] {
  const MB = Math.round(1_000_000 * scale);
  const nested = '{'.repeat(MB / 2) + '}'.repeat(MB / 2);
  // GitHub-token-shaped strings whose checksum fails: each is judged by the words around it on its line.
  const fakeTokens = Array.from({ length: Math.ceil(MB / 41) }, (_, i) => `ghp_${(i * 2654435761 >>> 0).toString(36).padStart(7, 'x')}${'Zq9Wm3Lp7Kd2Rt5Yv8Bn1Hc4Jf6Gs0Ax'.slice(0, 29)} `).join('');
  const minified = Array.from({ length: Math.ceil(75_000 * scale) }, (_, i) => `var a${i}=function(b){return b.password||"x${i}"+process.env.A${i % 50}};`).join('');
  return [
    { name: 'a line of one character', text: 'a'.repeat(MB) },
    { name: 'a line of =', text: '='.repeat(MB) },
    { name: 'a line of "', text: '"'.repeat(MB) },
    { name: 'a line of \\', text: '\\'.repeat(MB) },
    { name: 'a line of a1', text: 'a1'.repeat(MB / 2) },
    { name: 'half-open quotes', text: 'password = "'.repeat(MB / 12) },
    { name: 'secret words without values', text: 'token secret password api_key '.repeat(MB / 30) },
    { name: 'tokens failing their checksum', text: fakeTokens.slice(0, MB) },
    { name: 'provider prefixes without bodies', text: 'sk_live_ ghp_ AKIA xoxb- -----BEGIN PRIVATE KEY----- '.repeat(MB / 55) },
    { name: 'URL-ish run', text: 'postgres://user:'.repeat(MB / 16) },
    { name: 'env reads', text: 'process.env.'.repeat(MB / 12) },
    { name: 'deeply nested braces', text: nested },
    { name: 'newlines', text: '\n'.repeat(MB) },
    { name: 'CRLF and spaces', text: ' \r\n'.repeat(MB / 3) },
    { name: 'long base64-ish line', text: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789+/'.repeat(MB / 48) },
    { name: 'minified bundle (5× the line size)', text: minified.slice(0, 5 * MB) },
  ];
}

/** Every language the core knows, with a file name that selects it (and the config-flavoured YAML names). */
export const LANGUAGE_PATHS: { path: string; language: LanguageId }[] = [
  'app.js', 'app.ts', 'app.py', 'main.go', 'App.java', 'App.kt', 'app.rb', 'index.php', 'Program.cs', 'main.rs',
  'run.sh', 'config.yml', 'docker-compose.yml', 'application.yml', 'config.json', 'application.properties',
  'setup.cfg', 'Cargo.toml', 'logback.xml', 'Dockerfile', '.env', '.env.example', 'Procfile', 'notes.txt',
].map((path) => ({ path, language: languageOf(path) }));

/** One file kind per syntax family, for the unit test (the bench runs every kind). */
export const LANGUAGE_SAMPLE = LANGUAGE_PATHS.filter((l) =>
  ['app.ts', 'App.kt', 'docker-compose.yml', 'logback.xml', '.env', 'Procfile'].includes(l.path),
);

export const FACTS: ProjectFacts = {
  envExample: parseEnvExample('/ws/.env.example', 'A=\nB=\n'),
  envExampleCreatePath: '/ws/.env.example',
  platformVariables: new Set(PLATFORM_VARIABLES),
  isGitIgnored: () => false,
  isReadInWorkspace: () => true,
};

/** Runs one rule directly (bypassing the prefilter, so every rule meets every input). */
export function runRule(rule: Rule, path: string, language: LanguageId, text: string) {
  return rule.detect({ file: { path: `/ws/${path}`, text, language }, facts: FACTS, lines: lineIndex(text) });
}

export { RULES };
