import { defineRule } from '../rule';
import { isEnvFileName, isEnvTemplateName } from '../secrets/files';

const ID = 'config/env-file-not-ignored';

/**
 * Reports a `.env`-style file (`.env`, `.env.local`, `.env.production`, `prod.env` …) that git does not ignore,
 * so it will be committed with whatever values are in it. Templates (`.env.example`, `.env.sample`,
 * `.env.template`, `.env.dist`, `example.env`) are meant to be committed and are not reported. One finding, on the
 * first line of the file; it needs to know the project's ignore rules, so it is silent when they are unknown.
 *
 * **Why:** a `.env` file holds the values for one deploy (often credentials). Factor III keeps config in the
 * environment, out of the codebase: once committed, every clone and every fork has the values, and they stay in
 * history after the file is deleted.
 *
 * **Example:**
 * ```sh
 * # .gitignore
 * node_modules/
 * # .env (committed)
 * DATABASE_URL=postgres://app:…@db.internal/app
 * ```
 *
 * **Use instead:** ignore the real file and commit a template with the keys and no values:
 * ```sh
 * # .gitignore
 * .env
 * .env.*
 * !.env.example
 * ```
 */
export const rule = defineRule({
  id: ID,
  factor: 3,
  title: 'Env file not git-ignored',
  description: 'A .env file with real values is not ignored by git, so it would be committed.',
  defaultSeverity: 'warning',
  keywords: [],
  languages: ['dotenv'],
  detect({ file, facts }) {
    const base = file.path.slice(file.path.lastIndexOf('/') + 1);
    if (!isEnvFileName(base) || isEnvTemplateName(base) || !facts.isGitIgnored) return [];
    if (facts.isGitIgnored(file.path)) return [];
    return [
      {
        ruleId: ID,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `${base} is not ignored by git, so its values would be committed. Add it to .gitignore and commit a .env.example without values instead.`,
        data: { file: base },
      },
    ];
  },
});
