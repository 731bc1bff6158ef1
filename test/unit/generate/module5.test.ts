import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { planAsyncApi } from '../../../src/core/generate/asyncapi/index';
import { planCatalog } from '../../../src/core/generate/catalog/index';
import { planDocs } from '../../../src/core/generate/docs/index';
import { applyPlan } from '../../../src/core/generate/plan';
import { loadWorkspace } from '../../../src/core/generate/workspace';
import { edgoValidatorErrors } from './edgoValidator';
import { dumpToDir, memoryFromDir, repoRoot } from './helpers';
import { runEventCatalogLinter } from './linter';
import { loadMermaidChecker } from './mermaidCheck';

const solution = path.join(repoRoot, 'walkthroughs', '05-event-driven-services', 'solution');
const moduleEvents = ['order.created', 'inventory.reserved', 'inventory.rejected'];

describe('generating from the module 5 solution', () => {
  it('finds both services, their routes and every event with producers and consumers', async () => {
    const fs = await memoryFromDir(solution);
    const input = await loadWorkspace(fs, '/ws');
    assert.deepEqual(
      input.services.map((s) => s.id),
      ['inventory-service', 'order-service'],
    );
    assert.deepEqual(input.events.map((e) => e.name).sort(), [...moduleEvents].sort());
    const order = input.services.find((s) => s.id === 'order-service')!;
    assert.ok(order.routes.some((r) => r.method === 'POST' && r.path === '/orders'));
    for (const e of input.events) assert.ok(e.producers.length > 0 && e.consumers.length > 0, e.name);
  });

  it('its catalog has every module 5 event and passes @eventcatalog/linter and the extension validator with zero errors', async () => {
    const fs = await memoryFromDir(solution);
    const input = await loadWorkspace(fs, '/ws', { exclude: ['eventcatalog'] });
    await applyPlan(fs, await planCatalog(input, fs, '/ws/eventcatalog'));
    for (const name of moduleEvents) assert.ok(fs.files.has(`/ws/eventcatalog/events/${name.replace('.', '-')}/index.mdx`), name);
    assert.deepEqual(edgoValidatorErrors(fs, '/ws/eventcatalog'), []);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'edgo-m5-catalog-'));
    try {
      await dumpToDir(fs, '/ws/eventcatalog', dir);
      const result = await runEventCatalogLinter(dir);
      assert.equal(result.errors, 0, result.output);
      assert.equal(result.warnings, 0, result.output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('its AsyncAPI documents parse with @asyncapi/parser without errors', async () => {
    const fs = await memoryFromDir(solution);
    const input = await loadWorkspace(fs, '/ws');
    await applyPlan(fs, await planAsyncApi(input, fs, '/ws/asyncapi'));
    const { Parser } = (await import('@asyncapi/parser')) as unknown as { Parser: new () => { parse(t: string): Promise<{ diagnostics: { severity: number; message: string }[] }> } };
    const parser = new Parser();
    let n = 0;
    for (const [file, text] of fs.files) {
      if (!file.startsWith('/ws/asyncapi/') || !file.endsWith('.yaml')) continue;
      const { diagnostics } = await parser.parse(text);
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === 0).map((d) => d.message),
        [],
        file,
      );
      n++;
    }
    assert.equal(n, 2);
  });

  it('its docs diagrams all parse', async () => {
    const checker = await loadMermaidChecker();
    const fs = await memoryFromDir(solution);
    const input = await loadWorkspace(fs, '/ws');
    await applyPlan(fs, await planDocs(input, fs, '/ws'));
    let blocks = 0;
    for (const [file, text] of fs.files) {
      if (!file.endsWith('.md') || !file.startsWith('/ws/docs/')) continue;
      assert.deepEqual(await checker.validate(file, text), [], file);
      blocks += await checker.blocks(file, text);
    }
    assert.ok(blocks >= 8, `blocks: ${blocks}`);
  });
});
