import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { nodeProcessRunner } from '../../../src/core/preflight/nodeProcessRunner';
import { findOnPath, locateTool, mergeTerminalEnv } from '../../../src/core/preflight/toolLocation';
import { fakeFs } from './fakes';

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

describe('findOnPath and locateTool', () => {
  it('searches PATH in order, and PATHEXT on Windows', async () => {
    const fs = fakeFs(['/b/go', '/c/go', 'C:\\Go\\bin\\go.EXE']);
    assert.equal(await findOnPath('go', { PATH: '/a:/b:/c' }, 'linux', fs), '/b/go');
    assert.equal(await findOnPath('go', { Path: 'C:\\x;C:\\Go\\bin\\', PATHEXT: '.EXE;.CMD' }, 'win32', fs), 'C:\\Go\\bin\\go.EXE');
    assert.equal(await findOnPath('go', { PATH: '' }, 'linux', fs), undefined);
  });

  it('lets a setting win, looks a bare name up on PATH, and reports a broken setting', async () => {
    const fs = fakeFs(['/usr/bin/go', '/usr/bin/go1.22', '/opt/go']);
    const env = { PATH: '/usr/bin' };
    assert.deepEqual(await locateTool('go', undefined, env, 'linux', fs), { found: true, path: '/usr/bin/go', from: 'path' });
    assert.deepEqual(await locateTool('go', '  ', env, 'linux', fs), { found: true, path: '/usr/bin/go', from: 'path' });
    assert.deepEqual(await locateTool('go', 'go1.22', env, 'linux', fs), { found: true, path: '/usr/bin/go1.22', from: 'setting' });
    assert.deepEqual(await locateTool('go', '/opt/go', env, 'linux', fs), { found: true, path: '/opt/go', from: 'setting' });
    assert.deepEqual(await locateTool('go', '/nope/go', env, 'linux', fs), { found: false, reason: 'setting-missing', configured: '/nope/go' });
  });
});

describe('nodeProcessRunner', () => {
  it('reports a program that does not exist as not-found, and passes exit codes', async () => {
    assert.equal((await nodeProcessRunner.run('/nonexistent/edgo-no-such-tool', ['version'])).kind, 'not-found');
    const r = await nodeProcessRunner.run(process.execPath, ['-e', 'process.stderr.write("x"); process.exit(3)']);
    assert.deepEqual(r, { kind: 'exited', exitCode: 3, stdout: '', stderr: 'x' });
  });
});
