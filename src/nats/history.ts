/**
 * Reads what JetStream already holds on some subjects, once, through the
 * session's ephemeral ordered consumers (deliver all): nothing durable is
 * created and nothing is acked, so the learner's services see no change and
 * the read can be repeated. Used by the `event-seen` check.
 */
import type { RawMessage } from '../core/inspector/message';
import { loadNats } from './load';
import type { Tail } from './types';

export interface HistoryRead {
  readonly url: string;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  /** Subjects or wildcards; empty: every stream. */
  readonly subjects: readonly string[];
  /** Return true to stop reading (found what was looked for). */
  readonly onMessage: (msg: RawMessage) => boolean;
  /** The read ends when no message came for this long (the history is drained). */
  readonly idleMs?: number;
  /** And at the latest after this long. */
  readonly maxMs?: number;
}

/** Why the history could not be read: the server is down, or refused the credentials. */
export class HistoryUnavailable extends Error {
  constructor(
    message: string,
    readonly reason: 'down' | 'refused' | 'failed',
  ) {
    super(message);
  }
}

/** Reads the stored messages until onMessage says stop, the history is drained, or maxMs pass; returns how many were read. */
export async function readHistory(read: HistoryRead): Promise<number> {
  const nats = await loadNats();
  let session;
  try {
    session = await nats.connect({ url: read.url, user: read.user, password: read.password, name: 'edgo-check', reconnect: false, timeoutMs: 3000 });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new HistoryUnavailable(message, /refused the credentials/.test(message) ? 'refused' : 'down');
  }
  let count = 0;
  let tail: Tail | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let done = false;
      let idle: NodeJS.Timeout | undefined;
      const cap = setTimeout(() => finish(), read.maxMs ?? 15_000);
      function finish(err?: Error): void {
        if (done) return;
        done = true;
        clearTimeout(idle);
        clearTimeout(cap);
        if (err) reject(err);
        else resolve();
      }
      const rearm = () => {
        clearTimeout(idle);
        idle = setTimeout(() => finish(), read.idleMs ?? 1500);
      };
      session
        .tail({
          subjects: read.subjects,
          deliver: 'all',
          onMessage(raw) {
            if (done) return;
            count++;
            if (read.onMessage(raw)) finish();
            else rearm();
          },
          onError: (message) => finish(new HistoryUnavailable(message, 'failed')),
        })
        .then((t) => {
          tail = t;
          if (!done) rearm();
        })
        .catch((err: unknown) => finish(new HistoryUnavailable(err instanceof Error ? err.message : String(err), 'failed')));
    });
  } finally {
    // Closing the connection also ends a consumer whose tail() had not answered yet.
    await tail?.stop().catch(() => undefined);
    await session.close().catch(() => undefined);
  }
  return count;
}
