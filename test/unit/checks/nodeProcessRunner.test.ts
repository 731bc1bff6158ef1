import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
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

  const posix = process.platform !== 'win32';
  /**
   * Whether the process still runs a moment later. A killed background child is
   * re-parented to PID 1, which in a container may never reap it: a zombie has
   * stopped running, though `kill(pid, 0)` still finds it, so /proc's state decides.
   */
  const running = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return process.platform !== 'linux';
    }
  };
  const alive = async (pid: number) => {
    for (let i = 0; i < 40; i++) {
      if (!running(pid)) return false;
      await new Promise((r) => setTimeout(r, 50));
    }
    return true;
  };

  it('leaves nothing running that the tool started in the background', { skip: !posix && 'process groups are POSIX' }, async () => {
    const r = await nodeProcessRunner.run('sh', ['-c', 'sleep 1000 & echo $!'], { cwd: os.tmpdir(), timeoutMs: 20_000 });
    const pid = Number(r.stdout.trim());
    assert.ok(pid > 0, r.stdout);
    assert.equal(r.timedOut, false, 'the background sleep kept the output open until the timeout');
    assert.equal(r.exitCode, 0);
    assert.equal(await alive(pid), false, `sleep ${pid} outlived the run`);
  });

  it('kills the whole process group on timeout', { skip: !posix && 'process groups are POSIX' }, async () => {
    const started = Date.now();
    const r = await nodeProcessRunner.run('sh', ['-c', 'sleep 1000 & echo $!; wait'], { cwd: os.tmpdir(), timeoutMs: 500 });
    const pid = Number(r.stdout.trim());
    assert.equal(r.timedOut, true);
    assert.ok(Date.now() - started < 10_000);
    assert.equal(await alive(pid), false, `sleep ${pid} outlived the timeout`);
  });

  it('kills the whole process group when cancelled', { skip: !posix && 'process groups are POSIX' }, async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 300);
    const r = await nodeProcessRunner.run('sh', ['-c', 'sleep 1000 & echo $!; wait'], { cwd: os.tmpdir(), timeoutMs: 20_000, signal: abort.signal });
    assert.equal(await alive(Number(r.stdout.trim())), false);
    assert.equal(r.exitCode, null);
  });
});
