/**
 * Starts the Event-Driven Go language server (dist/server.js) the first time a
 * YAML, Markdown, MDX or Mermaid document is open, and keeps it running:
 * vscode-languageclient restarts a crashed server, and `edgo.restartLanguageServer`
 * restarts it by hand. Activation stays cheap: nothing runs until such a file opens.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverRestartPolicy } from './languageClientRestart';

/** Languages the server handles; `mermaid` is registered by the Mermaid feature. */
export const serverLanguages = ['yaml', 'markdown', 'mdx', 'mermaid'] as const;

/** Test hooks (used by the integration suite). */
export interface EdgoLanguageClientApi {
  /** Resolves once the server is running (starting it if needed). */
  ready(): Promise<void>;
}

export function registerLanguageClient(context: vscode.ExtensionContext, api: { languageClient?: EdgoLanguageClientApi }): void {
  let client: LanguageClient | undefined;
  let starting: Promise<void> | undefined;
  const output = vscode.window.createOutputChannel('Event-Driven Go Language Server', { log: true });
  context.subscriptions.push(output);

  const start = (): Promise<void> => {
    if (starting) return starting;
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,md,mdx,json,mmd}');
    context.subscriptions.push(watcher);
    const clientOptions: LanguageClientOptions = {
      documentSelector: serverLanguages.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      synchronize: { configurationSection: 'edgo', fileEvents: watcher },
      outputChannel: output,
      errorHandler: serverRestartPolicy(output),
      initializationOptions: vscode.workspace.getConfiguration('edgo.validation'),
    };
    client = new LanguageClient('edgo', 'Event-Driven Go Language Server', serverOptions, clientOptions);
    starting = client.start().catch((err: unknown) => {
      starting = undefined;
      output.appendLine(`The language server did not start: ${String(err)}`);
      throw err;
    });
    return starting;
  };

  const matches = (doc: vscode.TextDocument) => (serverLanguages as readonly string[]).includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
  const startIfNeeded = (doc: vscode.TextDocument) => {
    if (!starting && matches(doc)) void start().catch(() => undefined);
  };

  vscode.workspace.textDocuments.forEach(startIfNeeded);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startIfNeeded),
    vscode.commands.registerCommand('edgo.restartLanguageServer', async () => {
      if (client) {
        await client.restart();
      } else await start();
    }),
    { dispose: () => void client?.stop() },
  );
  api.languageClient = { ready: start };
}
