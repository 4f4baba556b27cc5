// `npm run test:desktop`: the same mocha suite (out/e2e/suite/index.js) in desktop VS Code (Electron), through
// @vscode/test-electron. It downloads VS Code into .vscode-test/ on first use, so it needs access to
// update.code.visualstudio.com: on a machine without it (like the sandbox this project was built in) it fails
// with a download error — that is expected there; use `npm run test:e2e` (code-server) instead.
// On Linux without a display it re-runs itself under `xvfb-run -a` when that is installed.
//   VSCODE_VERSION=1.91.0 npm run test:desktop    test against a given version (default: stable)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO } from './code-server.mjs';

const SUITE = join(REPO, 'out', 'e2e', 'suite', 'index.js');
const FIXTURE = join(REPO, 'test', 'fixtures', 'workspaces', 'e2e');
const RESULT_RE = /\[e2e-suite\] passed=(\d+) failed=(\d+)/;

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.TFL_UNDER_XVFB) {
  if (spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error === undefined) {
    const r = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, TFL_UNDER_XVFB: '1' },
    });
    process.exit(r.status ?? 1);
  }
  console.warn('[desktop] no DISPLAY and no xvfb-run: VS Code may fail to start (apt-get install -y xvfb)');
}

for (const f of ['dist/client.js', 'dist/server.js', 'out/e2e/suite/index.js']) {
  if (!existsSync(join(REPO, f))) {
    console.error(`[desktop] ${f} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
}

// The suite edits files: give it a scratch copy of the fixture workspace and a throwaway profile.
const scratch = mkdtempSync(join(tmpdir(), 'tfl-desktop-'));
const workspace = join(scratch, 'workspace');
cpSync(FIXTURE, workspace, { recursive: true });

// Watch the output for the suite's machine-readable result line to print the final summary.
let counts;
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const m = RESULT_RE.exec(String(chunk));
  if (m) counts = { passed: Number(m[1]), failed: Number(m[2]) };
  return write(chunk, ...rest);
};

let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: SUITE,
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out of the way; ours is the development one
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
      '--no-sandbox',
      '--user-data-dir', join(scratch, 'user-data'),
    ],
  });
} catch (e) {
  console.error(`[desktop] FAILED: ${e?.message ?? e}`);
  if (/download|ENOTFOUND|getaddrinfo|ECONNREFUSED|ETIMEDOUT/i.test(String(e?.message ?? e))) {
    console.error('[desktop] VS Code could not be downloaded here; `npm run test:e2e` runs the same suite in code-server.');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.stdout.write = write;
const passed = counts?.passed ?? 0;
const failed = counts ? counts.failed : 1;
console.log(`${passed} passed, ${code === 0 ? failed : Math.max(failed, 1)} failed`);
process.exit(code === 0 && failed === 0 ? 0 : 1);
