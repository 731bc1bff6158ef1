import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { planAsyncApi, asyncApiDocument } from '../../../src/core/generate/asyncapi/index';
import { applyPlan } from '../../../src/core/generate/plan';
import { loadWorkspace } from '../../../src/core/generate/workspace';
import { memoryFromDir, shopFixture } from './helpers';

interface Diagnostic {
  code: string | number;
  message: string;
  severity: number;
  path: (string | number)[];
}

/** Parses with the real @asyncapi/parser 3.6.6; returns its diagnostics. */
async function parseAsyncApi(text: string): Promise<{ diagnostics: Diagnostic[]; ok: boolean }> {
  const { Parser } = (await import('@asyncapi/parser')) as unknown as {
    Parser: new () => { parse(t: string): Promise<{ document?: unknown; diagnostics: Diagnostic[] }> };
  };
  const result = await new Parser().parse(text);
  return { diagnostics: result.diagnostics, ok: result.document !== undefined };
}

describe('AsyncAPI export', () => {
  it('one 3.0 document per service with servers.nats, channels, send/receive operations and payload schemas', async () => {
    const fs = await memoryFromDir(shopFixture);
    const input = await loadWorkspace(fs, '/ws');
    const order = input.services.find((s) => s.id === 'order-service')!;
    const doc = asyncApiDocument(order, input) as {
      asyncapi: string;
      servers: { nats: { protocol: string } };
      channels: Record<string, { address: string }>;
      operations: Record<string, { action: string }>;
      components: { messages: Record<string, { payload: { properties: Record<string, unknown> } }> };
    };
    assert.equal(doc.asyncapi, '3.0.0');
    assert.equal(doc.servers.nats.protocol, 'nats');
    assert.deepEqual(
      Object.values(doc.channels)
        .map((c) => c.address)
        .sort(),
      ['inventory.rejected', 'inventory.reserved', 'order.created'],
    );
    assert.equal(doc.operations.sendOrderCreated?.action, 'send');
    assert.equal(doc.operations.receiveInventoryReserved?.action, 'receive');
    assert.ok(doc.components.messages.orderCreated?.payload.properties.orderId);

    const plan = await planAsyncApi(input, fs, '/ws/asyncapi');
    await applyPlan(fs, plan);
    assert.ok(fs.files.has('/ws/asyncapi/order-service.asyncapi.yaml'));
    assert.ok(fs.files.has('/ws/asyncapi/inventory-service.asyncapi.yaml'));
    assert.deepEqual((await planAsyncApi(input, fs, '/ws/asyncapi')).changes, [], 'idempotent');
  });

  it('every document parses with the real @asyncapi/parser with no error-level diagnostic', async () => {
    const fs = await memoryFromDir(shopFixture);
    const input = await loadWorkspace(fs, '/ws');
    await applyPlan(fs, await planAsyncApi(input, fs, '/ws/asyncapi'));
    let checked = 0;
    for (const [file, text] of fs.files) {
      if (!file.startsWith('/ws/asyncapi/') || !file.endsWith('.yaml')) continue;
      const { diagnostics, ok } = await parseAsyncApi(text);
      const errors = diagnostics.filter((d) => d.severity === 0);
      assert.deepEqual(
        errors.map((d) => `${d.code} ${d.message} at ${d.path.join('.')}`),
        [],
        file,
      );
      assert.ok(ok, `${file} yields a document`);
      const warnings = diagnostics.filter((d) => d.severity === 1);
      assert.deepEqual(
        warnings.map((d) => `${d.code} ${d.message}`),
        [],
        `${file}: no warnings either`,
      );
      checked++;
    }
    assert.equal(checked, 2);
  });

  it('the parser check can fail: a broken document has error diagnostics', async () => {
    const fs = await memoryFromDir(shopFixture);
    const input = await loadWorkspace(fs, '/ws');
    const doc = asyncApiDocument(input.services[0]!, input) as { operations: Record<string, { action: string }> };
    for (const op of Object.values(doc.operations)) op.action = 'publish';
    const { diagnostics } = await parseAsyncApi(JSON.stringify(doc));
    assert.ok(diagnostics.some((d) => d.severity === 0));
  });
});
