import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { runGenerateCli, type GenerateCliDeps } from '../../../src/cli/generate';
import { nodeFs } from '../../../src/core/host/nodeGenerateFs';
import { shopFixture } from '../generate/helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function workspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'edgo-gen-cli-'));
  dirs.push(dir);
  cpSync(shopFixture, dir, { recursive: true });
  return dir;
}

function deps(cwd: string): GenerateCliDeps & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { fs: nodeFs, cwd, out: (t) => stdout.push(t), err: (t) => stderr.push(t), stdout, stderr };
}

describe('edgo catalog | docs | asyncapi', () => {
  it('edgo catalog writes the catalog on disk, then reports no change', async () => {
    const ws = workspace();
    const d = deps(ws);
    assert.equal(await runGenerateCli('catalog', [], d), 0, d.stderr.join(''));
    assert.ok(existsSync(path.join(ws, 'eventcatalog', 'events', 'order-created', 'index.mdx')));
    assert.match(d.stdout.join(''), /3 event\(s\), 2 service\(s\) -> eventcatalog/);
    assert.match(d.stdout.join(''), /npx @eventcatalog\/core dev/);
    const again = deps(ws);
    assert.equal(await runGenerateCli('catalog', [], again), 0);
    assert.match(again.stdout.join(''), /: 0 change\(s\)/);
  });

  it('without --force, a generated file the learner edited is left alone and reported', async () => {
    const ws = workspace();
    assert.equal(await runGenerateCli('asyncapi', [], deps(ws)), 0);
    const file = path.join(ws, 'asyncapi', 'order-service.asyncapi.yaml');
    writeFileSync(file, 'asyncapi: 3.0.0 # mine\n');
    writeFileSync(path.join(ws, 'order/events/order.created.yaml'), readFileSync(path.join(ws, 'order/events/order.created.yaml'), 'utf8').replace('title: Order Created', 'title: Order Placed'));
    const d = deps(ws);
    assert.equal(await runGenerateCli('asyncapi', [], d), 0);
    assert.equal(readFileSync(file, 'utf8'), 'asyncapi: 3.0.0 # mine\n');
    assert.match(d.stderr.join(''), /Left alone[\s\S]*order-service\.asyncapi\.yaml/);
    assert.equal(await runGenerateCli('asyncapi', ['--force'], deps(ws)), 0);
    assert.match(readFileSync(file, 'utf8'), /title: Order Placed/);
  });

  it('edgo docs --dry-run lists changes and writes nothing', async () => {
    const ws = workspace();
    const d = deps(ws);
    assert.equal(await runGenerateCli('docs', ['--dry-run'], d), 0);
    assert.match(d.stdout.join(''), /create\s+docs\/architecture\.md/);
    assert.ok(!existsSync(path.join(ws, 'docs')));
  });

  it('bad input gets a clear message and a non-zero exit', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'edgo-gen-empty-'));
    dirs.push(empty);
    writeFileSync(path.join(empty, 'README.md'), '# nothing\n');
    const d = deps(empty);
    assert.equal(await runGenerateCli('catalog', [], d), 1);
    assert.match(d.stderr.join(''), /no event YAML found/);
    const e = deps(empty);
    assert.equal(await runGenerateCli('catalog', ['--out', '../elsewhere'], e), 2);
    assert.match(e.stderr.join(''), /--out must be a folder inside the workspace/);
    const f = deps(empty);
    assert.equal(await runGenerateCli('docs', ['--bogus'], f), 2);
    assert.match(f.stderr.join(''), /Unknown option .--bogus./);
  });
});
