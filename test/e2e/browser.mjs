// Drives code-server's workbench with playwright-core and a system Chromium.
//
//   launchBrowser(executablePath)        -> playwright Browser (headless)
//   workbenchUrl(serverUrl, {folder, extensionDevelopmentPath, extensionTestsPath})
//   runExtensionTests(browser, {...})     -> { exitCode, log }: runs a mocha suite inside the extension host and
//                                           returns what the workbench reported through codeAutomationLog/Exit.
import { format } from 'node:util';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launchBrowser(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** A vscode-remote URI for a path on the code-server machine (which is this machine). */
const remote = (absPath) => `vscode-remote://remote${absPath}`;

export function workbenchUrl(serverUrl, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const url = new URL(serverUrl);
  if (folder) url.searchParams.set('folder', folder);
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (payload.length) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/**
 * Opens a workbench window whose extension host loads `extensionDevelopmentPath` and runs the suite at
 * `extensionTestsPath` (a module exporting run()). Resolves when the workbench calls codeAutomationExit.
 * `onLog(line)` receives the suite's output as it arrives. Rejects after `timeoutMs`.
 */
export async function runExtensionTests(browser, { serverUrl, folder, extensionDevelopmentPath, extensionTestsPath, timeoutMs = 300_000, onLog = (l) => console.log(l) }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const log = [];
  const pageErrors = [];
  let settle;
  const exited = new Promise((resolve) => { settle = resolve; });

  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // The extension host forwards console.* calls unformatted: [format string, ...values].
    const text = Array.isArray(args) ? format(...args) : String(args);
    for (const line of text.replace(/\n$/, '').split('\n')) {
      log.push(line);
      onLog(line, type);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => settle({ exitCode: Number(code) }));
  page.on('pageerror', (err) => pageErrors.push(String(err?.message ?? err)));
  page.on('crash', () => settle({ exitCode: -1, error: 'the browser page crashed' }));

  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ exitCode: -1, error: `the suite did not finish within ${timeoutMs / 1000}s` }), timeoutMs);
  });
  try {
    await page.goto(workbenchUrl(serverUrl, { folder, extensionDevelopmentPath, extensionTestsPath }), { waitUntil: 'domcontentloaded' });
    const result = await Promise.race([exited, timeout]);
    // The page stays open so the caller can take a screenshot on failure; it closes `context` when done.
    return { ...result, log, pageErrors, page, context };
  } catch (e) {
    await context.close().catch(() => {});
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
