/**
 * What kind of file a secret sits in decides how high the bar is: lock files are skipped entirely, test files (and
 * test-like ones: fixtures, Storybook stories, examples) and env templates only report real provider formats,
 * minified bundles (see isMinified) skip the name-based detection.
 */
export interface FileClass {
  lockFile: boolean;
  test: boolean;
  envTemplate: boolean;
}

const LOCK_FILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'poetry.lock', 'pipfile.lock',
  'pdm.lock', 'uv.lock', 'gemfile.lock', 'go.sum', 'cargo.lock', 'composer.lock', 'packages.lock.json', 'podfile.lock',
  'mix.lock', 'pubspec.lock', 'flake.lock', 'gradle.lockfile', 'package.resolved', 'deno.lock',
]);
const TEST_DIR = /(?:^|\/)(?:tests?|__tests__|__mocks__|mocks?|specs?|fixtures?|testdata|test-data|testing|e2e|cypress|playwright|stories|\.storybook|examples?|samples?)(?:\/|$)/i;
/** Anchored at the start (with `.*` where a name may begin anywhere): one attempt per name, not one per position. */
const TEST_NAME = /^(?:test_.*|.*_test\.[a-z]+|.*\.(?:spec|test)\.[a-z]+|.*Tests?\.(?:java|kt|cs|php|swift|scala|groovy)|.*_spec\.rb|.*conftest\.py|.*\.feature|.*\.stories\.[a-z]+|.*\.story\.[a-z]+)$/;
/** `.env.test`, `.env.testing`, `.env.ci`, `test.env`: values for the test suite. */
const TEST_ENV = /(?:^|[._-])(?:test|testing|ci|e2e)(?:[._-]|$)/i;
const ENV_TEMPLATE = /(?:^|[._-])(?:example|sample|template|dist|defaults?|tpl|skel)(?:[._-]|$)/i;

/** The path relative to the project root when the facts tell us where that is; else the path as given. */
export function projectRelative(path: string, root: string | undefined): string {
  if (root && root.length > 0 && path.startsWith(root)) return path.slice(root.length).replace(/^\/+/, '');
  return path;
}

/** TEST_DIR's answer per folder (a tree has many files per folder); forgotten when it grows past a bound. */
const testDirs = new Map<string, boolean>();

function isTestDir(dir: string): boolean {
  let v = testDirs.get(dir);
  if (v === undefined) {
    if (testDirs.size >= 10_000) testDirs.clear();
    v = TEST_DIR.test(dir);
    // A copy as the key: a folder cut from a longer string can keep that string alive while it sits in the map.
    testDirs.set((' ' + dir).slice(1), v);
  }
  return v;
}

export function classifyFile(relPath: string): FileClass {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  return {
    lockFile: LOCK_FILES.has(lower),
    test: isTestDir(relPath.slice(0, relPath.length - base.length)) || TEST_NAME.test(base) || (isEnvFileName(base) && TEST_ENV.test(base.replace(/^\.?env/i, '.'))),
    envTemplate: isEnvFileName(base) && ENV_TEMPLATE.test(base.replace(/^\.?env/i, '.')),
  };
}

/**
 * A minified bundle: named so (`.min.js`, `.min.mjs`, `.min.css`) or holding a minified line. Asked only of files
 * whose name-based detection would run (its cost is a pass over the long lines).
 */
export function isMinified(relPath: string, text: string): boolean {
  return /\.min\.(?:js|mjs|css)$/i.test(relPath) || hasMinifiedLine(text);
}

/** `.env`, `.env.local`, `prod.env`, `.env.example` … (templates included). */
export function isEnvFileName(base: string): boolean {
  return /^\.env(?:\..+)?$|^.+\.env$|^env\.(?:example|sample|template)$/i.test(base);
}

/** An env template: `.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `example.env` … */
export function isEnvTemplateName(base: string): boolean {
  return isEnvFileName(base) && ENV_TEMPLATE.test(base.replace(/^\.?env/i, '.'));
}

/** A line over ~1000 characters with little white space: a bundle, not source. */
export function hasMinifiedLine(text: string): boolean {
  const LONG = 1000;
  let start = 0;
  while (text.length - start > LONG) {
    // A line break within the next LONG characters: the lines up to the last one are short, skip them at once
    // (one backward search per LONG characters instead of one search per line).
    const brk = text.lastIndexOf('\n', start + LONG);
    if (brk >= start) {
      start = brk + 1;
      continue;
    }
    let end = text.indexOf('\n', start + LONG);
    if (end < 0) end = text.length;
    // Minified: fewer than 5% spaces. Counting stops once there are enough (bundled source maps are lines of
    // megabytes, mostly of ordinary code). Counted a stretch of 64 characters at a time; after a stretch without
    // any, the native search jumps to the next space (source maps' mappings and minified code have few or none).
    const enough = 0.05 * (end - start);
    let spaces = 0;
    for (let i = start; spaces < enough && i < end; ) {
      const stop = Math.min(end, i + 64);
      const before = spaces;
      for (; i < stop; i++) if (text.charCodeAt(i) === 32) spaces++;
      if (spaces === before && i < end) {
        const next = text.indexOf(' ', i);
        i = next < 0 || next > end ? end : next;
      }
    }
    if (spaces < enough) return true;
    start = end + 1;
  }
  return false;
}
