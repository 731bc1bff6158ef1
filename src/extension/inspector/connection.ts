/**
 * The inspector's one connection to NATS, shared by the Event Streams view, the
 * live tail and the publish / re-drive commands. It is opened on first use (the
 * NATS client is loaded then), and its state is what the view shows: connected,
 * server down, credentials refused, connection dropped and reconnecting.
 * A server that is down is retried with a growing pause, and only when asked
 * (the visible view asks on each refresh): never an endless loop of errors.
 */
import * as vscode from 'vscode';
import { defaultNatsUrl, fromDotEnv, fromHelmValues, fromReadme, type FoundServer } from '../../core/inspector/discover';
import { loadNats } from '../../nats/load';
import type { NatsSession } from '../../nats/types';
import { errorMessage } from '../../core/errorMessage';

export type ConnectionState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'connecting'; readonly url: string }
  | { readonly kind: 'connected'; readonly url: string; readonly from: string }
  | { readonly kind: 'reconnecting'; readonly url: string }
  | { readonly kind: 'down'; readonly url: string; readonly message: string; readonly retryAt: number }
  | { readonly kind: 'refused'; readonly url: string; readonly message: string };

interface Credentials {
  readonly user?: string;
  readonly password?: string;
  readonly token?: string;
}

const secretKey = (url: string) => `edgo.inspector.credentials:${url}`;

export class InspectorConnection implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChange = this.#changed.event;
  #state: ConnectionState = { kind: 'idle' };
  #session: NatsSession | undefined;
  #pending: Promise<NatsSession> | undefined;
  #failures = 0;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  get state(): ConnectionState {
    return this.#state;
  }

  #set(state: ConnectionState): void {
    this.#state = state;
    this.#changed.fire(state);
  }

  /** The open session, connecting first when needed. Throws with a clear message when the server cannot be reached. */
  session(): Promise<NatsSession> {
    if (this.#session && (this.#state.kind === 'connected' || this.#state.kind === 'reconnecting')) return Promise.resolve(this.#session);
    if (this.#pending) return this.#pending;
    const s = this.#state;
    if (s.kind === 'refused') return Promise.reject(new Error(s.message));
    if (s.kind === 'down' && Date.now() < s.retryAt) return Promise.reject(new Error(s.message));
    this.#pending = this.#connect().finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  /** Forgets a refusal or a back-off and connects again (the "Retry" action). */
  async reconnect(): Promise<NatsSession> {
    await this.#close();
    this.#failures = 0;
    this.#set({ kind: 'idle' });
    return this.session();
  }

  async #connect(): Promise<NatsSession> {
    const found = await findServer();
    const credentials = await this.credentials(found.url);
    this.#set({ kind: 'connecting', url: found.url });
    try {
      const nats = await loadNats();
      const session = await nats.connect({
        url: found.url,
        user: credentials?.user ?? found.user,
        password: credentials?.password ?? found.password,
        token: credentials?.token,
        name: 'edgo-vscode-inspector',
        reconnect: true,
      });
      session.onEvent((e) => {
        if (this.#session !== session) return;
        if (e.type === 'disconnected' || e.type === 'reconnecting') this.#set({ kind: 'reconnecting', url: found.url });
        else if (e.type === 'reconnected') this.#set({ kind: 'connected', url: found.url, from: found.from });
        else if (e.type === 'closed') {
          this.#session = undefined;
          this.#set({ kind: 'down', url: found.url, message: e.message ?? `The connection to ${found.url} was closed.`, retryAt: Date.now() });
        }
      });
      this.#session = session;
      this.#failures = 0;
      this.#set({ kind: 'connected', url: found.url, from: found.from });
      return session;
    } catch (err) {
      const message = errorMessage(err);
      if (/refused the credentials/.test(message)) this.#set({ kind: 'refused', url: found.url, message });
      else {
        // 5 s, 10 s, 20 s, then every 30 s.
        const pause = Math.min(30_000, 5000 * 2 ** this.#failures++);
        this.#set({ kind: 'down', url: found.url, message, retryAt: Date.now() + pause });
      }
      throw new Error(message);
    }
  }

  async credentials(url: string): Promise<Credentials | undefined> {
    const text = await this.secrets.get(secretKey(url));
    if (!text) return undefined;
    try {
      return JSON.parse(text) as Credentials;
    } catch {
      return undefined;
    }
  }

  /** Asks for a user and password (or a token) and keeps them in SecretStorage, never in settings. */
  async askCredentials(): Promise<boolean> {
    const { url } = await findServer();
    const kind = await vscode.window.showQuickPick(['User and password', 'Token', 'Forget the saved credentials'], { title: `Credentials for ${url}` });
    if (!kind) return false;
    if (kind.startsWith('Forget')) {
      await this.secrets.delete(secretKey(url));
    } else if (kind === 'Token') {
      const token = await vscode.window.showInputBox({ title: `Token for ${url}`, password: true, ignoreFocusOut: true });
      if (!token) return false;
      await this.secrets.store(secretKey(url), JSON.stringify({ token }));
    } else {
      const user = await vscode.window.showInputBox({ title: `User for ${url}`, ignoreFocusOut: true });
      if (!user) return false;
      const password = await vscode.window.showInputBox({ title: `Password of ${user} for ${url}`, password: true, ignoreFocusOut: true });
      if (password === undefined) return false;
      await this.secrets.store(secretKey(url), JSON.stringify({ user, password }));
    }
    await this.reconnect().catch(() => undefined);
    return true;
  }

  async #close(): Promise<void> {
    const s = this.#session;
    this.#session = undefined;
    await s?.close().catch(() => undefined);
  }

  dispose(): void {
    void this.#close();
    this.#changed.dispose();
  }
}

/** The server URL: the `edgo.inspector.url` setting, a `.env` or Helm values in the workspace, a README's `NATS_URL`, or the default. */
export async function findServer(): Promise<FoundServer> {
  const setting = vscode.workspace.getConfiguration('edgo.inspector').get<string>('url', '').trim();
  if (setting) return { url: setting, from: 'settings' };
  const files = await vscode.workspace.findFiles('**/{.env,values.yaml}', '**/node_modules/**', 50);
  // .env first (what `go run` uses locally), then Helm values; shallower paths first.
  files.sort((a, b) => Number(a.path.endsWith('values.yaml')) - Number(b.path.endsWith('values.yaml')) || a.path.split('/').length - b.path.split('/').length);
  for (const uri of files) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const rel = vscode.workspace.asRelativePath(uri);
      const found = uri.path.endsWith('.env') ? fromDotEnv(text, rel) : fromHelmValues(text, rel);
      if (found) return found;
    } catch {
      // unreadable: try the next
    }
  }
  // Last, what a module's README documents (looked for apart, so READMEs never crowd out the files above).
  const readmes = await vscode.workspace.findFiles('**/README.md', '**/node_modules/**', 50);
  readmes.sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  for (const uri of readmes) {
    try {
      const found = fromReadme(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), vscode.workspace.asRelativePath(uri));
      if (found) return found;
    } catch {
      // unreadable: try the next
    }
  }
  return { url: defaultNatsUrl, from: 'default' };
}
