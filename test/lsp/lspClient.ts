/**
 * A minimal LSP client over stdio for tests and the bench: spawns a server
 * command, speaks JSON-RPC with vscode-jsonrpc, and lets a test await the
 * next publishDiagnostics of a URI (no sleeps).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const serverJs = path.join(repoRoot, 'dist', 'server.js');

/** Builds the bundles once if dist/server.js is missing. */
export function ensureBuilt(): void {
  if (fs.existsSync(serverJs)) return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('node esbuild.mjs failed');
}

export const fileUri = (p: string) => pathToFileURL(p).toString();

export class LspClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcessWithoutNullStreams;
  readonly #waiters = new Map<string, Array<(p: PublishDiagnosticsParams) => void>>();
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  #versions = new Map<string, number>();
  stderr = '';
  /** How long `open`/`change` wait for diagnostics. */
  timeoutMs = 20_000;

  /** `settings` answers workspace/configuration: one object for every section, or a function of the section. */
  constructor(
    command: string,
    args: string[],
    public settings: Record<string, unknown> | ((section: string | undefined) => unknown) = {},
  ) {
    this.child = spawn(command, args, { stdio: 'pipe' });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.latest.set(p.uri, p);
      const list = this.#waiters.get(p.uri);
      const next = list?.shift();
      next?.(p);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map((item) => (typeof this.settings === 'function' ? this.settings(item.section) : this.settings)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  static server(settings: LspClient['settings'] = {}): LspClient {
    return new LspClient(process.execPath, [serverJs, '--stdio'], settings);
  }

  async initialize(rootPath?: string, initializationOptions: Record<string, unknown> = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: rootPath ? fileUri(rootPath) : null,
      workspaceFolders: rootPath ? [{ uri: fileUri(rootPath), name: 'ws' }] : null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri`. */
  nextDiagnostics(uri: string, timeoutMs = this.timeoutMs): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms${this.stderr ? `; stderr: ${this.stderr}` : ''}`)), timeoutMs);
      const list = this.#waiters.get(uri) ?? [];
      list.push((p) => {
        clearTimeout(timer);
        resolve(p);
      });
      this.#waiters.set(uri, list);
    });
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri);
    this.#versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return (await next).diagnostics;
  }

  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    const next = this.nextDiagnostics(uri);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return (await next).diagnostics;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
