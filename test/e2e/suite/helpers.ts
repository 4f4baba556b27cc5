// Shared helpers of the end-to-end suite: find the extension, open fixture files, wait for diagnostics.
// Every wait is on an event (or a condition re-checked on events) with a timeout; no fixed sleeps.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'twelve-factor-lint.twelve-factor-lint';
export const SOURCE = 'twelve-factor';

/** The API object returned by the extension's activate(). */
export interface TwelveFactorApi {
  checklistItems(): Promise<{ label: string; description?: string; status?: 'pass' | 'review' | 'warn' | 'fail' }[]>;
  refreshChecklist?(): Promise<void>;
  serverPid?(): Promise<number | undefined>;
}

export async function activateExtension(): Promise<TwelveFactorApi> {
  const ext = vscode.extensions.getExtension<TwelveFactorApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this window`);
  return ext.activate();
}

export function workspaceUri(relPath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has no workspace folder');
  return vscode.Uri.joinPath(folder.uri, relPath);
}

export async function openFixture(relPath: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relPath));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export async function readFromDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * Resolves with the file's text on disk once `accept` returns true for it: checked now, on file-watcher and
 * save events, and at the latest every 250 ms (edits to files that are not open are saved asynchronously).
 */
export async function waitForDisk(uri: vscode.Uri, accept: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const watcher = folder
    ? vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, vscode.workspace.asRelativePath(uri, false)))
    : undefined;
  try {
    for (;;) {
      const text = await readFromDisk(uri);
      if (accept(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${uri.path} on disk:\n${text}`);
      await new Promise<void>((resolve) => {
        const subs = [
          watcher?.onDidChange(() => done()),
          watcher?.onDidCreate(() => done()),
          vscode.workspace.onDidSaveTextDocument((d) => d.uri.toString() === uri.toString() && done()),
        ];
        const timer = setTimeout(done, 250);
        function done() {
          clearTimeout(timer);
          subs.forEach((s) => s?.dispose());
          resolve();
        }
      });
    }
  } finally {
    watcher?.dispose();
  }
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function describe(uri: vscode.Uri): string {
  const list = vscode.languages.getDiagnostics(uri);
  if (list.length === 0) return '(no diagnostics)';
  return list.map((d) => `${d.source}:${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ');
}

/**
 * Resolves with our diagnostics of `uri` once `accept` returns true for them, checking now and on every
 * onDidChangeDiagnostics event that concerns `uri`; rejects after `timeoutMs` listing what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diags = ours(uri);
      if (!accept(diags)) return false;
      cleanup();
      resolve(diags);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${uri.path}; diagnostics: ${describe(uri)}`));
    }, timeoutMs);
    function cleanup() {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** Our diagnostic of `rule` whose range covers exactly `text` in `doc`. */
export function findOn(doc: vscode.TextDocument, diags: vscode.Diagnostic[], rule: string, text: string) {
  return diags.find((d) => ruleOf(d) === rule && doc.getText(d.range).includes(text));
}

export async function waitForFinding(doc: vscode.TextDocument, rule: string, text: string, timeoutMs?: number) {
  const diags = await waitForDiagnostics(doc.uri, (ds) => !!findOn(doc, ds, rule, text), `${rule} on "${text}"`, timeoutMs);
  return findOn(doc, diags, rule, text)!;
}

/**
 * Re-evaluates `probe` until it returns a value other than undefined: after each diagnostics change, or at the
 * latest every `intervalMs` (for state that has no event of its own, such as a tree view's items).
 */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => done());
      const timer = setTimeout(done, intervalMs);
      function done() {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  }
}
