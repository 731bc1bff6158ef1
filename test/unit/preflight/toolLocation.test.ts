import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { nodeProcessRunner } from '../../../src/core/host/nodeProcessRunner';
import { readRun } from '../../../src/core/preflight/processRunner';
import { mergeTerminalEnv, withFoldersOnTerminalPath } from '../../../src/core/preflight/toolLocation';

describe('mergeTerminalEnv', () => {
  it('applies terminal.integrated.env overrides with ${env:NAME} and null', () => {
    const env = mergeTerminalEnv({ PATH: '/usr/bin', GOFLAGS: '-mod=mod', UNSET: undefined }, { PATH: '/opt/go/bin:${env:PATH}', GOFLAGS: null, X: 1 }, 'linux');
    assert.deepEqual(env, { PATH: '/opt/go/bin:/usr/bin' });
  });

  it('treats variable names case-insensitively on Windows', () => {
    const env = mergeTerminalEnv({ Path: 'C:\\Windows' }, { PATH: 'C:\\Go\\bin;${env:PATH}' }, 'win32');
    assert.deepEqual(env, { Path: 'C:\\Go\\bin;C:\\Windows' });
  });
});

describe('withFoldersOnTerminalPath', () => {
  it('adds a folder after the inherited PATH when the setting had no PATH, keeping other variables', () => {
    assert.deepEqual(withFoldersOnTerminalPath({ GOFLAGS: '-mod=mod' }, ['/usr/local/go/bin'], 'linux'), { GOFLAGS: '-mod=mod', PATH: '${env:PATH}:/usr/local/go/bin' });
    assert.deepEqual(withFoldersOnTerminalPath(undefined, ['/usr/local/go/bin'], 'linux'), { PATH: '${env:PATH}:/usr/local/go/bin' });
  });

  it('appends to an existing PATH once, with the Windows spelling and separator', () => {
    const once = withFoldersOnTerminalPath({ Path: 'C:\\tools;${env:Path}' }, ['C:\\Program Files\\Go\\bin'], 'win32');
    assert.deepEqual(once, { Path: 'C:\\tools;${env:Path};C:\\Program Files\\Go\\bin' });
    assert.deepEqual(withFoldersOnTerminalPath(once, ['C:\\Program Files\\Go\\bin'], 'win32'), once);
  });
});

describe('nodeProcessRunner, as the preflight reads it', () => {
  it('reports a program that does not exist as not-found, and passes exit codes', async () => {
    assert.equal(readRun(await nodeProcessRunner.run('/nonexistent/edgo-no-such-tool', ['version'], {})).kind, 'not-found');
    const r = await nodeProcessRunner.run(process.execPath, ['-e', 'process.stderr.write("x"); process.exit(3)'], {});
    assert.deepEqual(readRun(r), { kind: 'exited', exitCode: 3, stdout: '', stderr: 'x' });
  });

  it('reports a file that is not executable as not-found, and a timeout as a timeout', async () => {
    assert.equal(readRun(await nodeProcessRunner.run(__filename, [], {})).kind, 'not-found');
    const slow = await nodeProcessRunner.run(process.execPath, ['-e', 'setTimeout(() => {}, 10_000)'], { timeoutMs: 200 });
    assert.equal(readRun(slow).kind, 'timeout');
  });
});
