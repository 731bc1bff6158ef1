import { strict as assert } from 'node:assert';
import * as os from 'node:os';
import { describe, it } from 'node:test';
import { nodeProcessRunner } from '../../../src/core/checks';

describe('nodeProcessRunner', () => {
  it('collects output and the exit code', async () => {
    const r = await nodeProcessRunner.run(process.execPath, ['-e', 'console.log("out"); console.error("err"); process.exit(3)'], { cwd: os.tmpdir() });
    assert.deepEqual([r.exitCode, r.stdout.trim(), r.stderr.trim()], [3, 'out', 'err']);
  });

  it('reports a tool that is not installed as notFound', async () => {
    const r = await nodeProcessRunner.run('edgo-no-such-tool', ['version'], { cwd: os.tmpdir() });
    assert.equal(r.notFound, true);
    assert.equal(r.exitCode, null);
  });

  it('kills a process that outlives its timeout', async () => {
    const r = await nodeProcessRunner.run(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { cwd: os.tmpdir(), timeoutMs: 300 });
    assert.equal(r.timedOut, true);
    assert.equal(r.exitCode, null);
  });
});
