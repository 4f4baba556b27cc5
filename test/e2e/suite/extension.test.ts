import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers';

suite('Extension', () => {
  test('is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} not found among ${vscode.extensions.all.length} extensions`);
    const api = await activateExtension();
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual(typeof api?.checklistItems, 'function', 'activate() should return { checklistItems() }');
  });

  test('registers its commands', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['twelveFactor.refreshChecklist', 'twelveFactor.showOutput', 'twelveFactor.restartServer']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });
});
