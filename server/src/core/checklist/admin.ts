/**
 * Factor XII (Admin processes): admin tasks live in the repository, and run as one-off processes (a release
 * phase, a Kubernetes Job, a separate compose service) rather than inside every web process start.
 *
 * Decision: migrations chained into the start command of a web process (`migrate && node server.js` in a
 * Dockerfile CMD, the Procfile `web` line or the npm start script) are a warning: with several instances they
 * run concurrently on each start and restart, and a failed migration takes the web process down with it.
 */
import { packageScripts, type RunCommand } from './commands';
import { isComposeFile, isConfigYaml, processTypes } from './processes';
import type { ChecklistCheck, ChecklistFinding, ProjectSnapshot } from './types';
import { basename, check, findingAt, isOutsideApp, matchesOf, type TextCache } from './util';

const TASK_FOLDER = /(?:^|\/)(?:migrations?|db\/migrate|db\/migration|alembic|flyway|liquibase|bin|scripts|lib\/tasks|management\/commands|seeds?)\//;
const TASK_FILE = /^(?:manage\.py|Rakefile|artisan|console|alembic\.ini|knexfile\.[jt]s|flyway\.conf)$/;
const TASK_SCRIPT = /^(?:migrate|db:[\w:-]{1,40}|seed|[\w-]{0,20}migrat[\w:-]{0,30}|console|repl|task:[\w:-]{1,40})$/;

/** Commands that migrate the database. */
const MIGRATE = /\b(?:manage\.py[ \t]{1,8}migrate|db:migrate|alembic[ \t]{1,8}upgrade|prisma[ \t]{1,8}(?:migrate[ \t]{1,8}deploy|db[ \t]{1,8}push)|knex[ \t]{1,8}migrate:latest|sequelize(?:-cli)?[ \t]{1,8}db:migrate|flyway[ \t]{1,8}migrate|(?:npm|yarn|pnpm)[ \t]{1,8}(?:run[ \t]{1,8})?migrate\b|flask[ \t]{1,8}db[ \t]{1,8}upgrade|php[ \t]{1,8}artisan[ \t]{1,8}migrate|goose[ \t]{1,8}up|migrate[ \t]{1,8}up)/;

function adminTaskEvidence(snapshot: ProjectSnapshot, texts: TextCache): string | undefined {
  for (const f of snapshot.files) {
    if (isOutsideApp(f)) continue;
    const folder = TASK_FOLDER.exec(f);
    if (folder) return folder[0].replace(/^\//, '');
    if (TASK_FILE.test(basename(f))) return basename(f);
  }
  for (const f of snapshot.files) {
    if (basename(f) !== 'package.json' || isOutsideApp(f)) continue;
    const text = texts.get(f)?.text;
    const name = text ? Object.keys(packageScripts(text) ?? {}).find((s) => TASK_SCRIPT.test(s)) : undefined;
    if (name) return `npm script "${name}"`;
  }
  return undefined;
}

/** A one-off mechanism: Procfile `release`, a Kubernetes Job/CronJob or Helm hook, a compose service that migrates. */
function oneOffEvidence(snapshot: ProjectSnapshot, texts: TextCache): string | undefined {
  const types = processTypes(snapshot, texts);
  const release = types.find((t) => t.name === 'release' && basename(t.where).startsWith('Procfile'));
  if (release) return `${release.where} release phase`;
  for (const path of snapshot.files) {
    if (!isConfigYaml(path)) continue;
    const text = texts.get(path)?.text;
    if (!text) continue;
    if (/^kind:[ \t]{0,8}(?:Job|CronJob)\b/m.test(text)) return `${path} (Job)`;
    if (/helm\.sh\/hook/.test(text)) return `${path} (Helm hook)`;
    if (isComposeFile(path) && /^[ \t]{2,8}(?:migrate|migrations|migration|release)[ \t]{0,4}:/m.test(text)) return `${path} (one-off service)`;
  }
  if (snapshot.files.some((f) => basename(f) === 'app.json' && /"release"|"postdeploy"/.test(texts.get(f)?.text ?? ''))) return 'app.json release script';
  return undefined;
}

/** Is a script line inside an `if … fi` block (an opt-in such as `if [ "$RUN_MIGRATIONS" = 1 ]`)? */
function insideShellIf(c: RunCommand): boolean {
  const line = c.file.lines.positionAt(c.start).line;
  let depth = 0;
  for (let i = 0; i < line; i++) {
    const t = c.file.lines.lineText(i).trim();
    if (/^(?:if|elif)\b/.test(t) && !/\bfi\s*$/.test(t)) depth += t.startsWith('if') ? 1 : 0;
    else if (/^fi\b/.test(t)) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** Migrations in the start of a web process (not in a release phase or a worker). */
function migrationsAtStart(commands: RunCommand[]): ChecklistFinding[] {
  const out: ChecklistFinding[] = [];
  for (const c of commands) {
    if (c.source === 'procfile' && c.name !== 'web') continue;
    if (c.source === 'script' && (!/entrypoint|start|run|serve/i.test(c.name) || insideShellIf(c))) continue;
    for (const m of matchesOf(c.text, MIGRATE)) {
      out.push(
        findingAt(c.file, c.start + m.index, c.start + m.index + m[0].length, 12, 'warning', `Migrations run on every start of the web process (\`${m[0].trim()}\`): run them once per release as a one-off process (Procfile \`release:\`, a Kubernetes Job).`),
      );
    }
  }
  return out;
}

export function adminChecks(snapshot: ProjectSnapshot, texts: TextCache, commands: RunCommand[]): ChecklistCheck[] {
  const tasks = adminTaskEvidence(snapshot, texts);
  const inRepo = tasks
    ? check('admin-processes/tasks-in-repo', 'Admin tasks live in the repository', 'pass', `admin tasks in ${tasks}`)
    : check('admin-processes/tasks-in-repo', 'Do admin tasks (migrations, data fixes, consoles) live in this repository and ship with the app?', 'review', 'no migrations, scripts or task definitions found');
  const atStart = migrationsAtStart(commands);
  const oneOff = oneOffEvidence(snapshot, texts);
  const title = 'Admin tasks run as one-off processes';
  const runs =
    atStart.length > 0
      ? check('admin-processes/one-off', title, 'warn', 'migrations run at every web start', atStart)
      : oneOff
        ? check('admin-processes/one-off', title, 'pass', oneOff)
        : check('admin-processes/one-off', 'Do admin tasks run as one-off processes against a release (release phase, Job, `run` command)?', 'review', 'no release phase or Job found');
  return [inRepo, runs];
}
