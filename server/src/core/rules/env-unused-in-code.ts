import { isEnvExampleFile } from '../env/discovery';
import { keyColumn, parseEnvExample } from '../env/example';
import { isImplicitlyRead } from '../env/implicit';
import { defineRule } from '../rule';
import type { Finding } from '../types';

/**
 * Reports a variable declared in an env example file (`.env.example`) that no code in the workspace reads.
 *
 * **Why:** the example file is the app's config contract (factor III). A declared variable that nothing reads is
 * a stale promise: operators keep setting it, rotating it, and wondering what it does. Remove it, or find the
 * code that was meant to read it. Variables that platforms, frameworks and SDKs read by themselves (`PORT`,
 * `AWS_*`, `SPRING_*`, `DATABASE_URL`, …) are not reported.
 *
 * **Example:**
 * ```sh
 * # .env.example
 * DATABASE_URL=
 * LEGACY_FTP_PASSWORD=   # nothing reads this any more
 * ```
 *
 * **Use instead:** delete the line, or read the variable where it is needed:
 * ```sh
 * DATABASE_URL=
 * ```
 */
export const rule = defineRule({
  id: 'config/env-unused-in-code',
  factor: 3,
  title: 'Env example variable not read by any code',
  description: 'A variable declared in the env example file is not read anywhere in the workspace.',
  defaultSeverity: 'hint',
  keywords: [],
  languages: ['dotenv'],
  detect({ file, facts, lines }) {
    const isRead = facts.isReadInWorkspace;
    if (!isRead || !isEnvExampleFile(file.path)) return [];
    const findings: Finding[] = [];
    for (const [name, { line }] of parseEnvExample(file.path, file.text).keys) {
      if (facts.platformVariables.has(name) || isImplicitlyRead(name)) continue;
      if (isRead(name) !== false) continue; // read, or the index cannot tell yet
      const character = keyColumn(lines.lineText(line), name);
      findings.push({
        ruleId: 'config/env-unused-in-code',
        range: { start: { line, character }, end: { line, character: character + name.length } },
        message: `${name} is declared here but no code in the workspace reads it.`,
        data: { variable: name },
      });
    }
    return findings;
  },
});
