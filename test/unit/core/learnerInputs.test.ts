// Files and environment a learner's folder hands the CLI and the checks: a file
// is read only when it is a regular file of bounded size, and a check's `go`
// never downloads a toolchain, whatever GOTOOLCHAIN the learner exported.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { runCheckCli } from '../../../src/cli/check';
import { readBoundedText, readBoundedTextSync, UnreadableFileError } from '../../../src/core/host/boundedRead';
import { nodeProcessRunner } from '../../../src/core/host/nodeProcessRunner';
import { runGo } from '../../../src/core/checks/goTool';
import type { CheckContext } from '../../../src/core/checks/types';
import { nodeCourseFs } from '../../../src/core/host/nodeCourseFs';
import { layCheckTests } from '../../../src/core/checks/checkTests';
import { loadModule } from '../../../src/core/checks/moduleStore';
import { walkthroughsRoot } from '../../tools/composedModule';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'edgo-inputs-'));
  dirs.push(dir);
  return dir;
}

describe('bounded reads', () => {
  it('reads a regular file, and gives undefined for a missing file or a folder', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.yaml'), 'name: a.b\n');
    assert.equal(await readBoundedText(path.join(dir, 'a.yaml')), 'name: a.b\n');
    assert.equal(readBoundedTextSync(path.join(dir, 'a.yaml')), 'name: a.b\n');
    assert.equal(await readBoundedText(path.join(dir, 'missing.yaml')), undefined);
    assert.equal(readBoundedTextSync(dir), undefined);
  });

  it('refuses a link to /dev/zero, a named pipe and a file over the limit, saying which and why', async () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    writeFileSync(path.join(dir, 'big.yaml'), 'x'.repeat(2048));
    await assert.rejects(readBoundedText(path.join(dir, 'zero.yaml')), (e: unknown) => e instanceof UnreadableFileError && /zero\.yaml is not a regular file \(a device\)/.test(e.message));
    assert.throws(() => readBoundedTextSync(path.join(dir, 'pipe.yaml')), /pipe\.yaml is not a regular file \(a named pipe\)/);
    assert.throws(() => readBoundedTextSync(path.join(dir, 'big.yaml'), 1024), /big\.yaml is 2048 bytes, more than the 1024 bytes/);
  });

  it('edgo check in a folder whose .edgo-module.json links to /dev/zero answers at once with the reason', async () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', path.join(dir, '.edgo-module.json'));
    const err: string[] = [];
    const started = Date.now();
    const code = await runCheckCli([], { runner: nodeProcessRunner, walkthroughsRoot: path.join(dir, 'none'), cwd: dir, out: () => {}, err: (t) => err.push(t) });
    assert.equal(code, 2);
    assert.ok(Date.now() - started < 5_000);
    assert.match(err.join(''), /\.edgo-module\.json is not a regular file \(a device\)/);
  });
});

describe("the course's check tests laid over a learner's folder", () => {
  it('a test file replaced by a named pipe or a link to /dev/zero is counted as changed, at once', async () => {
    const { spec, dir: moduleDir } = loadModule(walkthroughsRoot, 1);
    const folder = tempDir();
    const started = Date.now();
    const first = await layCheckTests(nodeCourseFs, spec, moduleDir, folder);
    const files = first?.files ?? [];
    first?.dispose();
    assert.ok(files.length >= 2, `module 1 has check tests: ${files.join(', ')}`);
    const [piped, zeroed] = files as [string, string];
    for (const rel of [piped, zeroed]) mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
    execFileSync('mkfifo', [path.join(folder, piped)]);
    symlinkSync('/dev/zero', path.join(folder, zeroed));
    const overlay = await layCheckTests(nodeCourseFs, spec, moduleDir, folder);
    overlay?.dispose();
    assert.ok(overlay?.changed.includes(piped) && overlay.changed.includes(zeroed), `changed: ${overlay?.changed.join(', ')}`);
    assert.ok(Date.now() - started < 5000);
  });
});

describe('go inside a check', () => {
  it('with GOTOOLCHAIN=auto exported, a go.mod asking for a newer Go downloads nothing and the result says why', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'cmd'));
    writeFileSync(path.join(dir, 'go.mod'), 'module example.com/later\n\ngo 1.99.0\n');
    writeFileSync(path.join(dir, 'cmd', 'main.go'), 'package main\n\nfunc main() {}\n');
    const saved = process.env.GOTOOLCHAIN;
    process.env.GOTOOLCHAIN = 'auto';
    try {
      const ctx = { folder: dir, runner: nodeProcessRunner, fs: nodeCourseFs } as unknown as CheckContext;
      const result = await runGo(ctx, ['build', './...'], 60_000);
      assert.notEqual(result.exitCode, 0);
      assert.doesNotMatch(result.stderr, /downloading/);
      assert.match(result.stderr, /go\.mod requires go >= 1\.99\.0/);
      assert.match(result.stderr, /asks for go 1\.99\.0\. Your GOTOOLCHAIN=auto would have made go download it; checks run with GOTOOLCHAIN=local and download nothing/);
    } finally {
      if (saved === undefined) delete process.env.GOTOOLCHAIN;
      else process.env.GOTOOLCHAIN = saved;
    }
  });
});
