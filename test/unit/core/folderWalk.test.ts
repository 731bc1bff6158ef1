// The folder walk shared by the language server's index and `edgo validate`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { walkFiles } from '../../../src/core/host/folderWalk';

function tree(files: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-walk-'));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), '');
  }
  return root;
}

describe('walkFiles', () => {
  it("finds the learner's files at every depth and passes over hidden, dependency and build folders", () => {
    const root = tree([
      'events/order.created.yaml',
      'eventcatalog/events/order-created/index.mdx',
      'docs/flow.mmd',
      '.git/config',
      '.eventcatalog-core/x.md',
      'node_modules/pkg/a.yaml',
      'vendor/m/b.yaml',
      'dist/c.md',
      'out/d.md',
      '.hidden.yaml',
    ]);
    try {
      const found = [...walkFiles(root)].map((p) => path.relative(root, p).split(path.sep).join('/')).sort();
      assert.deepEqual(found, ['.hidden.yaml', 'docs/flow.mmd', 'eventcatalog/events/order-created/index.mdx', 'events/order.created.yaml']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('joins with the separator it is given', () => {
    const root = tree(['top.yaml', 'a/1.yaml']);
    try {
      assert.equal(walkFiles(root, '\\').next().value, `${root}\\top.yaml`);
      assert.deepEqual([...walkFiles(root)].sort(), [`${root}/a/1.yaml`, `${root}/top.yaml`]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('yields nothing for a folder that does not exist', () => {
    assert.deepEqual([...walkFiles(path.join(os.tmpdir(), 'edgo-walk-missing', 'nowhere'))], []);
  });
});
