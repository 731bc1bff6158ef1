// Long work in slices: the host gets its turn at least every slice, and a cancelled token stops the work.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inSlices } from '../../../src/core/language/inSlices';

describe('inSlices', () => {
  it('pauses whenever a slice has run its time, and reads a lazy source lazily', async () => {
    let clock = 0;
    const seen: string[] = [];
    function* items(): Generator<number> {
      for (let i = 0; i < 10; i++) {
        seen.push(`read ${i}`);
        yield i;
      }
    }
    const outcome = await inSlices(
      items(),
      (i) => {
        seen.push(`item ${i}`);
        clock += 3; // each item costs 3 ms
      },
      { sliceMs: 8, now: () => clock, pause: async () => void seen.push('pause') },
    );
    assert.deepEqual(outcome, { done: 10, cancelled: false, pauses: 3 });
    assert.deepEqual(seen.slice(0, 8), ['read 0', 'item 0', 'read 1', 'item 1', 'read 2', 'item 2', 'pause', 'read 3']);
  });

  it('stops at the next item once the token is cancelled (during a pause, as a host does)', async () => {
    let clock = 0;
    const token = { isCancellationRequested: false };
    let handled = 0;
    const outcome = await inSlices(
      Array.from({ length: 100 }, (_, i) => i),
      () => {
        handled++;
        clock += 5;
      },
      { token, sliceMs: 10, now: () => clock, pause: async () => void (token.isCancellationRequested = handled >= 4) },
    );
    assert.deepEqual(outcome, { done: 4, cancelled: true, pauses: 2 });
  });
});
