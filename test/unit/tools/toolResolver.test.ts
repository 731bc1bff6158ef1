import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { installPlaces } from '../../../src/core/tools/installPlaces';
import { environmentFor, foundOutsidePath, resolveTool, type ResolveContext, type ToolFound } from '../../../src/core/tools/toolResolver';
import { fakeToolFs, type FakeNode } from './fakeToolFs';

function ctx(platform: string, tree: Record<string, FakeNode>, more: Partial<ResolveContext> = {}): ResolveContext & { fs: ReturnType<typeof fakeToolFs> } {
  const fs = fakeToolFs(tree, platform);
  return { platform, hostEnv: {}, fs, ...more } as ResolveContext & { fs: ReturnType<typeof fakeToolFs> };
}

function found(r: Awaited<ReturnType<typeof resolveTool>>): ToolFound {
  assert.ok(r.found, `not found: ${JSON.stringify(r)}`);
  return r;
}

describe('resolveTool: search order', () => {
  it('Linux: the setting, then the host PATH, then the terminal PATH, then the install places', async () => {
    const tree: Record<string, FakeNode> = { '/opt/mine/go': 'exe', '/host/bin/go': 'exe', '/term/bin/go': 'exe', '/usr/local/go/bin/go': 'exe' };
    const hostEnv = { PATH: '/usr/bin:/host/bin', HOME: '/home/ada' };
    const terminalEnv = { PATH: '/term/bin:/usr/bin', HOME: '/home/ada' };
    assert.deepEqual(found(await resolveTool('go', ctx('linux', tree, { hostEnv, terminalEnv, settings: { go: '/opt/mine/go' } }))), {
      found: true,
      tool: 'go',
      path: '/opt/mine/go',
      dir: '/opt/mine',
      source: 'setting',
    });
    assert.equal(found(await resolveTool('go', ctx('linux', tree, { hostEnv, terminalEnv }))).source, 'host-path');
    const noHost = { ...tree, '/host/bin/go': 'file' as const };
    const onTerminal = found(await resolveTool('go', ctx('linux', noHost, { hostEnv, terminalEnv })));
    assert.deepEqual([onTerminal.source, onTerminal.path], ['terminal-path', '/term/bin/go']);
    const onlyInstalled = { '/usr/local/go/bin/go': 'exe' as const };
    const placed = found(await resolveTool('go', ctx('linux', onlyInstalled, { hostEnv, terminalEnv })));
    assert.deepEqual([placed.source, placed.path, placed.dir], ['install-place', '/usr/local/go/bin/go', '/usr/local/go/bin']);
    assert.ok(foundOutsidePath(placed));
  });

  it('a tool found twice: PATH wins over an install place, and nothing after it is probed', async () => {
    const c = ctx('linux', { '/usr/bin/go': 'exe', '/usr/local/go/bin/go': 'exe' }, { hostEnv: { PATH: '/usr/bin', HOME: '/home/ada' } });
    const r = found(await resolveTool('go', c));
    assert.deepEqual([r.path, r.source], ['/usr/bin/go', 'host-path']);
    assert.ok(!foundOutsidePath(r));
    assert.ok(!c.fs.probed.includes('/usr/local/go/bin/go'), c.fs.probed.join(' '));
  });

  it('skips a broken symlink and finds the next install', async () => {
    // an old SDK removed, its link left behind in ~/go/bin; a newer one in ~/sdk
    const tree: Record<string, FakeNode> = {
      '/home/ada/go/bin/go': { link: '/home/ada/sdk/go1.21.0/bin/go' },
      '/home/ada/sdk/go1.22.5/bin/go': 'exe',
      '/home/ada/sdk/go1.26.1/bin/go': { link: '/home/ada/sdk/go1.26.1/bin/go-real' },
      '/home/ada/sdk/go1.26.1/bin/go-real': 'exe',
    };
    const r = found(await resolveTool('go', ctx('linux', tree, { hostEnv: { PATH: '/usr/bin', HOME: '/home/ada' } })));
    // newest SDK first, through its (working) link
    assert.equal(r.path, '/home/ada/sdk/go1.26.1/bin/go');
    const broken = { ...tree };
    delete broken['/home/ada/sdk/go1.26.1/bin/go-real'];
    assert.equal(found(await resolveTool('go', ctx('linux', broken, { hostEnv: { PATH: '/usr/bin', HOME: '/home/ada' } }))).path, '/home/ada/sdk/go1.22.5/bin/go');
  });

  it('says "not-found" with every folder searched, and never takes a folder or a plain file for the tool', async () => {
    const r = await resolveTool('go', ctx('linux', { '/usr/local/go/bin/go/x': 'exe', '/usr/bin/go': 'file' }, { hostEnv: { PATH: '/usr/bin', HOME: '/home/ada' } }));
    assert.equal(r.found, false);
    assert.ok(!r.found && r.reason === 'not-found');
    assert.ok(!r.found && r.searched.includes('/usr/local/go/bin') && r.searched.includes('/home/ada/go/bin') && r.searched[0] === '/usr/bin');
  });

  it('GOROOT/bin comes first among the install places', async () => {
    const tree: Record<string, FakeNode> = { '/opt/go1.26/bin/go': 'exe', '/usr/local/go/bin/go': 'exe' };
    const r = found(await resolveTool('go', ctx('linux', tree, { hostEnv: { PATH: '/usr/bin', HOME: '/h', GOROOT: '/opt/go1.26' } })));
    assert.equal(r.path, '/opt/go1.26/bin/go');
  });

  it('macOS: Homebrew on Apple silicon, Docker Desktop, and nats-server from go install', async () => {
    const tree: Record<string, FakeNode> = {
      '/opt/homebrew/bin/helm': 'exe',
      '/Applications/Docker.app/Contents/Resources/bin/docker': 'exe',
      '/Users/ada/go/bin/nats-server': 'exe',
    };
    const hostEnv = { PATH: '/usr/bin:/bin', HOME: '/Users/ada' };
    assert.equal(found(await resolveTool('helm', ctx('darwin', tree, { hostEnv }))).path, '/opt/homebrew/bin/helm');
    assert.equal(found(await resolveTool('docker', ctx('darwin', tree, { hostEnv }))).path, '/Applications/Docker.app/Contents/Resources/bin/docker');
    assert.equal(found(await resolveTool('nats-server', ctx('darwin', tree, { hostEnv }))).path, '/Users/ada/go/bin/nats-server');
    assert.equal((await resolveTool('kind', ctx('darwin', tree, { hostEnv }))).found, false);
  });

  it("Windows: Program Files, the user's sdk, PATHEXT and case-insensitive variables", async () => {
    const env = { Path: 'C:\\Windows\\system32', PATHEXT: '.COM;.EXE;.BAT;.CMD', USERPROFILE: 'C:\\Users\\ada', ProgramFiles: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' };
    const msi = found(await resolveTool('go', ctx('win32', { 'C:\\Program Files\\Go\\bin\\go.exe': 'exe' }, { hostEnv: env })));
    assert.deepEqual([msi.path, msi.dir, msi.source], ['C:\\Program Files\\Go\\bin\\go.exe', 'C:\\Program Files\\Go\\bin', 'install-place']);
    const sdk = found(await resolveTool('go', ctx('win32', { 'C:\\Users\\ada\\sdk\\go1.25.3\\bin\\go.exe': 'exe' }, { hostEnv: env })));
    assert.equal(sdk.path, 'C:\\Users\\ada\\sdk\\go1.25.3\\bin\\go.exe');
    const winget = found(await resolveTool('kind', ctx('win32', { 'C:\\Users\\ada\\AppData\\Local\\Microsoft\\WinGet\\Links\\kind.exe': 'exe' }, { hostEnv: env })));
    assert.equal(winget.source, 'install-place');
    // on PATH, spelled Path, it wins over Program Files
    const both = { 'C:\\tools\\go.exe': 'exe' as const, 'C:\\Program Files\\Go\\bin\\go.exe': 'exe' as const };
    assert.equal(found(await resolveTool('go', ctx('win32', both, { hostEnv: { ...env, Path: 'C:\\tools;C:\\Windows' } }))).path, 'C:\\tools\\go.exe');
  });
});

describe('resolveTool: the edgo.tools setting', () => {
  const tree: Record<string, FakeNode> = { '/usr/bin/go': 'exe', '/usr/bin/go1.22': 'exe', '/opt/go/bin/go': 'exe', '/home/ada/sdk/go/bin/go': 'exe' };
  const hostEnv = { PATH: '/usr/bin', HOME: '/home/ada' };

  it('takes a full path, a folder, a bare name on PATH and ~', async () => {
    assert.equal(found(await resolveTool('go', ctx('linux', tree, { hostEnv, settings: { go: '/opt/go/bin/go' } }))).path, '/opt/go/bin/go');
    assert.equal(found(await resolveTool('go', ctx('linux', tree, { hostEnv, settings: { go: '/opt/go/bin' } }))).path, '/opt/go/bin/go');
    assert.equal(found(await resolveTool('go', ctx('linux', tree, { hostEnv, settings: { go: 'go1.22' } }))).path, '/usr/bin/go1.22');
    assert.equal(found(await resolveTool('go', ctx('linux', tree, { hostEnv, settings: { go: '~/sdk/go/bin/go' } }))).path, '/home/ada/sdk/go/bin/go');
    assert.equal(found(await resolveTool('go', ctx('linux', tree, { hostEnv, settings: { go: '  ' } }))).source, 'host-path');
  });

  it('reports a setting that names nothing instead of silently using another Go', async () => {
    const r = await resolveTool('go', ctx('linux', tree, { hostEnv, settings: { go: '/nope/go' } }));
    assert.deepEqual(r, { found: false, tool: 'go', reason: 'setting-missing', configured: '/nope/go', searched: [] });
  });
});

describe('installPlaces and environmentFor', () => {
  it('lists the places the issue names for Go on each OS', () => {
    const linux = installPlaces('go', 'linux', { HOME: '/home/ada', GOROOT: '/opt/go' });
    for (const p of ['/opt/go/bin', '/usr/local/go/bin', '/home/ada/go/bin', '/home/ada/sdk/go*/bin', '/usr/local/bin']) assert.ok(linux.includes(p), `${p} in ${linux.join(' ')}`);
    assert.ok(installPlaces('go', 'darwin', { HOME: '/Users/ada' }).includes('/opt/homebrew/bin'));
    const win = installPlaces('go', 'win32', { USERPROFILE: 'C:\\Users\\ada' });
    for (const p of ['C:\\Program Files\\Go\\bin', 'C:\\Users\\ada\\go\\bin', 'C:\\Users\\ada\\sdk\\go*\\bin']) assert.ok(win.includes(p), `${p} in ${win.join(' ')}`);
  });

  it('adds the folder of a tool found elsewhere at the end of PATH, once', () => {
    const r: ToolFound = { found: true, tool: 'go', path: '/usr/local/go/bin/go', dir: '/usr/local/go/bin', source: 'install-place' };
    assert.equal(environmentFor(r, { PATH: '/usr/bin' }, 'linux').PATH, '/usr/bin:/usr/local/go/bin');
    assert.equal(environmentFor(r, { PATH: '/usr/local/go/bin:/usr/bin' }, 'linux').PATH, '/usr/local/go/bin:/usr/bin');
    const w: ToolFound = { found: true, tool: 'go', path: 'C:\\Go\\bin\\go.exe', dir: 'C:\\Go\\bin', source: 'install-place' };
    assert.deepEqual(environmentFor(w, { Path: 'C:\\Windows' }, 'win32'), { Path: 'C:\\Windows;C:\\Go\\bin' });
  });
});
