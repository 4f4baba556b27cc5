import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { Document, isMap, isSeq, parseDocument } from 'yaml';
import { defaultEngine, ruleById, type ReportedFinding } from './core';
import type { CheckedDocument } from './checker';
import { checkOptionsFor } from './config';
import type { CheckSetup } from './checkSetup';

/**
 * "Ignore this finding": records the finding's fingerprint (rule + hash of the matched text + path, no line
 * number) under `accepted:` in the project config, so the decision survives edits and moves and is shared with
 * the CLI and the team. Creates `.twelve-factor.yml` at the workspace folder when there is none. The file is
 * edited through the `yaml` document model, which keeps its comments.
 */
export function acceptFindingEdit(
  setup: CheckSetup,
  checked: CheckedDocument,
  finding: ReportedFinding,
  openText: (path: string) => string | undefined,
): { title: string; edit: WorkspaceEdit } | undefined {
  const path = checked.file.path;
  const root = setup.facts.rootOf(path);
  const loaded = setup.configs.forFile(path, root);
  const options = { ...checkOptionsFor(loaded, {}, path, root), fingerprints: true, accepted: undefined, allow: undefined };
  const again = defaultEngine()
    .check(checked.file, checked.facts, options)
    .find((f) => f.ruleId === finding.ruleId && f.range.start.line === finding.range.start.line && f.range.start.character === finding.range.start.character);
  if (!again?.fingerprint || !options.fingerprintPath) return undefined;
  const configPath = loaded.path ?? join(root, '.twelve-factor.yml');
  const exists = loaded.path !== undefined || existsSync(configPath);
  const before = exists ? (openText(configPath) ?? readFileSync(configPath, 'utf8')) : '';
  const parsed = parseDocument(before);
  if (parsed.errors.length > 0) return undefined; // never rewrite a config that does not parse
  const doc = isMap(parsed.contents) ? parsed : parsed.contents === null ? new Document({}) : undefined;
  if (!doc) return undefined; // a config that is not a mapping is left for the user to fix
  if (parsed.contents === null && parsed.commentBefore) doc.commentBefore = parsed.commentBefore;
  const entry = { rule: finding.ruleId, fingerprint: again.fingerprint, path: options.fingerprintPath, note: `accepted in the editor: ${ruleById(finding.ruleId)?.meta.title ?? finding.ruleId}` };
  const list = doc.get('accepted');
  if (isSeq(list)) list.add(doc.createNode(entry));
  else doc.set('accepted', doc.createNode([entry]));
  const after = doc.toString();
  const uri = pathToFileURL(configPath).href;
  const lines = before.split(/\r\n|\r|\n/);
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return {
    title: `Ignore this finding (record it in ${exists ? configPath.slice(root.length + 1) : '.twelve-factor.yml'})`,
    edit: {
      documentChanges: [
        ...(exists ? [] : [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }]),
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end }, newText: after }] },
      ],
    },
  };
}
