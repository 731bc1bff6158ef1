// Runs inside the extension host of a real VS Code (code-server or desktop).
// VS Code calls `run()`; it resolves when every test passed and throws otherwise.
// Results also go to the JSON file named by EDGO_TEST_RESULTS, which the runner
// outside VS Code reads to print failures with their messages.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { figures } from './helpers';

interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number | undefined;
  error?: string | undefined;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.EDGO_TEST_GREP;
  if (grep) mocha.grep(grep);
  // Suites are bundled into this file; load them only once mocha's globals exist.
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  await import('./suites');

  const records: TestRecord[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => records.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) => records.push({ title: t.fullTitle(), state: 'failed', error: err.stack ?? err.message }));
    runner.on('pending', (t) => records.push({ title: t.fullTitle(), state: 'pending' }));
  });

  const out = process.env.EDGO_TEST_RESULTS;
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ failures, tests: records, figures }, null, 2));
  }
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
