// Re-drive marking and dead-letter removal against a REAL nats-server (Debian's): the
// ledger records the copy's stream sequence, a confirmed second re-drive lands (its own
// message id) while a repeated click is dropped, and removal deletes only the dead
// letter the learner saw: never another message at the same sequence.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RedriveLedger, type DeadLetterRef, type KeyValueStore } from '../../../src/core/inspector/deadLetters';
import { connect } from '../../../src/nats/client';
import { prepareRedrive, redrive, removeDeadLetter } from '../../../src/nats/redrive';
import type { NatsSession } from '../../../src/nats/types';
import { freePort, natsServer, startProcess, stop, type Proc } from '../../go/realProcesses';

const skip = natsServer ? false : 'nats-server is not installed (apt-get install nats-server)';
let nats: Proc | undefined;
let session: NatsSession | undefined;
let url = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-dl-'));

function memory(): KeyValueStore {
  const m = new Map<string, unknown>();
  return { get: <T>(k: string) => m.get(k) as T | undefined, update: (k, v) => Promise.resolve(void m.set(k, JSON.parse(JSON.stringify(v)))) };
}

const body = (id: string) => new TextEncoder().encode(JSON.stringify({ specversion: '1.0', id, type: 'order.created', source: '/t', data: { orderId: 'o-1' } }));

async function streams(...defs: Array<[string, string]>): Promise<void> {
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const { connect: raw } = await import('@nats-io/transport-node');
  const nc = await raw({ servers: url.slice('nats://'.length) });
  const jsm = await jetstreamManager(nc);
  for (const [name, subject] of defs) {
    await jsm.streams.delete(name).catch(() => false);
    await jsm.streams.add({ name, subjects: [subject] });
  }
  await nc.close();
}

async function deadLetter(id: string): Promise<DeadLetterRef> {
  const ack = await session!.publish('dlq.order.created', body(id), { 'Nats-Msg-Id': `dl-${id}`, 'Edgo-Original-Subject': 'order.created', 'Edgo-Error': 'boom' });
  const stored = await session!.getMessage(ack.stream, ack.seq);
  return { server: url, stream: ack.stream, seq: ack.seq, storedAt: stored?.time?.getTime() };
}

before(async () => {
  if (skip) return;
  const port = await freePort();
  url = `nats://127.0.0.1:${port}`;
  nats = startProcess('nats-server', natsServer!, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', tmp]);
  await nats.waitForOutput(/Server is ready/, 20_000);
  session = await connect({ url });
  await streams(['ORDERS', 'order.>'], ['DEADLETTER', 'dlq.>']);
});

after(async () => {
  await session?.close();
  await stop(nats);
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('a re-drive is recorded with the copy; a repeated click is dropped, a confirmed second re-drive lands', { skip }, async () => {
  const ledger = new RedriveLedger(memory());
  const ref = await deadLetter('e-1');
  const plan = await prepareRedrive(session!, ref.stream, ref.seq, (ledger.markOf(ref)?.count ?? 0) + 1);
  assert.ok(typeof plan !== 'string', String(plan));
  const first = await redrive(session!, plan);
  await ledger.record(ref, { subject: plan.subject, stream: first.result.stream, seq: first.result.seq }, new Date());
  assert.deepEqual(ledger.markOf(ref), { ...ledger.markOf(ref)!, subject: 'order.created', stream: 'ORDERS', seq: 1, count: 1 });
  // A second click planned before the mark was read (attempt 1 again): the stream drops it.
  const click = await prepareRedrive(session!, ref.stream, ref.seq, 1);
  assert.ok(typeof click !== 'string');
  assert.equal((await redrive(session!, click)).result.duplicate, true);
  // Confirmed again, with the earlier re-drive named: attempt 2 is a new message.
  const again = await prepareRedrive(session!, ref.stream, ref.seq, (ledger.markOf(ref)?.count ?? 0) + 1);
  assert.ok(typeof again !== 'string');
  const second = await redrive(session!, again);
  assert.deepEqual([second.result.stream, second.result.seq, second.result.duplicate], ['ORDERS', 2, false]);
  await ledger.record(ref, { subject: again.subject, stream: second.result.stream, seq: second.result.seq }, new Date());
  assert.equal(ledger.markOf(ref)?.count, 2);
  assert.equal((await session!.getMessage('ORDERS', 2))?.headers?.['Edgo-Redriven-From']?.[0], 'DEADLETTER#1');
  assert.equal((await session!.listStreams()).find((s) => s.name === 'DEADLETTER')?.messages, 1, 're-driving never removes the dead letter');
});

test('removal deletes the dead letter shown, and refuses another message at its sequence', { skip }, async () => {
  const ref = await deadLetter('e-2');
  const other = await deadLetter('e-3');
  assert.match((await removeDeadLetter(session!, { ...ref, storedAt: (ref.storedAt ?? 0) - 1000 })) ?? '', /is not the dead letter shown/);
  assert.ok(await session!.getMessage(ref.stream, ref.seq), 'a refused removal deletes nothing');
  assert.equal(await removeDeadLetter(session!, ref), undefined);
  assert.equal(await session!.getMessage(ref.stream, ref.seq), undefined, 'gone from the server');
  assert.ok(await session!.getMessage(other.stream, other.seq), 'the next dead letter stays');
  assert.equal(await removeDeadLetter(session!, ref), `dead letter #${ref.seq} is no longer in DEADLETTER`);
});

test('a dead-letter stream created again: its new #1 is neither marked nor removable with the old reference', { skip }, async () => {
  const ledger = new RedriveLedger(memory());
  await streams(['DEADLETTER', 'dlq.>']);
  const old = await deadLetter('e-4');
  await ledger.record(old, { subject: 'order.created', stream: 'ORDERS', seq: 9 }, new Date());
  await streams(['DEADLETTER', 'dlq.>']);
  await new Promise((r) => setTimeout(r, 5)); // a new stored time
  const fresh = await deadLetter('e-5');
  assert.deepEqual([old.seq, fresh.seq], [1, 1], 'the sequence is reused');
  assert.ok(ledger.markOf(old));
  assert.equal(ledger.markOf(fresh), undefined, 'the new dead letter is not marked');
  assert.match((await removeDeadLetter(session!, old)) ?? '', /is not the dead letter shown/);
  assert.ok(await session!.getMessage(fresh.stream, fresh.seq), 'and stays');
});
