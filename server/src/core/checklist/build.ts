/** Factor V (Build, release, run): a build definition exists, and nothing is built when the app starts. */
import { isDockerfile, isProcfile, type RunCommand } from './commands';
import type { Manifest } from './manifests';
import type { ChecklistCheck, ChecklistFinding, ProjectSnapshot } from './types';
import { basename, check, findingAt, isOutsideApp, plural } from './util';

const CI_FILES = new Set([
  '.gitlab-ci.yml', '.travis.yml', 'Jenkinsfile', 'azure-pipelines.yml', 'bitbucket-pipelines.yml', 'cloudbuild.yaml',
  'cloudbuild.yml', 'buildspec.yml', 'skaffold.yaml', 'heroku.yml', 'fly.toml', 'render.yaml', 'nixpacks.toml',
  'railway.toml', 'railway.json', 'app.yaml', 'Chart.yaml', 'codemagic.yaml',
]);

/** The files that define how the app is built and released. */
export function buildDefinitions(snapshot: ProjectSnapshot, manifests: Manifest[]): string[] {
  const out: string[] = [];
  for (const f of snapshot.files) {
    if (isOutsideApp(f)) continue;
    const b = basename(f);
    if (
      isDockerfile(f) ||
      CI_FILES.has(b) ||
      b === 'project.toml' ||
      /^\.github\/workflows\/[^/]+\.ya?ml$/.test(f) ||
      /^\.circleci\/config\.ya?ml$/.test(f) ||
      /^\.buildkite\/[^/]+\.ya?ml$/.test(f) ||
      (isProcfile(f) && manifests.length > 0)
    ) {
      out.push(f);
    }
  }
  return out;
}

/** Installs, compiles and bundles: build-stage work. Bounded, linear-time alternatives. */
const BUILD_STEP = new RegExp(
  [
    String.raw`\b(?:npm|pnpm)[ \t]{1,8}(?:install|i|ci|add|run[ \t]{1,8}build)\b`,
    String.raw`\byarn[ \t]{1,8}(?:install|add|build|run[ \t]{1,8}build)\b`,
    String.raw`\b(?:python3?[ \t]{1,8}-m[ \t]{1,8})?pip3?[ \t]{1,8}install\b`,
    String.raw`\b(?:poetry|pipenv|bundle|composer)[ \t]{1,8}install\b`,
    String.raw`\bgo[ \t]{1,8}(?:build|run|install|get|mod[ \t]{1,8}download)\b`,
    String.raw`(?:^|[\s"'\/&;|(])(?:\.\/)?(?:mvnw?|gradlew?)\b(?![-.])`,
    String.raw`\bcargo[ \t]{1,8}(?:build|run|install)\b`,
    String.raw`\bdotnet[ \t]{1,8}(?:build|publish|restore|run)\b`,
    String.raw`\b(?:next|vite|nuxt|ng)[ \t]{1,8}build\b`,
    String.raw`\btsc(?![-\w])`,
    String.raw`\bwebpack(?![-\w])`,
  ].join('|'),
  'g',
);

/** Build steps in run-time commands (the Procfile `release` process runs once per release and is left out). */
export function buildAtRunTime(commands: RunCommand[]): ChecklistFinding[] {
  const out: ChecklistFinding[] = [];
  for (const c of commands) {
    if (c.source === 'procfile' && c.name === 'release') continue;
    BUILD_STEP.lastIndex = 0;
    for (let m = BUILD_STEP.exec(c.text); m; m = BUILD_STEP.exec(c.text)) {
      const lead = /^[\s"'/&;|(]/.test(m[0]) ? 1 : 0;
      const step = m[0].slice(lead).trim();
      const start = c.start + m.index + lead;
      out.push(
        findingAt(c.file, start, start + step.length, 5, 'error', `\`${step}\` runs when the app starts (${where(c)}): build in the build stage so every release runs the same artifact.`),
      );
    }
  }
  return out;
}

function where(c: RunCommand): string {
  if (c.source === 'dockerfile') return `Dockerfile ${c.name}`;
  if (c.source === 'procfile') return `Procfile process "${c.name}"`;
  if (c.source === 'package.json') return `npm script "${c.name}"`;
  return c.name;
}

export function buildChecks(snapshot: ProjectSnapshot, manifests: Manifest[], commands: RunCommand[]): ChecklistCheck[] {
  const defs = buildDefinitions(snapshot, manifests);
  const definition =
    defs.length > 0
      ? check('build-release-run/build-definition', 'The build is defined in the repository', 'pass', defs.slice(0, 3).join(', ') + (defs.length > 3 ? '…' : ''))
      : check('build-release-run/build-definition', 'The build is defined in the repository', 'warn', 'no Dockerfile, buildpack or CI build definition');
  const steps = buildAtRunTime(commands);
  const runTime =
    steps.length === 0
      ? check('build-release-run/no-build-at-run-time', 'Nothing is installed or compiled when the app starts', 'pass', 'no build steps at start-up')
      : check('build-release-run/no-build-at-run-time', 'Nothing is installed or compiled when the app starts', 'fail', `${plural(steps.length, 'build step')} at start-up`, steps);
  return [definition, runTime];
}
