/**
 * What a file's path says about its role: test code, development-only config, or a deployment manifest. Paths
 * may be absolute, so directory names are read only from the few folders nearest the file (a project that
 * happens to live under `/home/me/test/` is not all test code).
 */

/** How many enclosing folders, counted from the file, are inspected for test / dev markers. */
const NEAR_DIRS = 4;

const TEST_DIRS = new Set(['test', 'tests', 'spec', 'specs', '__tests__', '__mocks__', 'testdata', 'e2e', 'testing', 'test-utils']);
const DEV_DIRS = new Set(['dev', 'development', 'local', 'test', 'tests', 'spec', 'testing', 'example', 'examples', 'sample', 'samples', 'demo']);
const DEV_TOKENS = new Set(['dev', 'development', 'local', 'test', 'tests', 'testing', 'spec', 'example', 'sample', 'template', 'dist', 'demo', 'ci']);

function split(path: string): { dirs: string[]; base: string } {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p !== '');
  const base = parts.pop() ?? '';
  return { dirs: parts.slice(-NEAR_DIRS).map((d) => d.toLowerCase()), base };
}

/** The words of a file name: `application-dev.yml` → application, dev, yml; `UserServiceTest.java` → user, service, test, java. */
export function nameTokens(base: string): string[] {
  return base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

/** Test code: `*.test.ts`, `*_test.go`, `test_*.py`, `*_spec.rb`, `FooTest.java`, `conftest.py`, or a file in a test folder. */
export function isTestPath(path: string): boolean {
  const { dirs, base } = split(path);
  if (dirs.some((d) => TEST_DIRS.has(d))) return true;
  if (/^conftest\.py$/i.test(base)) return true;
  const tokens = nameTokens(base);
  return tokens.includes('test') || tokens.includes('tests') || tokens.includes('spec') || tokens.includes('mock') || tokens.includes('fixture');
}

/**
 * Development-only, test or example configuration: `settings/dev.py`, `application-dev.yml`,
 * `config/environments/development.rb`, `.env.example`, `appsettings.Development.json`.
 */
export function isDevOrTestPath(path: string): boolean {
  if (isTestPath(path)) return true;
  const { dirs, base } = split(path);
  if (dirs.some((d) => DEV_DIRS.has(d))) return true;
  return nameTokens(base).some((t) => DEV_TOKENS.has(t));
}

/**
 * Deployment manifests and CI config: how resources are attached to the app, not the app itself (compose files,
 * Kubernetes manifests, Helm charts, Procfiles, Dockerfiles, CI pipelines, Terraform / Ansible folders).
 */
export function isDeploymentManifest(path: string, text: string): boolean {
  const { dirs, base } = split(path);
  const lower = base.toLowerCase();
  if (/(?:^|[-_.])(?:docker-)?compose(?:[.-][\w.-]{0,60})?\.ya?ml$/.test(lower)) return true;
  if (lower === 'procfile' || lower.startsWith('procfile.') || lower === 'dockerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile')) return true;
  if (/^(?:\.gitlab-ci|\.travis|bitbucket-pipelines|azure-pipelines|cloudbuild|skaffold|app|fly|render|netlify|vercel)\.(?:ya?ml|toml|json)$/.test(lower)) return true;
  if (/(?:^|[-_.])values(?:[.-][\w.-]{0,60})?\.ya?ml$/.test(lower) || lower.endsWith('chart.yaml')) return true;
  if (dirs.some((d) => ['.github', '.circleci', '.buildkite', 'charts', 'helm', 'k8s', 'kubernetes', 'manifests', 'deploy', 'deployment', 'ansible', 'terraform', '.devcontainer'].includes(d))) return true;
  if (/\.ya?ml$/.test(lower) && /^apiVersion:/m.test(text) && /^kind:/m.test(text)) return true;
  return false;
}
