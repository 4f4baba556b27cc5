// UI test of the Twelve-Factor checklist view, driven through the workbench like a user would:
//   - expand "III. Config" and its hardcoded-secret check, screenshot the view (test-results/screenshot-checklist.png);
//   - click a finding row: the file opens with the cursor on the finding's line;
//   - tick a review check's checkbox, reload the window (Developer: Reload Window), the tick is still there;
//   - "Copy Checklist as Markdown" from the view's title bar: the clipboard holds the checklist, with the ticked
//     review check counted as done.
// Every wait is on a selector or a condition with a timeout (no fixed sleeps). On failure a screenshot goes to
// test-results/ui-checklist-failure.png.
import { join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { workbenchUrl } from './browser.mjs';
import { waitForCondition } from './ui-smoke.mjs';

const FINDING_FILE = 'settings.js';

/** 1-based line, column and length of the quoted value on the first line matching `re`. */
function valuePosition(text, re) {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => re.test(l));
  if (i < 0) throw new Error(`no line matching ${re} in ${FINDING_FILE}`);
  const m = /"([^"]+)"/.exec(lines[i]);
  return { line: i + 1, column: m.index + 2, length: m[1].length };
}

export async function runUiChecklist(browser, { serverUrl, workspace, extensionDevelopmentPath, resultsDir }) {
  mkdirSync(resultsDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(serverUrl).origin });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const results = [];
  const secretAt = valuePosition(readFileSync(join(workspace, FINDING_FILE), 'utf8'), /password = "/);

  const sidebar = page.locator('.part.sidebar');
  const rows = sidebar.locator('.monaco-list-row');
  const row = (text) => rows.filter({ hasText: text }).first();
  const factorRow = (name) => sidebar.locator('.monaco-list-row[aria-level="1"]').filter({ has: page.locator('.label-name', { hasText: name }) }).first();
  const activity = page.locator('.activitybar .action-item a[aria-label^="Twelve-Factor"]').first();
  let review; // { factor, title } of the review check ticked before the reload

  async function openView() {
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await activity.waitFor({ timeout: 60_000 });
    // Open the container unless it is already the visible one.
    // Click its activity bar entry unless the container is already shown (a click on the active entry hides it;
    // after a reload the side bar may come back hidden with the container still the active one).
    await waitForCondition(async () => {
      const active = (await page.locator('.activitybar .action-item.checked a[aria-label^="Twelve-Factor"]').count()) > 0;
      if (active && (await sidebar.isVisible())) return true;
      await activity.click();
      return false;
    }, 'the Twelve-Factor view container to show', 30_000, 500);
    await row('XII. Admin processes').waitFor({ timeout: 60_000 });
  }
  /**
   * Expands a tree row (clicking its twistie) and waits for it to say so. Clicks again if the tree re-rendered
   * in between (after a reload the view restores its expansion state while it fills).
   */
  async function expand(r) {
    await r.waitFor();
    const expanded = async () => (await r.getAttribute('aria-expanded')) === 'true';
    await waitForCondition(async () => {
      if (await expanded()) return true;
      await r.locator('.monaco-tl-twistie').click();
      return waitForCondition(expanded, 'the row to expand', 2_000).then(() => true, () => false);
    }, 'the row to expand', 20_000, 0);
  }
  /** Is the row's checkbox ticked? (aria-checked on the toggle, or its `checked` class) */
  function isChecked(r) {
    return r.locator('.custom-view-tree-node-item-checkbox').first().evaluate((el) => {
      const t = el.matches('[aria-checked]') ? el : el.querySelector('[aria-checked]');
      if (t) return t.getAttribute('aria-checked') === 'true';
      return el.classList.contains('checked') || el.querySelector('.checked') !== null;
    });
  }

  const steps = [
    ['the checklist view shows III. Config failing on hardcoded secrets', async () => {
      await page.goto(workbenchUrl(serverUrl, { folder: workspace, extensionDevelopmentPath }), { waitUntil: 'domcontentloaded' });
      await openView();
      await rows.filter({ hasText: /III\. Config.*[1-9]\d* hardcoded secrets?/ }).first().waitFor({ timeout: 60_000 });
    }],
    ['expanding the factor and its check lists the findings (screenshot)', async () => {
      await expand(factorRow('III. Config'));
      const check = rows.filter({ hasText: /hardcoded secrets?/ }).filter({ hasNotText: 'III. Config' }).first();
      await check.waitFor();
      await expand(check);
      await row(`${FINDING_FILE}:${secretAt.line}`).waitFor();
      // Widen the side bar (drag its sash) so the screenshot shows the findings' messages.
      const box = await sidebar.boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + 560, box.y + box.height / 2, { steps: 5 });
        await page.mouse.up();
      }
    }],
    ['clicking a finding opens the file at its line', async () => {
      await row(`${FINDING_FILE}:${secretAt.line}`).click();
      await page.locator('.tabs-container .tab.active', { hasText: FINDING_FILE }).waitFor();
      // The finding's range is selected: the cursor sits at its end, the status bar counts the selected characters.
      const end = secretAt.column + secretAt.length;
      await page.locator('.statusbar-item', { hasText: `Ln ${secretAt.line}, Col ${end} (${secretAt.length} selected)` }).first().waitFor();
      // The picture for the README: the expanded checklist next to the opened finding.
      await page.locator('.editor-group-container .monaco-editor .squiggly-error').first().waitFor();
      // No progress bar in the picture: wait for the view's and the status bar's progress to end (best effort).
      await page.locator('.part.sidebar .monaco-progress-container.active').first().waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => {});
      await page.locator('.statusbar-item .codicon-loading').first().waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => {});
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(resultsDir, 'screenshot-checklist.png') });
    }],
    ['a review check can be ticked', async () => {
      // A factor whose status is "review" (eye icon) has a review check, which carries a checkbox.
      const factor = sidebar.locator('.monaco-list-row[aria-level="1"]').filter({ has: page.locator('.codicon-eye') }).first();
      const name = (await factor.locator('.label-name').first().innerText()).trim();
      const withBox = rows.filter({ has: page.locator('.custom-view-tree-node-item-checkbox') }).first();
      // Expand again if the row collapses while the view refreshes from the server (seen once in a full run).
      let tries = 0;
      await waitForCondition(async () => {
        tries += 1;
        await expand(factor);
        return withBox.waitFor({ timeout: 3_000 }).then(() => true, () => false);
      }, `a review check with a checkbox under ${name}`, 30_000, 0);
      if (tries > 1) console.log(`      (${name} had to be expanded ${tries} times: it collapsed again)`);
      review = { factor: name, title: (await withBox.locator('.label-name').first().innerText()).trim() };
      const r = rows.filter({ hasText: review.title }).first();
      if (await isChecked(r)) throw new Error(`"${review.title}" is already ticked`);
      await r.locator('.custom-view-tree-node-item-checkbox').first().click();
      await waitForCondition(() => isChecked(r), `"${review.title}" to be ticked`);
      // The tick is stored by the extension: it is still there after the view reloads its items from the server.
      await sidebar.locator('.actions-container .action-label[aria-label^="Refresh"]').first().click();
      await r.waitFor();
      await waitForCondition(() => isChecked(r), `"${review.title}" to stay ticked after Refresh`);
    }],
    ['"Copy Checklist as Markdown" puts the checklist on the clipboard, the ticked check done', async () => {
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await sidebar.locator('.actions-container .action-label[aria-label^="Copy Checklist as Markdown"]').first().click();
      const md = await waitForCondition(async () => {
        const text = await page.evaluate(() => navigator.clipboard.readText());
        return text.startsWith('## Twelve-Factor checklist') ? text : undefined;
      }, 'the Markdown on the clipboard');
      if (!/^- \[ \] \*\*III\. Config\*\*/m.test(md)) throw new Error(`no failing III. Config task in:\n${md.slice(0, 400)}`);
      if (!md.includes(`\`${FINDING_FILE}:${secretAt.line}\``)) throw new Error(`the finding ${FINDING_FILE}:${secretAt.line} is not listed`);
      if (md.includes(`Review: ${review.title}`)) throw new Error(`the ticked review check "${review.title}" is still listed as to review`);
    }],
    ['the tick survives Developer: Reload Window', async () => {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input[type="text"]');
      await input.waitFor();
      await input.fill('>Developer: Reload Window');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Developer: Reload Window' }).first().waitFor();
      await Promise.all([page.waitForEvent('framenavigated', { timeout: 60_000 }), page.keyboard.press('Enter')]);
      await openView();
      await expand(factorRow(review.factor));
      const r = rows.filter({ hasText: review.title }).first();
      await r.waitFor();
      await waitForCondition(() => isChecked(r), `"${review.title}" to be ticked after the reload`);
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
      const shot = join(resultsDir, 'ui-checklist-failure.png');
      await page.screenshot({ path: shot }).catch(() => {});
      results.push({ name, ok: false, ms: Date.now() - started, error: `${e?.message ?? e}\n      (screenshot: ${shot})` });
    }
  }
  await context.close();
  return { results };
}
