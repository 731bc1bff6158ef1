/**
 * The NATS side of the inspector, on the official client (`@nats-io/transport-node`
 * and `@nats-io/jetstream`, v3). Loaded on first use only (see `load.ts`).
 * Tails never create a durable consumer: one ephemeral ordered consumer per
 * stream and subject, with no acks, deleted by the server when the tail stops.
 */
import { randomBytes } from 'node:crypto';
import { connect as natsConnect, headers as natsHeaders, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';
import { DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { RawMessage } from '../core/inspector/message';
import { subjectMatches, subjectProblem } from '../core/inspector/subjects';
import { tailConsumerPrefix, type ConnectOptions, type ConnectionEvent, type NatsModule, type NatsSession, type StreamSummary, type Tail, type TailOptions } from './types';
import { errorMessage } from '../core/errorMessage';

/** Turns the client's errors into a sentence that says what to do. */
export function explain(err: unknown, url: string): string {
  const text = errorMessage(err);
  const code = (err as { code?: string } | undefined)?.code ?? '';
  const name = err instanceof Error ? err.name : '';
  if (/ECONNREFUSED|connection refused/i.test(`${code} ${text}`)) return `No NATS server answers at ${url} (connection refused). Start one with \`nats-server -js\`, or set the URL.`;
  if (name === 'AuthorizationError' || /authori[sz]ation|authentication/i.test(text)) return `The NATS server at ${url} refused the credentials (${text}). Check the user and password, or the token.`;
  if (/ENOTFOUND|EAI_AGAIN/.test(code)) return `The host of ${url} is not known (${code}).`;
  if (/timeout/i.test(text)) return `The NATS server at ${url} did not answer in time (${text}).`;
  if (/jetstream not enabled|no responders/i.test(text)) return `The NATS server at ${url} has no JetStream (${text}). Start it with \`nats-server -js\`.`;
  return text;
}

function hostPort(url: string): string {
  return url.replace(/^nats:\/\//, '');
}

function headerRecord(h: MsgHdrs | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!h) return out;
  for (const [k, v] of h) out[k] = [...v];
  return out;
}

function fromJsMsg(m: JsMsg): RawMessage {
  return { subject: m.subject, data: m.data, headers: headerRecord(m.headers), time: new Date(Math.floor(m.info.timestampNanos / 1e6)), stream: m.info.stream, streamSequence: m.info.streamSequence };
}

function isDeadLetter(name: string, subjects: readonly string[]): boolean {
  return /dead|dlq/i.test(name) || subjects.some((s) => /^(dlq|deadletter|dead-letter|dead_letter)\./i.test(s));
}

async function connect(options: ConnectOptions): Promise<NatsSession> {
  let nc: NatsConnection;
  try {
    nc = await natsConnect({
      servers: hostPort(options.url),
      name: options.name ?? 'edgo-inspector',
      // The library's options take a key only when it has a value.
      ...(options.user ? { user: options.user } : {}),
      ...(options.password ? { pass: options.password } : {}),
      ...(options.token ? { token: options.token } : {}),
      timeout: options.timeoutMs ?? 5000,
      reconnect: options.reconnect ?? false,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
    });
  } catch (err) {
    throw new Error(explain(err, options.url));
  }
  const js = jetstream(nc);
  const jsmPromise = jetstreamManager(nc).catch((err: unknown) => {
    throw new Error(explain(err, options.url));
  });
  const listeners: Array<(e: ConnectionEvent) => void> = [];
  const emit = (e: ConnectionEvent) => listeners.forEach((l) => l(e));
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') emit({ type: 'disconnected' });
      else if (s.type === 'reconnecting') emit({ type: 'reconnecting' });
      else if (s.type === 'reconnect') emit({ type: 'reconnected' });
      else if (s.type === 'error') emit({ type: 'error', message: explain(s.error, options.url) });
    }
  })().catch(() => undefined);
  void nc.closed().then((err) => emit({ type: 'closed', message: err ? explain(err, options.url) : undefined }));

  const session: NatsSession = {
    url: options.url,
    onEvent(listener) {
      listeners.push(listener);
    },
    async listStreams() {
      const jsm = await jsmPromise;
      const out: StreamSummary[] = [];
      for await (const si of jsm.streams.list()) {
        const consumers = [];
        for await (const ci of jsm.consumers.list(si.config.name)) {
          consumers.push({
            name: ci.name,
            durable: !!ci.config.durable_name,
            filter: ci.config.filter_subject ?? ci.config.filter_subjects?.join(', ') ?? '>',
            pending: ci.num_pending,
            ackPending: ci.num_ack_pending,
            redelivered: ci.num_redelivered,
          });
        }
        const subjects = si.config.subjects ?? [];
        out.push({ name: si.config.name, subjects, messages: si.state.messages, bytes: si.state.bytes, firstSeq: si.state.first_seq, lastSeq: si.state.last_seq, consumers, deadLetter: isDeadLetter(si.config.name, subjects) });
      }
      return out.sort((a, b) => Number(a.deadLetter) - Number(b.deadLetter) || a.name.localeCompare(b.name));
    },
    async tail(opts: TailOptions): Promise<Tail> {
      for (const s of opts.subjects) {
        const problem = subjectProblem(s);
        if (problem) throw new Error(problem);
      }
      const jsm = await jsmPromise;
      // Which streams hold which of the subjects (all streams when none are given).
      const plan = new Map<string, string[]>();
      if (opts.subjects.length === 0) {
        for await (const si of jsm.streams.list()) plan.set(si.config.name, []);
        if (plan.size === 0) throw new Error(`The NATS server at ${options.url} has no JetStream streams yet; start the services, which create them.`);
      } else {
        for (const subject of opts.subjects) {
          let found = false;
          for await (const si of jsm.streams.list(subject)) {
            found = true;
            plan.set(si.config.name, [...(plan.get(si.config.name) ?? []), subject]);
          }
          if (!found) throw new Error(`No JetStream stream captures "${subject}" on ${options.url}; the streams are created by the services when they start.`);
        }
      }
      const running: ConsumerMessages[] = [];
      const deliver_policy = opts.deliver === 'all' ? DeliverPolicy.All : DeliverPolicy.New;
      const start = async (stream: string, filter: string | undefined, clientFilter: readonly string[]) => {
        const consumer = await js.consumers.get(stream, { name_prefix: `${tailConsumerPrefix}_${randomBytes(6).toString('hex')}`, deliver_policy, ...(filter ? { filter_subjects: filter } : {}) });
        const messages = await consumer.consume({ max_messages: 1000 });
        running.push(messages);
        void (async () => {
          let sinceYield = 0;
          for await (const m of messages) {
            if (clientFilter.length && !clientFilter.some((p) => subjectMatches(p, m.subject))) continue;
            opts.onMessage(fromJsMsg(m));
            // A pulled batch arrives at once: let the host breathe between slices of it.
            if (++sinceYield >= 100) {
              sinceYield = 0;
              await new Promise((r) => setImmediate(r));
            }
          }
        })().catch((err: unknown) => opts.onError?.(explain(err, options.url)));
      };
      try {
        for (const [stream, subjects] of plan) {
          if (subjects.length === 0) {
            await start(stream, undefined, []);
            continue;
          }
          for (const subject of subjects) {
            try {
              await start(stream, subject, []);
            } catch (err) {
              // A pattern wider than the stream (`>` on `order.>`): tail the stream, filter here.
              if (!/subset|overlap|filter/i.test(String(err))) throw err;
              await start(stream, undefined, [subject]);
            }
          }
        }
      } catch (err) {
        await Promise.all(running.map((m) => m.close().catch(() => undefined)));
        throw new Error(explain(err, options.url));
      }
      return {
        streams: plan,
        async stop() {
          await Promise.all(running.map((m) => m.close().catch(() => undefined)));
        },
      };
    },
    async publish(subject, data, headers = {}) {
      const problem = subjectProblem(subject);
      if (problem || /[*>]/.test(subject)) throw new Error(problem ?? `cannot publish to the wildcard subject "${subject}"`);
      const h = natsHeaders();
      for (const [k, v] of Object.entries(headers)) h.set(k, v);
      try {
        const ack = await js.publish(subject, data, { headers: h });
        return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
      } catch (err) {
        throw new Error(explain(err, options.url));
      }
    },
    async getMessage(stream, seq) {
      const jsm = await jsmPromise;
      const sm = await jsm.streams.getMessage(stream, { seq }).catch((err: unknown) => {
        if (/no message found/i.test(String(err))) return null;
        throw new Error(explain(err, options.url));
      });
      if (!sm) return undefined;
      return { subject: sm.subject, data: sm.data, headers: headerRecord(sm.header), time: sm.time, stream, streamSequence: sm.seq };
    },
    async deleteMessage(stream, seq) {
      const jsm = await jsmPromise;
      // No secure erase: the learner asked to drop a message, not to shred the disk blocks.
      return jsm.streams.deleteMessage(stream, seq, false).catch((err: unknown) => {
        if (/no message found/i.test(String(err))) return false;
        throw new Error(explain(err, options.url));
      });
    },
    onNextMessage(subjects, wake) {
      let woken = false;
      // A subject starting with a wildcard or `$` would also see the inspector's own API requests.
      const subs = subjects
        .filter((s) => !/^([*>]|\$|_INBOX)/.test(s) && !subjectProblem(s))
        .map((subject) =>
          nc.subscribe(subject, {
            max: 1,
            callback: () => {
              if (woken) return;
              woken = true;
              subs.forEach((x) => x.unsubscribe());
              wake();
            },
          }),
        );
      return {
        stop() {
          woken = true;
          if (!nc.isClosed()) subs.forEach((x) => x.unsubscribe());
        },
      };
    },
    async close() {
      if (!nc.isClosed()) await nc.close().catch(() => undefined);
    },
  };
  return session;
}

export const natsModule: NatsModule = { connect };
export { connect };
