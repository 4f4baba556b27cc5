// `npm run test:e2e`: the end-to-end tests in real VS Code, served by code-server and driven by headless Chromium.
//   1. the mocha suite (test/e2e/suite, bundled to out/e2e/suite/index.js) inside the extension host;
//   2. the UI smoke test (test/e2e/ui-smoke.mjs) through the workbench with keyboard and mouse.
// Each part gets its own scratch copy of test/fixtures/workspaces/e2e (the tests edit files).
// Needs `npm run build` first (npm test does it). Installs code-server / Chromium on first use (cached).
// Output: the suite's mocha log, the smoke steps, "N passing"/"N failing" and a last line "N passed, N failed".
// Logs: test-results/code-server.log, test-results/e2e-workbench.log; screenshots on failure in test-results/.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, ensureChromium, ensureCodeServer, startCodeServer } from './code-server.mjs';
import { launchBrowser, runExtensionTests } from './browser.mjs';
import { runUiSmoke } from './ui-smoke.mjs';
import { runUiChecklist } from './ui-checklist.mjs';

const OVERALL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS) || 10 * 60_000;
const SUITE_TIMEOUT_MS = 5 * 60_000;
const FIXTURE = join(REPO, 'test', 'fixtures', 'workspaces', 'e2e');
const SUITE = join(REPO, 'out', 'e2e', 'suite', 'index.js');
const RESULTS = join(REPO, 'test-results');
// The extension under test: this repository (its built dist/). E2E_EXTENSION_PATH overrides it for debugging.
const EXTENSION = process.env.E2E_EXTENSION_PATH || REPO;
const START = '[e2e-suite] start';
const RESULT_RE = /\[e2e-suite\] passed=(\d+) failed=(\d+) pending=(\d+)/;
// E2E_PARTS=suite,smoke,checklist runs only the named parts (all by default), for iterating on one of them.
const PARTS = new Set((process.env.E2E_PARTS || 'suite,smoke,checklist').split(',').map((p) => p.trim()));

const started = Date.now();
const cleanups = [];
async function cleanup() {
  while (cleanups.length) await cleanups.pop()().catch((e) => console.error(`[e2e] cleanup: ${e.message}`));
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, async () => {
    console.error(`\n[e2e] ${sig}: stopping`);
    await cleanup();
    process.exit(130);
  });
}
let overall; // the time limit starts once code-server and Chromium are installed (a first install takes minutes)
function startOverallTimer() {
  overall = setTimeout(async () => {
    console.error(`\n[e2e] FAILED: the tests did not finish within ${OVERALL_TIMEOUT_MS / 1000}s (set E2E_TIMEOUT_MS to change); logs in ${RESULTS}`);
    console.log('0 passed, 1 failed');
    await cleanup();
    process.exit(1);
  }, OVERALL_TIMEOUT_MS);
}

/** Prints a UI test's steps; returns how many passed and failed. */
function report(title, results) {
  console.log(`  ${title}`);
  for (const r of results) console.log(`    ${r.ok ? '✔' : r.skipped ? '-' : '✘'} ${r.name}${r.ok ? ` (${r.ms}ms)` : `\n      ${r.error}`}`);
  return { ok: results.filter((r) => r.ok).length, notOk: results.filter((r) => !r.ok).length };
}

async function main() {
  const built = EXTENSION === REPO ? ['dist/client.js', 'dist/server.js', 'out/e2e/suite/index.js'] : ['out/e2e/suite/index.js'];
  for (const f of built) {
    if (!existsSync(join(REPO, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  mkdirSync(RESULTS, { recursive: true });
  // Failure screenshots of an earlier run would be misleading next to this run's results.
  for (const f of readdirSync(RESULTS)) if (f.endsWith('-failure.png')) rmSync(join(RESULTS, f));
  const chromiumPath = ensureChromium();
  ensureCodeServer();
  startOverallTimer();

  const scratch = mkdtempSync(join(tmpdir(), 'tfl-e2e-'));
  let keepScratch = false;
  cleanups.push(async () => { if (!keepScratch) rmSync(scratch, { recursive: true, force: true }); });
  const suiteWs = join(scratch, 'suite-workspace');
  const uiWs = join(scratch, 'ui-workspace');
  const checklistWs = join(scratch, 'ui-checklist-workspace');
  cpSync(FIXTURE, suiteWs, { recursive: true });
  cpSync(FIXTURE, uiWs, { recursive: true });
  cpSync(FIXTURE, checklistWs, { recursive: true });

  const server = await startCodeServer({
    workspace: suiteWs,
    userDataDir: join(scratch, 'user-data'),
    extensionsDir: join(scratch, 'extensions'),
    home: join(scratch, 'home'),
    logFile: join(RESULTS, 'code-server.log'),
  });
  cleanups.push(() => server.stop());
  const browser = await launchBrowser(chromiumPath);
  cleanups.push(() => browser.close());

  let passed = 0;
  let failed = 0;
  if (PARTS.has('suite')) {
    // 1. The mocha suite in the extension host.
    console.log(`\n[e2e] extension-host suite (${SUITE})`);
    const workbenchLog = [];
    const workbenchLogFile = join(RESULTS, 'e2e-workbench.log');
    writeFileSync(workbenchLogFile, '');
    let inSuite = false;
    const suiteRun = await runExtensionTests(browser, {
      serverUrl: server.url,
      folder: suiteWs,
      extensionDevelopmentPath: EXTENSION,
      extensionTestsPath: SUITE,
      timeoutMs: SUITE_TIMEOUT_MS,
      onLog: (line, type) => {
        workbenchLog.push(`[${type}] ${line}`);
        appendFileSync(workbenchLogFile, `[${type}] ${line}\n`); // written as it comes, so a timeout keeps it
        if (line.includes(START)) inSuite = true;
        // Only the suite's own output (mocha prints with console.log); the workbench's errors and chatter, which
        // arrive through the same channel, go to the log file.
        else if (inSuite && type !== 'error' && !/^\[[A-Za-z-]+(:[a-z]+)?\] /.test(line)) console.log(line);
        if (RESULT_RE.test(line)) inSuite = false;
      },
    });
    const counts = workbenchLog.map((l) => RESULT_RE.exec(l)).find(Boolean);
    passed += counts ? Number(counts[1]) : 0;
    failed += counts ? Number(counts[2]) : 0;
    if (suiteRun.exitCode !== 0 || !counts) {
      if (!counts) failed += 1; // the suite crashed or never ran: count it as a failure
      const shot = join(RESULTS, 'e2e-suite-failure.png');
      await suiteRun.page.screenshot({ path: shot }).catch(() => {});
      console.log(`[e2e] extension-host suite FAILED: ${suiteRun.error ?? `exit code ${suiteRun.exitCode}`}; ` +
        `workbench log: ${workbenchLogFile}, screenshot: ${shot}`);
      if (!counts) console.log(workbenchLog.filter((l) => l.startsWith('[error]')).slice(-15).join('\n'));
    }
    await suiteRun.context.close();
  }

  if (PARTS.has('smoke')) {
    // 2. The UI smoke test.
    console.log('\n[e2e] UI smoke test (workbench, keyboard and mouse)');
    const smokeStarted = Date.now();
    const { results } = await runUiSmoke(browser, { serverUrl: server.url, workspace: uiWs, extensionDevelopmentPath: EXTENSION, resultsDir: RESULTS });
    const r = report('UI smoke', results);
    passed += r.ok;
    failed += r.notOk;
    console.log(`  UI smoke took ${((Date.now() - smokeStarted) / 1000).toFixed(1)}s`);
  }

  // 3. The checklist view through the UI: findings, click-to-open, review ticks across a reload, Markdown copy.
  if (PARTS.has('checklist')) {
    console.log('\n[e2e] UI checklist test (tree view, reload, clipboard)');
    const clStarted = Date.now();
    const { results } = await runUiChecklist(browser, { serverUrl: server.url, workspace: checklistWs, extensionDevelopmentPath: EXTENSION, resultsDir: RESULTS });
    const r = report('UI checklist', results);
    passed += r.ok;
    failed += r.notOk;
    console.log(`  UI checklist took ${((Date.now() - clStarted) / 1000).toFixed(1)}s`);
  }
  if (failed > 0) {
    keepScratch = true;
    console.log(`[e2e] scratch workspaces kept for inspection: ${scratch}`);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\n  ${passed} passing (${seconds}s)`);
  if (failed > 0) console.log(`  ${failed} failing`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error(`[e2e] FAILED: ${e?.stack ?? e}`);
  console.log('0 passed, 1 failed');
} finally {
  clearTimeout(overall);
  await cleanup();
}
process.exit(code);
