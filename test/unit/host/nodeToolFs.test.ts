import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { nodeToolFs } from '../../../src/core/host/nodeToolFs';
import { resolveTool } from '../../../src/core/tools/toolResolver';

describe('nodeToolFs on a real disk', { skip: process.platform === 'win32' && 'symlinks need privileges on Windows' }, () => {
  it('skips a broken symlink on PATH and a plain file, and finds the executable after them', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-toolfs-'));
    try {
      const broken = path.join(root, 'broken');
      const plain = path.join(root, 'plain');
      const real = path.join(root, 'real');
      for (const d of [broken, plain, real]) fs.mkdirSync(d);
      fs.symlinkSync(path.join(root, 'gone', 'go'), path.join(broken, 'go'));
      fs.writeFileSync(path.join(plain, 'go'), 'not a program', { mode: 0o644 });
      fs.writeFileSync(path.join(real, 'go'), '#!/bin/sh\n', { mode: 0o755 });
      assert.equal(await nodeToolFs.isExecutable(path.join(broken, 'go')), false);
      assert.equal(await nodeToolFs.isExecutable(path.join(plain, 'go')), false);
      assert.equal(await nodeToolFs.isExecutable(real), false, 'a folder is not a tool');
      assert.deepEqual((await nodeToolFs.list(root)).sort(), ['broken', 'plain', 'real']);
      assert.deepEqual(await nodeToolFs.list(path.join(root, 'nothing')), []);
      const r = await resolveTool('go', { platform: process.platform, hostEnv: { PATH: [broken, plain, real].join(':'), HOME: root }, fs: nodeToolFs });
      assert.ok(r.found && r.path === path.join(real, 'go') && r.source === 'host-path', JSON.stringify(r));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
