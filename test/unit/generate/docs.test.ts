import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { planDocs } from '../../../src/core/generate/docs/index';
import { componentDiagram, sequenceDiagram } from '../../../src/core/generate/docs/diagrams';
import type { MemoryFs } from './memoryFs';
import { blockNames } from '../../../src/core/generate/markers';
import { applyPlan } from '../../../src/core/generate/plan';
import { loadWorkspace } from '../../../src/core/generate/workspace';
import { memoryFromDir, shopFixture } from './helpers';
import { loadMermaidChecker } from './mermaidCheck';

async function generate(fs: MemoryFs): Promise<void> {
  const input = await loadWorkspace(fs, '/ws');
  await applyPlan(fs, await planDocs(input, fs, '/ws'), { confirmed: true });
}

async function fresh(): Promise<MemoryFs> {
  const fs = await memoryFromDir(shopFixture);
  await generate(fs);
  return fs;
}

describe('docs generator', () => {
  it('writes an event page in the module 4 form with producers, consumers and a flow', async () => {
    const fs = await fresh();
    const page = fs.files.get('/ws/docs/events/inventory-reserved.md')!;
    assert.match(page, /^# Inventory Reserved/);
    assert.match(page, /### InventoryReserved\n- eventType: `inventory.reserved`/);
    assert.match(page, /- payload:\n {2}- orderId: UUID\n {2}- reservationId: UUID\n {2}- reservedAt: timestamp/);
    assert.match(page, /- metadata:\n {2}- occurredAt: timestamp/);
    assert.match(page, /- producers: \[Inventory Service\]\(\.\.\/services\/inventory-service\.md\)/);
    assert.match(page, /- consumers: \[Order Service\]/);
    assert.match(page, /```mermaid\nsequenceDiagram/);
    assert.deepEqual(blockNames(page), ['event', 'flow']);
  });

  it('writes a service page with the HTTP routes read from the Go handlers', async () => {
    const fs = await fresh();
    const page = fs.files.get('/ws/docs/services/order-service.md')!;
    assert.match(page, /^# Order Service API/);
    assert.match(page, /\| POST \| `\/orders` \| `h.createOrder` in `order\/internal\/httpapi\/routes.go:8` \|/);
    assert.match(page, /\| GET \| `\/orders\/\{id\}` \| `withLog\(h.getOrder\)`/);
    // A section per route, outside the generated blocks, for the learner's request and response examples.
    assert.match(page, /<!-- edgo:end api -->\n\n## POST \/orders\n\n[^\n]*\n\n\*\*Request\*\*\n\n\*\*Response\*\*\n\n## GET \/orders\/\{id\}\n/);
    assert.doesNotMatch(page, /DELETE/, 'a commented-out route is not listed');
    assert.match(page, /\| \[order.created\]\(\.\.\/events\/order-created\.md\) \| `order.created` \| 1\.0\.0 \|/);
  });

  it('adds README sections and an architecture page with a component graph of services and the broker', async () => {
    const fs = await fresh();
    const readme = fs.files.get('/ws/README.md')!;
    assert.match(readme, /^# Shop \(fixture\)\n\nOrder and Inventory services used by the generator tests\./, 'the existing README text stays first');
    for (const h of ['## Architecture', '## API', '## Events']) assert.ok(readme.includes(`\n${h}\n`), h);
    const arch = fs.files.get('/ws/docs/architecture.md')!;
    assert.match(arch, /flowchart LR/);
    assert.match(arch, /OrderService -->\|"publish order.created"\| NATS/);
    assert.match(arch, /NATS -->\|"deliver order.created"\| InventoryService/);
    assert.equal((arch.match(/sequenceDiagram/g) ?? []).length, 3, 'one sequence diagram per event flow');
  });

  it('regenerating keeps what the learner wrote in the README and the pages', async () => {
    const fs = await fresh();
    const readmePath = '/ws/README.md';
    const servicePath = '/ws/docs/services/order-service.md';
    const readme = fs.files.get(readmePath)!.replace('## Architecture\n', '## Architecture\n\nThe learner explains the architecture here.\n').concat('\n## Troubleshooting\n\nRestart nats-server with -js.\n');
    const service = fs.files.get(servicePath)!.replace('**Request**\n', '**Request**\n\n```json\n{ "items": [] }\n```\n');
    fs.put(readmePath, readme);
    fs.put(servicePath, service);

    // Unchanged input: nothing to write.
    const input = await loadWorkspace(fs, '/ws');
    assert.deepEqual((await planDocs(input, fs, '/ws')).changes, []);

    // Changed input: only the generated blocks change.
    const route = '/ws/order/internal/httpapi/routes.go';
    fs.put(route, fs.files.get(route)!.replace('mux.HandleFunc("GET /healthz"', 'mux.HandleFunc("DELETE /orders/{id}", h.cancelOrder)\n\tmux.HandleFunc("GET /healthz"'));
    await generate(fs);
    const readmeAfter = fs.files.get(readmePath)!;
    const serviceAfter = fs.files.get(servicePath)!;
    assert.ok(readmeAfter.includes('The learner explains the architecture here.'));
    assert.ok(readmeAfter.includes('## Troubleshooting\n\nRestart nats-server with -js.\n'));
    assert.ok(readmeAfter.includes('`DELETE /orders/{id}`'), 'the API block was regenerated');
    assert.ok(serviceAfter.includes('## POST /orders\n\n_What it does'));
    assert.ok(serviceAfter.includes('**Request**\n\n```json\n{ "items": [] }\n```'));
    assert.match(serviceAfter, /\| DELETE \| `\/orders\/\{id\}` \|/);
    // The new route gets its own section; the learner's sections are untouched.
    assert.equal((serviceAfter.match(/^## DELETE \/orders\/\{id\}$/gm) ?? []).length, 1);
    // Outside the blocks, the texts are identical.
    const strip = (t: string): string => t.replace(/<!-- edgo:begin ([\w.-]+) -->[\s\S]*?<!-- edgo:end \1 -->/g, '<block $1>');
    assert.equal(strip(readmeAfter), strip(readme));
    const deleteSection = /\n## DELETE \/orders\/\{id\}\n\n[^\n]*\n\n\*\*Request\*\*\n\n\*\*Response\*\*\n/;
    assert.equal(strip(serviceAfter).replace(deleteSection, ''), strip(service));
    assert.ok(!fs.files.has('/ws/.edgo-generated.json'), 'docs leave no manifest in the workspace');
  });

  it('every generated Mermaid diagram parses with Mermaid 12', async () => {
    const checker = await loadMermaidChecker();
    const fs = await fresh();
    let blocks = 0;
    for (const [file, text] of fs.files) {
      if (!file.endsWith('.md')) continue;
      assert.deepEqual(await checker.validate(file, text), [], file);
      blocks += await checker.blocks(file, text);
    }
    // 3 event flows + 2 service graphs + architecture (1 + 3) + README 1.
    assert.equal(blocks, 10);
    // The check can fail: a broken diagram is reported.
    assert.ok((await checker.validate('x.md', '```mermaid\nflowchart LR\n  A -->| B\n```\n')).length > 0);
  });

  it('diagrams stay valid for awkward names (keywords, dots, quotes)', async () => {
    const checker = await loadMermaidChecker();
    const fs = await memoryFromDir(shopFixture);
    fs.put('/ws/end/go.mod', 'module end\n');
    fs.put('/ws/end/events/weird.yaml', 'name: "end.#weird;\\"thing\\""\nproducers: [end]\nconsumers: [graph]\npayload: { a: string }\n');
    const input = await loadWorkspace(fs, '/ws');
    const weird = input.events.find((e) => e.name.startsWith('end.'))!;
    for (const d of [componentDiagram(input), sequenceDiagram(weird, input)]) {
      assert.deepEqual(await checker.validate('d.mmd', d), [], d);
    }
  });
});
