import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, eventually, openFixture, waitForFinding } from './helpers';

const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

suite('Checklist view', () => {
  test('the Twelve-Factor view container opens', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('workbench.view.extension.twelveFactor');
    await vscode.commands.executeCommand('twelveFactor.refreshChecklist');
  });

  test('lists the twelve factors with finding counts', async () => {
    const api = await activateExtension();
    // A logs (factor XI) finding in an open file: the checklist must count it.
    await waitForFinding(await openFixture('logger.js'), 'logs/log-to-file', 'File');

    const items = await eventually(async () => {
      await vscode.commands.executeCommand('twelveFactor.refreshChecklist');
      const list = await api.checklistItems();
      const logs = list.find((i) => /^XI\.\s/.test(i.label));
      // The description carries the count, e.g. "2 findings" or "2 log file sinks".
      return logs && /(^|\D)[1-9]\d*/.test(logs.description ?? '') ? list : undefined;
    }, 'factor XI (Logs) to show a non-zero finding count');

    assert.strictEqual(items.length, 12, `items: ${JSON.stringify(items)}`);
    items.forEach((item, i) => assert.ok(item.label.startsWith(`${NUMERALS[i]}. `), `item ${i + 1} is "${item.label}"`));
    assert.ok(items.some((i) => i.label === 'III. Config'), `labels: ${items.map((i) => i.label).join(', ')}`);
    assert.match(items[10].label, /^XI\. Logs/);
    // Every factor says something: a count, or that it has no automatic checks.
    for (const item of items) assert.ok(item.description, `"${item.label}" has no description`);
  });
});
