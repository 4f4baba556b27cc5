import { RULES, languageOf, lineIndex, type LanguageId, type ProjectFacts, type Rule, PLATFORM_VARIABLES, parseEnvExample } from '../../../server/src/core';

/** Inputs designed to trip catastrophic backtracking or quadratic scans. */
export function adversarialInputs(): { name: string; text: string }[] {
  const MB = 1_000_000;
  const nested = '{'.repeat(50_000) + '}'.repeat(50_000);
  const minified = Array.from({ length: 60_000 }, (_, i) => `var a${i}=function(b){return b.password||"x${i}"+process.env.A${i % 50}};`).join('');
  return [
    { name: '1 MB of one character', text: 'a'.repeat(MB) },
    { name: '1 MB of =', text: '='.repeat(MB) },
    { name: '1 MB of "', text: '"'.repeat(MB) },
    { name: '1 MB of \\', text: '\\'.repeat(MB) },
    { name: '1 MB of a1', text: 'a1'.repeat(MB / 2) },
    { name: 'half-open quotes', text: 'password = "'.repeat(MB / 12) },
    { name: 'secret words without values', text: 'token secret password api_key '.repeat(MB / 30) },
    { name: 'provider prefixes without bodies', text: 'sk_live_ ghp_ AKIA xoxb- -----BEGIN PRIVATE KEY----- '.repeat(MB / 55) },
    { name: 'URL-ish run', text: 'postgres://user:'.repeat(MB / 16) },
    { name: 'env reads', text: 'process.env.'.repeat(MB / 12) },
    { name: 'deeply nested braces', text: nested },
    { name: 'newlines', text: '\n'.repeat(MB) },
    { name: 'CRLF and spaces', text: ' \r\n'.repeat(MB / 3) },
    { name: 'long base64-ish line', text: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789+/'.repeat(MB / 48) },
    { name: '5 MB minified bundle', text: minified.slice(0, 5 * MB) },
  ];
}

/** Every language the core knows, with a file name that selects it (and the config-flavoured YAML names). */
export const LANGUAGE_PATHS: { path: string; language: LanguageId }[] = [
  'app.js', 'app.ts', 'app.py', 'main.go', 'App.java', 'App.kt', 'app.rb', 'index.php', 'Program.cs', 'main.rs',
  'run.sh', 'config.yml', 'docker-compose.yml', 'application.yml', 'config.json', 'application.properties',
  'setup.cfg', 'Cargo.toml', 'logback.xml', 'Dockerfile', '.env', '.env.example', 'Procfile', 'notes.txt',
].map((path) => ({ path, language: languageOf(path) }));

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
