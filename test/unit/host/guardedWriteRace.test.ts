// The race the guarded writer cannot close with lstat alone: a folder on the way
// is swapped for a link to a folder outside between the checks and the open. The
// writer's test hook swaps it at exactly that moment; the descriptor check after
// the open must refuse, and the file outside must keep its bytes.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { guardedWrite, RefusedWriteError } from '../../../src/core/host/guardedWrite';
import { useTempDirs } from '../generate/helpers';

const tempDir = useTempDirs();

/** A workspace with docs/page.md, and a folder outside holding a page.md of its own. */
function setup(): { ws: string; outside: string; swap: () => Promise<void> } {
  const ws = tempDir('edgo-race-ws-');
  mkdirSync(path.join(ws, 'docs'));
  writeFileSync(path.join(ws, 'docs', 'page.md'), "the learner's page\n");
  const outside = tempDir('edgo-race-outside-');
  writeFileSync(path.join(outside, 'page.md'), 'not yours\n');
  const swap = async (): Promise<void> => {
    renameSync(path.join(ws, 'docs'), path.join(ws, 'docs-moved'));
    symlinkSync(outside, path.join(ws, 'docs'));
  };
  return { ws, outside, swap };
}

describe('guardedWrite: a folder swapped for a link between check and open', () => {
  it('refuses to replace a file reached through the swapped folder, and leaves it as it was', async () => {
    const { ws, outside, swap } = setup();
    await assert.rejects(guardedWrite(ws, 'docs/page.md', 'generated\n', { replace: true, afterCheck: swap }), (err: unknown) => err instanceof RefusedWriteError && /a folder on its way changed while generating/.test(err.message));
    assert.equal(readFileSync(path.join(outside, 'page.md'), 'utf8'), 'not yours\n');
  });

  it('refuses to fill a new file made through the swapped folder', async () => {
    const { ws, outside, swap } = setup();
    await assert.rejects(guardedWrite(ws, 'docs/new.md', 'generated\n', { replace: false, afterCheck: swap }), RefusedWriteError);
    // The open made it before the swap could be seen; it stays empty, with none of the content.
    assert.equal(readFileSync(path.join(outside, 'new.md'), 'utf8'), '');
  });

  it('writes as usual when nothing changes in between', async () => {
    const { ws } = setup();
    let ran = false;
    await guardedWrite(ws, 'docs/page.md', 'generated\n', {
      replace: true,
      afterCheck: async () => {
        ran = true;
      },
    });
    assert.ok(ran);
    assert.equal(readFileSync(path.join(ws, 'docs', 'page.md'), 'utf8'), 'generated\n');
  });

  it('replaces a longer file without leaving its tail', async () => {
    const { ws } = setup();
    await guardedWrite(ws, 'docs/page.md', 'x\n', { replace: true });
    assert.equal(readFileSync(path.join(ws, 'docs', 'page.md'), 'utf8'), 'x\n');
  });
});
