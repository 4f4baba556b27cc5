import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from './codeActions';
import { COMPLETION_TRIGGERS } from './envFeatures';
import { onRuleError } from './core';
import { ChecklistRequest, FactorSummaryRequest, RescanRequest, ServerInfoRequest, type ChecklistParams } from './protocol';
import { ServerState } from './serverState';

/** The language server: capabilities and one line per handler; the logic lives in ServerState and its modules. */
export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const state = new ServerState(connection, documents);
  onRuleError((ruleId, path, err) => connection.console.error(`rule ${ruleId} failed on ${path}: ${String(err)}`));
  // A failed request to the client or a bug in a handler is logged, never fatal to the server.
  process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${String(err)}`));
  process.on('uncaughtException', (err) => connection.console.error(`uncaught exception: ${err.stack ?? String(err)}`));

  connection.onInitialize((params): InitializeResult => {
    state.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.extract', FIX_ALL_KIND], resolveProvider: false },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'twelve-factor-lint' },
    };
  });
  connection.onInitialized(() => state.initialized());
  connection.onDidChangeConfiguration(() => state.settingsChanged());
  connection.onDidChangeWatchedFiles((params) => state.watchedFilesChanged(params.changes));
  connection.onCodeAction((params) => state.codeActions(params));
  connection.onCompletion((params) => state.completion(params));
  connection.onHover((params) => state.hover(params));
  connection.onDefinition((params) => state.definition(params));
  connection.onReferences((params) => state.references(params));
  connection.onRequest(FactorSummaryRequest, () => state.factorSummary());
  connection.onRequest(ChecklistRequest, (params: ChecklistParams | undefined) => state.checklist(params));
  connection.onRequest(RescanRequest, () => state.rescanAll());
  connection.onRequest(ServerInfoRequest, () => ({ pid: process.pid }));
  documents.onDidChangeContent((e) => state.documentChanged(e.document));
  documents.onDidClose((e) => state.documentClosed(e.document));
  documents.listen(connection);
  connection.listen();
}

if (require.main === module) startServer();
