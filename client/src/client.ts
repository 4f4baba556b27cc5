import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The languages and files the server checks (matches the activation events in package.json). */
export const DOCUMENT_SELECTOR: LanguageClientOptions['documentSelector'] = [
  ...[
    'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'kotlin', 'ruby', 'php',
    'csharp', 'rust', 'shellscript', 'yaml', 'dockercompose', 'json', 'jsonc', 'properties', 'java-properties', 'ini',
    'toml', 'xml', 'dockerfile', 'dotenv', 'procfile',
  ].map((language) => ({ scheme: 'file', language })),
  { scheme: 'file', pattern: '**/.env*' },
  { scheme: 'file', pattern: '**/*.{properties,toml,ini,cfg,conf,xml,config}' },
];

/** Builds the language client: the bundled server over IPC, settings forwarded per resource. */
export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    diagnosticCollectionName: 'twelve-factor',
    synchronize: { configurationSection: 'twelveFactor' },
    outputChannelName: 'Twelve-Factor Lint',
  };
  return new LanguageClient('twelveFactor', 'Twelve-Factor Lint', serverOptions, clientOptions);
}
