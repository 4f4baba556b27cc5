// UI smoke test: drives code-server's workbench like a user would, with the keyboard and mouse.
// Quick Open a fixture file, see the squiggle, open the Problems panel, Ctrl+. on the finding, apply
// "Add QUEUE_URL to .env.example", and check the file on disk. Every wait is on a selector or a condition
// with a timeout (no fixed sleeps). On failure a screenshot goes to test-results/.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { workbenchUrl } from './browser.mjs';

const FILE = 'app.js';
const VARIABLE = 'QUEUE_URL';
const RULE = 'config/env-missing-from-example';
const FIX_TITLE = `Add ${VARIABLE} to .env.example`;

/** Re-checks `condition` (sync or async) every `intervalMs` until it is truthy; throws after `timeoutMs`. */
export async function waitForCondition(condition, what, timeoutMs = 20_000, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text, needle) {
  const idx = text.indexOf(needle);
  if (idx < 0) throw new Error(`"${needle}" not found in ${FILE}`);
  const before = text.slice(0, idx).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Runs the smoke steps in order against `workspace` (a scratch copy: it gets modified). Returns
 * { results: [{ name, ok, ms, error? }] }; a failed step skips the rest (they depend on each other).
 */
export async function runUiSmoke(browser, { serverUrl, workspace, extensionDevelopmentPath, resultsDir }) {
  mkdirSync(resultsDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const results = [];
  let editorShot;
  const examplePath = join(workspace, '.env.example');
  const source = readFileSync(join(workspace, FILE), 'utf8');
  const before = readFileSync(examplePath, 'utf8');
  if (new RegExp(`^${VARIABLE}=`, 'm').test(before)) throw new Error(`${VARIABLE} is already declared in ${examplePath}`);
  const target = positionOf(source, `process.env.${VARIABLE}`);
  target.column += 'process.env.'.length + 2; // inside the variable name

  const editor = page.locator('.editor-group-container .monaco-editor').first();
  const problemRows = page.locator('.markers-panel .monaco-list-row');

  const steps = [
    ['the workbench loads with the extension and its activity bar entry', async () => {
      await page.goto(workbenchUrl(serverUrl, { folder: workspace, extensionDevelopmentPath }), { waitUntil: 'domcontentloaded' });
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.activitybar .action-item a[aria-label^="Twelve-Factor"]').first().waitFor({ timeout: 60_000 });
      // The explorer shows the workspace files once the remote file system is connected.
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first().waitFor({ timeout: 60_000 });
    }],
    [`Quick Open (Ctrl+P) opens ${FILE}`, async () => {
      await page.locator('.explorer-folders-view').click(); // focus the workbench, not the browser chrome
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input[type="text"]');
      await input.waitFor();
      await input.fill(FILE);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: FILE }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: FILE }).waitFor();
      await editor.locator('.view-lines', { hasText: `process.env.${VARIABLE}` }).waitFor();
    }],
    ['a squiggle marks the undeclared variable', async () => {
      await editor.locator('.squiggly-warning, .squiggly-error').first().waitFor({ timeout: 60_000 });
    }],
    ['the Twelve-Factor checklist view lists the factors with counts', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="Twelve-Factor"]').first().click();
      const rows = page.locator('.part.sidebar .monaco-list-row');
      await rows.filter({ hasText: 'I. Codebase' }).first().waitFor();
      await rows.filter({ hasText: 'XII. Admin processes' }).first().waitFor();
      // The factor's description shows its count ("3 findings", "1 hardcoded secret, …").
      await rows.filter({ hasText: /III\. Config\D*[1-9]/ }).first().waitFor();
    }],
    [`the Problems panel (Ctrl+Shift+M) lists ${RULE}`, async () => {
      await editor.click({ position: { x: 200, y: 10 } });
      await page.keyboard.press('Control+Shift+M');
      const row = problemRows.filter({ hasText: VARIABLE }).filter({ hasText: RULE }).first();
      await row.waitFor();
      editorShot = await page.screenshot();
    }],
    [`Ctrl+. on the finding offers and applies "${FIX_TITLE}"`, async () => {
      await editor.click({ position: { x: 200, y: 10 } });
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input[type="text"]').waitFor();
      await page.keyboard.type(`${target.line}:${target.column}`);
      await page.keyboard.press('Enter');
      await page.locator('.statusbar-item', { hasText: `Ln ${target.line}, Col ${target.column}` }).first().waitFor();
      const entry = page.locator('.action-widget .monaco-list-row.action', { hasText: FIX_TITLE }).first();
      // The first Ctrl+. of a fresh workbench is sometimes swallowed (keyboard layout detection in the browser),
      // so press again until the menu shows up, within the step's time budget.
      await waitForCondition(async () => {
        await page.keyboard.press('Control+.');
        return entry.waitFor({ timeout: 4_000 }).then(() => true, async () => {
          await page.keyboard.press('Escape');
          return false;
        });
      }, 'the Quick Fix menu with the add fix', 45_000, 0);
      await entry.click();
      await entry.waitFor({ state: 'hidden' });
    }],
    ['.env.example on disk now declares the variable', async () => {
      // The edit lands in a background model of .env.example, which VS Code saves as part of the refactoring
      // (files.refactoring.autoSave, on by default), so the user never sees an unsaved file.
      await waitForCondition(() => new RegExp(`^${VARIABLE}=`, 'm').test(readFileSync(examplePath, 'utf8')), `${VARIABLE}= in ${examplePath} on disk`);
      const after = readFileSync(examplePath, 'utf8');
      if (!after.startsWith(before.trimEnd())) throw new Error(`the existing lines changed:\n${after}`);
    }],
    ['the finding disappears from the Problems panel and the editor', async () => {
      await problemRows.filter({ hasText: VARIABLE }).first().waitFor({ state: 'detached' });
      await editor.locator('.squiggly-warning, .squiggly-error').first().waitFor({ state: 'detached' });
    }],
  ];

  let failed = false;
  for (const [name, fn] of steps) {
    if (failed) {
      results.push({ name, ok: false, skipped: true, ms: 0, error: 'skipped: an earlier step failed' });
      continue;
    }
    const started = Date.now();
    try {
      await fn();
      results.push({ name, ok: true, ms: Date.now() - started });
    } catch (e) {
      failed = true;
      const shot = join(resultsDir, 'ui-smoke-failure.png');
      await page.screenshot({ path: shot }).catch(() => {});
      results.push({ name, ok: false, ms: Date.now() - started, error: `${e?.message ?? e}\n      (screenshot: ${shot})` });
    }
  }
  if (!failed && editorShot) writeFileSync(join(resultsDir, 'screenshot-editor.png'), editorShot);
  await context.close();
  return { results };
}
