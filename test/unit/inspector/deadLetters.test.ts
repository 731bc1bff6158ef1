// The dead-letter ledger (which dead letters were re-driven, kept in a Memento-shaped
// store that survives a reload), the questions asked before a re-drive or a removal,
// the re-drive's message id per confirmed attempt, and the refresh loop's schedule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadLetterKey, describeRedrive, redriveRowMark, RedriveLedger, redriveLedgerKey, redriveQuestion, removalQuestion, shownMessageProblem, type KeyValueStore } from '../../../src/core/inspector/deadLetters';
import { planRedrive } from '../../../src/core/inspector/redrive';
import { RefreshLoop } from '../../../src/core/inspector/refreshLoop';

/** A store that keeps only what survives a reload: JSON, as VS Code's workspace state does. */
function jsonStore(saved: { text: string }): KeyValueStore {
  return {
    get: <T>(key: string) => (JSON.parse(saved.text || '{}') as Record<string, T>)[key],
    update: (key, value) => {
      saved.text = JSON.stringify({ ...(JSON.parse(saved.text || '{}') as object), [key]: value });
      return Promise.resolve();
    },
  };
}

const ref = { server: 'nats://127.0.0.1:4222', stream: 'DEADLETTER', seq: 1, storedAt: Date.parse('2026-12-05T08:00:00Z') };
const copy = { subject: 'order.created', stream: 'ORDERS', seq: 4 };

test('a re-drive is marked, counted, survives a reload, and is keyed by server, stream, sequence and stored time', async () => {
  const saved = { text: '' };
  const ledger = new RedriveLedger(jsonStore(saved));
  assert.equal(ledger.markOf(ref), undefined);
  await ledger.record(ref, copy, new Date('2026-12-05T08:41:07Z'));
  // A new ledger on what was saved: the window reloaded.
  const reloaded = new RedriveLedger(jsonStore(saved));
  assert.deepEqual(reloaded.markOf(ref), { at: '2026-12-05T08:41:07.000Z', subject: 'order.created', stream: 'ORDERS', seq: 4, count: 1 });
  assert.deepEqual(reloaded.markOf({ ...ref, server: '127.0.0.1:4222/' }), reloaded.markOf(ref), 'the same server written differently');
  assert.equal(reloaded.markOf({ ...ref, server: 'nats://127.0.0.1:4333' }), undefined, 'another server');
  await reloaded.record({ ...ref, server: 'nats://learner:s3cret@127.0.0.1:4222', seq: 7 }, copy, new Date());
  assert.doesNotMatch(saved.text, /s3cret|learner/, 'credentials in the URL are not written to the workspace state');
  assert.equal(reloaded.markOf({ ...ref, stream: 'DLQ' }), undefined, 'another stream');
  assert.equal(reloaded.markOf({ ...ref, seq: 2 }), undefined, 'another sequence');
  assert.equal(reloaded.markOf({ ...ref, storedAt: ref.storedAt + 1 }), undefined, 'a stream created again reuses #1: its new message is not marked');
  await reloaded.record(ref, { ...copy, seq: 9 }, new Date('2026-12-05T09:00:00Z'));
  assert.equal(reloaded.markOf(ref)?.count, 2);
  assert.equal(reloaded.markOf(ref)?.seq, 9, 'the last copy is named');
  await reloaded.forget(ref);
  assert.equal(new RedriveLedger(jsonStore(saved)).markOf(ref), undefined, 'a removed dead letter is forgotten');
});

test('the ledger stays bounded (oldest dropped) and reads a damaged state without throwing', async () => {
  const saved = { text: '' };
  const ledger = new RedriveLedger(jsonStore(saved), 3);
  for (let seq = 1; seq <= 5; seq++) await ledger.record({ ...ref, seq }, copy, new Date());
  assert.deepEqual(
    [1, 2, 3, 4, 5].map((seq) => ledger.markOf({ ...ref, seq }) !== undefined),
    [false, false, true, true, true],
  );
  saved.text = JSON.stringify({ [redriveLedgerKey]: { [deadLetterKey(ref)]: { at: 'not a time', subject: 'x', stream: 'S', seq: 1, count: 1 }, other: 42 } });
  assert.equal(ledger.markOf(ref), undefined);
  saved.text = JSON.stringify({ [redriveLedgerKey]: ['a list'] });
  assert.equal(ledger.markOf(ref), undefined);
  await ledger.record(ref, copy, new Date());
  assert.equal(ledger.markOf(ref)?.count, 1);
});

test('the questions: a second re-drive names the first; removing a never re-driven dead letter says the event is lost', () => {
  const first = redriveQuestion(ref, 'order.created', 'items.0.quantity must be >= 1', undefined);
  assert.equal(first.message, 'Re-publish dead letter #1 of DEADLETTER to order.created?');
  assert.equal(first.confirm, 'Re-drive');
  assert.match(first.detail, /^It failed with: items\.0\.quantity must be >= 1/);
  const mark = { at: '2026-12-05T08:41:07.000Z', subject: 'order.created', stream: 'ORDERS', seq: 4, count: 1 };
  const again = redriveQuestion(ref, 'order.created', undefined, mark);
  assert.match(again.message, /^Dead letter #1 of DEADLETTER was already re-driven \d{4}-\d\d-\d\d \d\d:\d\d:07 to order\.created \(ORDERS #4\)\. Re-drive it again\?$/);
  assert.equal(again.confirm, 'Re-drive Again');
  const today = redriveRowMark({ ...mark, at: new Date().toISOString() }, new Date());
  assert.equal(today.suffix, '✓ re-driven');
  assert.match(today.description, /^→ order\.created \(ORDERS #4\) at \d\d:\d\d:\d\d$/, 'today: the time alone');
  assert.match(redriveRowMark({ ...mark, count: 2 }, new Date('2027-01-01T12:00:00Z')).description, / at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/, 'another day: the date too');
  assert.equal(redriveRowMark({ ...mark, count: 2 }, new Date()).suffix, '✓ re-driven ×2');
  assert.match(describeRedrive({ ...mark, count: 3 }), /^re-driven 3 times, last .* to order\.created \(ORDERS #4\)$/);
  const handled = removalQuestion(ref, 'order.created', mark);
  assert.equal(handled.message, 'Remove dead letter #1 (order.created) from DEADLETTER?');
  assert.match(handled.detail, /^It was re-driven .* \(ORDERS #4\)\. The copy there stays/);
  const never = removalQuestion(ref, 'order.created', undefined);
  assert.equal(never.confirm, 'Remove Without Re-driving');
  assert.match(never.detail, /never re-driven .* gone from the server for good/);
});

test('only the dead letter shown is acted on', () => {
  assert.equal(shownMessageProblem(ref, { time: new Date(ref.storedAt) }), undefined);
  assert.equal(shownMessageProblem(ref, undefined), 'dead letter #1 is no longer in DEADLETTER');
  assert.match(shownMessageProblem(ref, { time: new Date(ref.storedAt + 5000) }) ?? '', /^message #1 of DEADLETTER is not the dead letter shown .*refresh the view$/);
});

test('a confirmed second re-drive gets its own message id; a second click of the same attempt keeps the first id', () => {
  const dead = {
    subject: 'dlq.order.created',
    data: new TextEncoder().encode(JSON.stringify({ specversion: '1.0', id: 'e-1', type: 'order.created', source: '/t', data: {} })),
    headers: { 'Edgo-Original-Subject': ['order.created'], 'Edgo-Error': ['boom'] },
    stream: 'DEADLETTER',
    streamSequence: 1,
  };
  const ids = [planRedrive(dead), planRedrive(dead, 1), planRedrive(dead, 2)].map((p) => (typeof p === 'string' ? p : p.headers['Nats-Msg-Id']));
  assert.deepEqual(ids, ['e-1-redrive-DEADLETTER-1', 'e-1-redrive-DEADLETTER-1', 'e-1-redrive-DEADLETTER-1-2']);
});

test('the refresh loop: a wake refreshes once, not sooner than the gap after the last refresh; stopped it neither runs nor listens', async (t) => {
  const runAt: number[] = [];
  let listening = 0;
  let wake: (() => void) | undefined;
  const gap = 300;
  const loop = new RefreshLoop({
    run: () => {
      runAt.push(Date.now());
      return Promise.resolve(true);
    },
    listen: (w) => {
      listening++;
      wake = w;
      return { stop: () => (wake = undefined) };
    },
    periodMs: () => 60_000,
    wakeGapMs: gap,
  });
  t.after(() => loop.stop());
  loop.start();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(runAt.length, 1);
  assert.equal(listening, 1, 'armed after the refresh');
  // Two messages at once: one refresh.
  const w = wake!;
  w();
  w();
  assert.equal(runAt.length, 1, 'not at once');
  await new Promise((r) => setTimeout(r, gap * 3));
  assert.equal(runAt.length, 2, 'one refresh for the two messages');
  assert.ok(runAt[1]! - runAt[0]! >= gap - 5, `the gap is kept (${runAt[1]! - runAt[0]!} ms)`);
  assert.equal(listening, 2, 'armed again');
  loop.stop();
  assert.equal(wake, undefined, 'the listener is dropped when stopped');
  await new Promise((r) => setTimeout(r, gap * 2));
  assert.equal(runAt.length, 2);
  assert.equal(loop.running, false);
});
