// The closing summary of `npm test` says why each test failed: CI shows only the end
// of the output, so a failure named there without its reason cannot be acted on.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain .mjs reporter without types
import summaryReporter from '../../tools/summary-reporter.mjs';

async function summarise(events: unknown[]): Promise<{ failed: number; passed: number; failures: string[] }> {
  async function* source(): AsyncGenerator<unknown> {
    yield* events;
  }
  let out = '';
  for await (const chunk of (summaryReporter as (s: AsyncGenerator<unknown>) => AsyncGenerator<string>)(source())) out += chunk;
  return JSON.parse(out) as { failed: number; passed: number; failures: string[] };
}

const hookFailed = Object.assign(new Error('failed running before hook'), { failureType: 'hookFailed', cause: new Error('timed out waiting for payment /readyz\n--- payment\nstart failed: stream BOOKING') });

describe('npm test summary reporter', () => {
  it("counts leaf tests and keeps each failure's first lines, including a before hook's error on its suite", async () => {
    const summary = await summarise([
      { type: 'test:pass', data: { name: 'ok', file: 'a.test.ts', details: {} } },
      { type: 'test:fail', data: { name: 'confirms a booking', file: 'a.test.ts', details: { error: Object.assign(new Error('cancelled'), { cause: 'test did not finish before its parent and was cancelled' }) } } },
      { type: 'test:fail', data: { name: 'module 10 as processes', file: 'a.test.ts', details: { type: 'suite', error: hookFailed } } },
      { type: 'test:fail', data: { name: 'suite with a failed test', file: 'a.test.ts', details: { type: 'suite', error: Object.assign(new Error('1 subtest failed'), { failureType: 'subtestsFailed' }) } } },
    ]);
    assert.equal(summary.passed, 1);
    assert.equal(summary.failed, 1);
    assert.equal(summary.failures.length, 2, summary.failures.join('\n'));
    assert.match(summary.failures[1]!, /module 10 as processes \(the suite\)\n {6}timed out waiting for payment \/readyz\n {6}--- payment\n {6}start failed/);
  });

  it('cuts a long reason to twelve lines and says that more is in the report', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
    const summary = await summarise([{ type: 'test:fail', data: { name: 't', file: 'b.test.ts', details: { error: Object.assign(new Error('x'), { cause: new Error(long) }) } } }]);
    const lines = summary.failures[0]!.split('\n');
    assert.equal(lines.length, 1 + 12 + 1);
    assert.match(lines.at(-1)!, /28 more lines/);
  });
});
