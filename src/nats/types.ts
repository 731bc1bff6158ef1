/**
 * What the inspector asks of NATS, in plain types: the CLI and the extension
 * host use these, and only `client.ts` (loaded on first use, see `load.ts`)
 * touches the NATS client library.
 */
import type { RawMessage } from '../core/inspector/message';

/** Names of the tail's ephemeral consumers start with this (then a random part: tails must not share a name), so the view can tell them from the services' own. */
export const tailConsumerPrefix = 'edgo_tail';

export interface ConnectOptions {
  readonly url: string;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  readonly token?: string | undefined;
  /** Shown by the server in its connection list. */
  readonly name?: string | undefined;
  /** Keep retrying after a drop (the view); a one-shot CLI fails fast instead. */
  readonly reconnect?: boolean | undefined;
  readonly timeoutMs?: number | undefined;
}

/** A change of the connection, for the view's state line. */
export type ConnectionEvent =
  { readonly type: 'disconnected' } | { readonly type: 'reconnecting' } | { readonly type: 'reconnected' } | { readonly type: 'error'; readonly message: string } | { readonly type: 'closed'; readonly message?: string | undefined };

export interface ConsumerSummary {
  readonly name: string;
  readonly durable: boolean;
  readonly filter: string;
  readonly pending: number;
  readonly ackPending: number;
  readonly redelivered: number;
}

export interface StreamSummary {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly messages: number;
  readonly bytes: number;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly consumers: readonly ConsumerSummary[];
  /** A stream for failed events (`dlq.>`, `deadletter.>` or a DEADLETTER/DLQ name). */
  readonly deadLetter: boolean;
}

export interface TailOptions {
  /** Subjects or wildcards; empty: every stream. */
  readonly subjects: readonly string[];
  /** `new`: from now on; `all`: every stored message first. */
  readonly deliver: 'new' | 'all';
  readonly onMessage: (msg: RawMessage) => void;
  /** An ordered consumer gave up (stream deleted, server gone for good). */
  readonly onError?: (message: string) => void;
}

export interface Tail {
  /** Stream name → the subjects it is tailed for. */
  readonly streams: ReadonlyMap<string, readonly string[]>;
  stop(): Promise<void>;
}

export interface PublishResult {
  readonly stream: string;
  readonly seq: number;
  readonly duplicate: boolean;
}

export interface NatsSession {
  readonly url: string;
  listStreams(): Promise<StreamSummary[]>;
  /**
   * Tails with one ephemeral ordered consumer per stream: nothing durable is
   * created, so the learner's services see no change.
   */
  tail(options: TailOptions): Promise<Tail>;
  publish(subject: string, data: Uint8Array, headers?: Readonly<Record<string, string>>): Promise<PublishResult>;
  /** A stored message by stream sequence (for re-drive). */
  getMessage(stream: string, seq: number): Promise<RawMessage | undefined>;
  /** Deletes a stored message (a handled dead letter); false when the server had none at that sequence. */
  deleteMessage(stream: string, seq: number): Promise<boolean>;
  /**
   * Calls `wake` once, on the first message published on any of the subjects
   * (a core subscription of one message each, so a busy stream costs one
   * delivery per call, not a copy of its traffic); `stop` ends it unused.
   */
  onNextMessage(subjects: readonly string[], wake: () => void): { stop(): void };
  /** Connection changes until `close`. */
  onEvent(listener: (e: ConnectionEvent) => void): void;
  close(): Promise<void>;
}

export interface NatsModule {
  connect(options: ConnectOptions): Promise<NatsSession>;
}
