/**
 * A live tail in an editor tab: an ephemeral ordered consumer per stream (via
 * the shared connection), each message decoded and checked against its
 * contract in the extension host, kept in a bounded buffer and sent to the page
 * in batches, so thousands of messages a second keep the editor responsive.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { RingBuffer, VerdictTally } from '../../core/inspector/buffer';
import type { CheckedMessage } from '../../core/inspector/format';
import { inspectMessage, type RawMessage } from '../../core/inspector/message';
import { checkMessage } from '../../core/inspector/verdict';
import type { Tail } from '../../nats/types';
import type { InspectorConnection } from './connection';
import { tailHtml } from './tailHtml';
import { toRow, type TailRow } from './tailRows';
import type { ContractsCache } from './workspaceContracts';
import { errorMessage } from '../../core/errorMessage';

const flushMs = 250;

export class TailPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  readonly tally = new VerdictTally();
  readonly buffer: RingBuffer<CheckedMessage>;
  #pending: TailRow[] = [];
  #count = 0;
  #tail: Tail | undefined;
  #timer: NodeJS.Timeout | undefined;
  #ready = false;
  #disposed = false;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly connection: InspectorConnection,
    private readonly contracts: ContractsCache,
    readonly subjects: readonly string[],
  ) {
    const config = vscode.workspace.getConfiguration('edgo.inspector');
    const capacity = Math.max(10, config.get<number>('maxMessages', 1000));
    this.buffer = new RingBuffer(capacity);
    const title = `Events: ${subjects.length ? subjects.join(', ') : 'all streams'}`;
    this.panel = vscode.window.createWebviewPanel('edgo.eventTail', title, vscode.ViewColumn.Active, { enableScripts: true, retainContextWhenHidden: true });
    const nonce = randomBytes(16).toString('base64');
    this.panel.webview.html = tailHtml(nonce, this.panel.webview.cspSource, title, capacity);
    this.#subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: { type: string; file?: string; line?: number }) => {
        if (m.type === 'ready') {
          this.#ready = true;
          this.#showState();
        } else if (m.type === 'open' && m.file) void openAt(m.file, m.line ?? 0);
      }),
      connection.onDidChange(() => this.#showState()),
    );
    this.#timer = setInterval(() => this.#flush(), flushMs);
  }

  /** Starts tailing; a bad subject or a server that is down is shown in the page and returned. */
  async start(): Promise<string | undefined> {
    try {
      const session = await this.connection.session();
      const maxDisplayBytes = vscode.workspace.getConfiguration('edgo.inspector').get<number>('maxPayloadBytes', 64 * 1024);
      this.#tail = await session.tail({
        subjects: this.subjects,
        deliver: 'new',
        onMessage: (raw) => this.add(raw, maxDisplayBytes),
        onError: (message) => this.#post({ type: 'state', text: message, level: 'bad' }),
      });
      if (this.#disposed) void this.#tail.stop();
      this.#showState();
      return undefined;
    } catch (err) {
      const message = errorMessage(err);
      this.#post({ type: 'state', text: message, level: 'bad' });
      return message;
    }
  }

  /** One message: decoded, checked, kept (bounded) and queued for the page. */
  add(raw: RawMessage, maxDisplayBytes?: number): CheckedMessage {
    const { catalog, protobuf } = this.contracts.get();
    const message = inspectMessage(raw, { protobuf, maxDisplayBytes });
    const checked = { message, verdict: checkMessage(message, catalog) };
    this.tally.add(message.type, checked.verdict);
    this.buffer.push(checked);
    this.#pending.push(toRow(++this.#count, checked));
    if (this.#pending.length > this.buffer.capacity) this.#pending.splice(0, this.#pending.length - this.buffer.capacity);
    return checked;
  }

  #flush(): void {
    if (!this.#ready || this.#pending.length === 0) return;
    const rows = this.#pending;
    this.#pending = [];
    const t = this.tally;
    this.#post({ type: 'batch', rows, tally: { total: t.total, valid: t.valid, invalid: t.invalid, undocumented: t.undocumented, unchecked: t.unchecked, violations: t.violations, byType: [...t.violationsByType] } });
  }

  #showState(): void {
    const s = this.connection.state;
    const streams = this.#tail ? [...this.#tail.streams.keys()].join(', ') : '';
    const text =
      s.kind === 'connected'
        ? `Tailing ${streams || '…'} on ${s.url} (ephemeral ordered consumers; your services are not affected)`
        : s.kind === 'reconnecting'
          ? `Connection to ${s.url} dropped; reconnecting… (the tail resumes where it stopped)`
          : s.kind === 'down' || s.kind === 'refused'
            ? s.message
            : 'Connecting…';
    this.#post({ type: 'state', text, level: s.kind === 'connected' ? '' : s.kind === 'reconnecting' ? 'warn' : s.kind === 'idle' || s.kind === 'connecting' ? '' : 'bad' });
  }

  #post(message: unknown): void {
    if (!this.#disposed) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#timer) clearInterval(this.#timer);
    void this.#tail?.stop();
    this.#subscriptions.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

async function openAt(file: string, line: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const pos = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), viewColumn: vscode.ViewColumn.Beside });
}
