/**
 * The "Event Streams" view: the connection's state, then each JetStream stream
 * with its subjects and consumers (pending, waiting for ack, redelivered), the
 * dead-letter stream last with its latest messages (re-drive or remove one from
 * its buttons; a re-driven one is marked, from the workspace's ledger). While the view is visible it asks the server every `refreshSeconds`
 * and, between those, refreshes as soon as a message is published on one of
 * the streams (a one-message subscription, armed again after each refresh):
 * the counts follow what a tail shows. Hidden, it neither asks nor listens
 * (the schedule is `core/inspector/refreshLoop.ts`).
 */
import * as vscode from 'vscode';
import { describeRedrive, redriveRowMark, type DeadLetterRef, type RedriveLedger } from '../../core/inspector/deadLetters';
import { inspectMessage, type RawMessage } from '../../core/inspector/message';
import { defaultRefreshSeconds, defaultWakeGapMs, RefreshLoop } from '../../core/inspector/refreshLoop';
import { readStreamsSnapshot } from '../../nats/streamsSnapshot';
import { tailConsumerPrefix, type NatsSession, type StreamSummary } from '../../nats/types';
import type { InspectorConnection } from './connection';

export const eventStreamsViewId = 'edgo.eventStreams';
function refreshMs(): number {
  const seconds = vscode.workspace.getConfiguration('edgo.inspector').get<number>('refreshSeconds', defaultRefreshSeconds);
  return Math.min(300, Math.max(1, Number.isFinite(seconds) ? seconds : defaultRefreshSeconds)) * 1000;
}

export type StreamsNode =
  | { readonly kind: 'state' }
  | { readonly kind: 'stream'; readonly stream: StreamSummary }
  | { readonly kind: 'info'; readonly label: string; readonly description?: string; readonly icon: string; readonly tooltip?: string }
  | { readonly kind: 'deadLetter'; readonly stream: string; readonly message: RawMessage; readonly ref: DeadLetterRef };

export class StreamsTreeProvider implements vscode.TreeDataProvider<StreamsNode>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<StreamsNode | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  #streams: StreamSummary[] = [];
  #deadLetters = new Map<string, RawMessage[]>();
  #server = '';
  #session: NatsSession | undefined;
  readonly #loop = new RefreshLoop({
    run: () => this.#load(),
    listen: (wake) =>
      this.#session?.onNextMessage(
        this.#streams.flatMap((s) => s.subjects),
        wake,
      ),
    periodMs: refreshMs,
    wakeGapMs: defaultWakeGapMs,
  });
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly connection: InspectorConnection,
    private readonly ledger: RedriveLedger,
  ) {
    this.#subscriptions.push(
      connection.onDidChange(() => this.#changed.fire(undefined)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('edgo.inspector.refreshSeconds') && this.#loop.running) {
          this.#loop.stop();
          this.#loop.start();
        }
      }),
    );
  }

  /** Starts or stops the periodic refresh, and the wake on new messages, with the view's visibility. */
  setVisible(visible: boolean): void {
    if (visible) this.#loop.start();
    else this.#loop.stop();
  }

  get polling(): boolean {
    return this.#loop.running;
  }

  refresh(): Promise<void> {
    return this.#loop.refresh();
  }

  async #load(): Promise<boolean> {
    try {
      const session = await this.connection.session();
      const snapshot = await readStreamsSnapshot(session);
      this.#session = session;
      this.#server = session.url;
      this.#streams = snapshot.streams;
      this.#deadLetters = snapshot.deadLetters;
      return true;
    } catch {
      this.#session = undefined;
      this.#streams = [];
      this.#deadLetters.clear();
      // The state item says why; no pop-up on every refresh.
      return false;
    } finally {
      this.#changed.fire(undefined);
    }
  }

  get streams(): readonly StreamSummary[] {
    return this.#streams;
  }

  getChildren(node?: StreamsNode): StreamsNode[] {
    if (!node) {
      return [{ kind: 'state' }, ...(this.connection.state.kind === 'connected' || this.connection.state.kind === 'reconnecting' ? this.#streams.map((stream) => ({ kind: 'stream' as const, stream })) : [])];
    }
    if (node.kind !== 'stream') return [];
    const s = node.stream;
    const out: StreamsNode[] = [{ kind: 'info', label: `Subjects: ${s.subjects.join(', ') || '(none)'}`, icon: 'symbol-namespace' }];
    if (s.consumers.length === 0) out.push({ kind: 'info', label: 'No consumers', icon: 'circle-slash' });
    for (const c of s.consumers) {
      out.push({
        kind: 'info',
        label: c.name.startsWith(tailConsumerPrefix) ? `${c.name} (a live tail of the inspector)` : c.name,
        description: `pending ${c.pending} · ack pending ${c.ackPending} · redelivered ${c.redelivered}`,
        icon: c.redelivered > 0 || c.pending > 0 ? 'warning' : c.durable ? 'person' : 'eye',
        tooltip: `${c.durable ? 'Durable' : 'Ephemeral'} consumer of ${c.filter}`,
      });
    }
    for (const message of this.#deadLetters.get(s.name) ?? []) {
      out.push({ kind: 'deadLetter', stream: s.name, message, ref: { server: this.#server, stream: s.name, seq: message.streamSequence ?? 0, storedAt: message.time?.getTime() } });
    }
    return out;
  }

  getTreeItem(node: StreamsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'state':
        return stateItem(this.connection);
      case 'stream': {
        const s = node.stream;
        const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `stream:${s.name}`;
        item.description = `${s.messages} message${s.messages === 1 ? '' : 's'} · ${s.subjects.join(', ')}`;
        item.iconPath = new vscode.ThemeIcon(s.deadLetter ? 'error' : 'database', s.deadLetter && s.messages > 0 ? new vscode.ThemeColor('errorForeground') : undefined);
        item.tooltip = s.deadLetter ? 'Dead-letter stream: events a consumer gave up on. Right-click one to re-drive it.' : `${s.bytes} bytes`;
        item.contextValue = 'edgo.stream';
        return item;
      }
      case 'info': {
        const item = new vscode.TreeItem(node.label);
        if (node.description !== undefined) item.description = node.description;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.tooltip;
        return item;
      }
      case 'deadLetter': {
        const m = inspectMessage(node.message);
        const mark = this.ledger.markOf(node.ref);
        const row = mark ? redriveRowMark(mark, new Date()) : undefined;
        // The mark in the label, which a narrow sidebar does not cut; where and when in the description and the tooltip.
        const item = new vscode.TreeItem(`#${node.message.streamSequence} ${m.type}${row ? ` ${row.suffix}` : ''}`);
        item.id = `dl:${node.stream}:${node.message.streamSequence}`;
        const from = `${m.originalSubject ? `from ${m.originalSubject} · ` : ''}${m.deadLetterReason ?? ''}`;
        item.description = row ? `${row.description} · ${from}` : from;
        const markLine = mark ? `\n\n**${describeRedrive(mark)}** (${mark.at}). Remove it from ${node.stream} once handled.` : '';
        item.tooltip = new vscode.MarkdownString(`**Dead letter** #${node.message.streamSequence} in ${node.stream}\n\n${m.deadLetterReason ?? ''}${markLine}\n\n\`\`\`json\n${m.display.slice(0, 2000)}\n\`\`\``);
        item.iconPath = mark ? new vscode.ThemeIcon('mail-read', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('mail');
        item.contextValue = mark ? 'edgo.deadLetter.redriven' : 'edgo.deadLetter';
        return item;
      }
    }
  }

  dispose(): void {
    this.setVisible(false);
    this.#subscriptions.forEach((d) => d.dispose());
    this.#changed.dispose();
  }
}

/** The state first in the label (a narrow sidebar cuts the description), the URL and what to do after it. */
function stateItem(connection: InspectorConnection): vscode.TreeItem {
  const s = connection.state;
  const item = new vscode.TreeItem('NATS: not connected');
  item.id = 'state';
  switch (s.kind) {
    case 'idle':
      item.description = 'open the view or tail events to connect';
      item.iconPath = new vscode.ThemeIcon('debug-disconnect');
      item.command = { command: 'edgo.inspector.connect', title: 'Connect' };
      break;
    case 'connecting':
      item.label = 'NATS: connecting…';
      item.description = s.url;
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      break;
    case 'connected':
      item.label = `NATS: connected (${s.from})`;
      item.description = s.url;
      item.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
      break;
    case 'reconnecting':
      item.label = 'NATS: reconnecting…';
      item.description = `connection to ${s.url} dropped`;
      item.iconPath = new vscode.ThemeIcon('sync~spin', new vscode.ThemeColor('editorWarning.foreground'));
      break;
    case 'down':
      item.label = 'NATS: server down';
      item.description = `${s.url} · retrying while this view is open (click to retry now)`;
      item.tooltip = s.message;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.command = { command: 'edgo.inspector.connect', title: 'Retry' };
      break;
    case 'refused':
      item.label = 'NATS: credentials refused';
      item.description = `${s.url} · click to set them`;
      item.tooltip = s.message;
      item.iconPath = new vscode.ThemeIcon('lock', new vscode.ThemeColor('errorForeground'));
      item.command = { command: 'edgo.inspector.setCredentials', title: 'Set NATS credentials' };
      break;
  }
  if (s.kind !== 'down' && s.kind !== 'refused') item.tooltip = s.kind === 'idle' ? undefined : s.url;
  return item;
}
