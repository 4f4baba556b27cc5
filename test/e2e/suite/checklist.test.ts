import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, eventually, openFixture, ruleOf, waitForDiagnostics, type TwelveFactorApi } from './helpers';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
type Item = Awaited<ReturnType<TwelveFactorApi['checklistItems']>>[number];

/** The fixture's secrets (every quoted value flagged in these files): no output may contain them. */
async function fixtureSecrets(): Promise<string[]> {
  const out: string[] = [];
  for (const f of ['settings.js', 'secrets.js', 'types.d.ts']) {
    const doc = await openFixture(f);
    const ds = await waitForDiagnostics(doc.uri, (x) => x.some((d) => ruleOf(d) === 'config/hardcoded-secret'), `secrets in ${f}`);
    for (const d of ds) if (ruleOf(d) === 'config/hardcoded-secret') out.push(doc.getText(d.range));
  }
  return out;
}

suite('Checklist (issue 8)', () => {
  let api: TwelveFactorApi;
  let items: Item[];

  suiteSetup(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('workbench.view.extension.twelveFactor');
    // The checklist follows the workspace scan: wait until the fixture's secret (III) and log sinks (XI) count.
    items = await eventually(async () => {
      await (api.refreshChecklist ? api.refreshChecklist() : vscode.commands.executeCommand('twelveFactor.refreshChecklist'));
      const list = await api.checklistItems();
      const config = list.find((i) => i.label === 'III. Config');
      const logs = list.find((i) => i.label === 'XI. Logs');
      return config?.status === 'fail' && logs && logs.status !== 'pass' ? list : undefined;
    }, 'factor III to fail and factor XI not to pass', 45_000);
  });

  test('the 12 factors in order, each with a status', () => {
    assert.strictEqual(items.length, 12);
    items.forEach((item, i) => {
      assert.ok(item.label.startsWith(`${ROMAN[i]}. `), `item ${i + 1} is "${item.label}"`);
      assert.ok(item.status && ['pass', 'review', 'warn', 'fail'].includes(item.status), `"${item.label}" has status ${item.status}`);
    });
  });

  test('III. Config fails on the hardcoded secrets and says so', () => {
    const config = items.find((i) => i.label === 'III. Config')!;
    assert.strictEqual(config.status, 'fail');
    assert.match(config.description ?? '', /[1-9]\d* hardcoded secrets?/, `summary: ${config.description}`);
  });

  test('XI. Logs warns about the log file sinks (warnings, not errors)', () => {
    const logs = items.find((i) => i.label === 'XI. Logs')!;
    assert.strictEqual(logs.status, 'warn', 'log-to-file findings are warnings');
    assert.match(logs.description ?? '', /[1-9]\d* log file sinks?/, `summary: ${logs.description}`);
  });

  test('"Copy as Markdown" returns the checklist and puts it on the clipboard, secrets masked', async () => {
    const secrets = await fixtureSecrets();
    const md = await vscode.commands.executeCommand<string>('twelveFactor.copyChecklistMarkdown');
    assert.strictEqual(typeof md, 'string', 'the command returns the Markdown');
    assert.match(md, /^## Twelve-Factor checklist\n/);
    // One task per factor, [x] only where the factor passed.
    for (const item of items) {
      const m = new RegExp(`^- \\[( |x)\\] \\*\\*${item.label.replace(/\./g, '\\.')}\\*\\*`, 'm').exec(md);
      assert.ok(m, `no task line for ${item.label}`);
      assert.strictEqual(m[1] === 'x', item.status === 'pass', `${item.label} (${item.status}) ticked=${m[1] === 'x'}`);
    }
    // The failing secret check lists its findings with file:line.
    assert.match(md, /^ {2}- \[ \] `settings\.js:2` /m);
    assert.match(md, /^ {2}- \[ \] `secrets\.js:2` .*GitHub personal access token/m);
    assert.match(md, /^ {2}- \[ \] `(logger\.js:6|worker\.py:5)` /m);
    for (const s of secrets) assert.ok(!md.includes(s), 'the Markdown must not contain a secret');
    const clip = await vscode.env.clipboard.readText();
    assert.strictEqual(clip, md, 'the clipboard holds the returned Markdown');
  });
});
