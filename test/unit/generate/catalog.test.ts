import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { planCatalog } from '../../../src/core/generate/catalog/index';
import { splitMdx } from '../../../src/core/generate/frontmatter';
import type { MemoryFs } from './memoryFs';
import { applyPlan, needsConfirmation } from '../../../src/core/generate/plan';
import { loadWorkspace } from '../../../src/core/generate/workspace';
import { dumpToDir, memoryFromDir, shopFixture } from './helpers';
import { runEventCatalogLinter } from './linter';
import { edgoValidatedCount, edgoValidatorErrors } from './edgoValidator';

const out = '/ws/eventcatalog';

async function generate(fs: MemoryFs): Promise<void> {
  const input = await loadWorkspace(fs, '/ws', { exclude: ['eventcatalog'] });
  await applyPlan(fs, await planCatalog(input, fs, out), { confirmed: true });
}

async function freshCatalog(): Promise<MemoryFs> {
  const fs = await memoryFromDir(shopFixture);
  await generate(fs);
  return fs;
}

async function lint(fs: MemoryFs): Promise<Awaited<ReturnType<typeof runEventCatalogLinter>>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'edgo-catalog-'));
  try {
    await dumpToDir(fs, out, dir);
    return await runEventCatalogLinter(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function frontmatter(fs: MemoryFs, rel: string): Record<string, unknown> {
  const text = fs.files.get(`${out}/${rel}`);
  assert.ok(text, `${rel} was generated`);
  const { data } = splitMdx(text);
  assert.ok(data, `${rel} has frontmatter`);
  return data;
}

describe('catalog generator', () => {
  it('writes events with schema, services with sends/receives, domains, channels, teams and a runnable package', async () => {
    const fs = await freshCatalog();
    for (const id of ['order-created', 'inventory-reserved', 'inventory-rejected']) {
      const fm = frontmatter(fs, `events/${id}/index.mdx`);
      assert.equal(fm.id, id);
      assert.equal(fm.schemaPath, 'schema.json');
      assert.ok(Array.isArray(fm.owners) && fm.owners.length > 0);
      assert.ok(Array.isArray(fm.badges));
      assert.equal(typeof fm.summary, 'string');
      const schema = JSON.parse(fs.files.get(`${out}/events/${id}/schema.json`)!) as { type: string };
      assert.equal(schema.type, 'object');
    }
    assert.equal(frontmatter(fs, 'events/inventory-rejected/index.mdx').version, '1.1.0', 'a "1.1" version becomes semver');
    const reserved = JSON.parse(fs.files.get(`${out}/events/inventory-reserved/schema.json`)!) as { properties: Record<string, unknown> };
    assert.deepEqual(reserved.properties.orderId, { type: 'string', format: 'uuid' }, 'module 4 UUID becomes a uuid string');

    const order = frontmatter(fs, 'services/order-service/index.mdx');
    assert.deepEqual(order.sends, [{ id: 'order-created', version: '1.0.0', to: [{ id: 'order.created' }] }]);
    assert.deepEqual(
      (order.receives as { id: string }[]).map((r) => r.id),
      ['inventory-rejected', 'inventory-reserved'],
    );
    const inventory = frontmatter(fs, 'services/inventory-service/index.mdx');
    assert.deepEqual(
      (inventory.receives as { id: string }[]).map((r) => r.id),
      ['order-created'],
    );
    assert.match(fs.files.get(`${out}/services/order-service/index.mdx`)!, /\| POST \| `\/orders` \|/);
    assert.deepEqual(order.specifications, [{ type: 'asyncapi', path: 'asyncapi.yaml', name: 'AsyncAPI 3.0' }]);
    assert.match(fs.files.get(`${out}/services/order-service/asyncapi.yaml`)!, /^asyncapi: 3\.0\.0/);

    assert.deepEqual(frontmatter(fs, 'domains/order/index.mdx').services, [{ id: 'order-service' }]);
    const channel = frontmatter(fs, 'channels/order.created/index.mdx');
    assert.equal(channel.address, 'order.created');
    assert.deepEqual(channel.protocols, ['nats']);
    assert.equal(channel.deliveryGuarantee, 'at-least-once');
    assert.ok(fs.files.has(`${out}/teams/orders-team.mdx`));
    assert.ok(fs.files.has(`${out}/eventcatalog.config.js`));
    const pkg = JSON.parse(fs.files.get(`${out}/package.json`)!) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    assert.equal(pkg.scripts.dev, 'eventcatalog dev');
    assert.ok(pkg.dependencies['@eventcatalog/core']);
  });

  it('is idempotent: a second run plans no change', async () => {
    const fs = await freshCatalog();
    const input = await loadWorkspace(fs, '/ws', { exclude: ['eventcatalog'] });
    const plan = await planCatalog(input, fs, out);
    assert.deepEqual(plan.changes, []);
    assert.ok(plan.unchanged.length >= 19, `unchanged: ${plan.unchanged.length}`);
  });

  it('keeps the learner body, added owners and extra keys when regenerating', async () => {
    const fs = await freshCatalog();
    const file = `${out}/events/order-created/index.mdx`;
    const edited = fs.files
      .get(file)!
      .replace('owners:\n  - orders-team', 'owners:\n  - alice\n  - orders-team\nx-team-slack: "#orders"')
      .replace('name: Order Created', 'name: Order Placed')
      .concat('\n## Notes by the learner\n\nOrders over 1000 EUR need a manual check.\n');
    fs.put(file, edited);
    const body = splitMdx(edited).body;
    await generate(fs);
    const after = fs.files.get(file)!;
    assert.equal(splitMdx(after).body, body, 'body unchanged');
    const fm = splitMdx(after).data!;
    assert.deepEqual(fm.owners, ['alice', 'orders-team']);
    assert.equal(fm['x-team-slack'], '#orders');
    assert.equal(fm.name, 'Order Placed', "the learner's name is kept");
    assert.equal(fm.version, '1.0.0');
  });

  it('moves the previous version to versioned/<version>/ when the YAML version changes', async () => {
    const fs = await freshCatalog();
    const page = `${out}/events/order-created/index.mdx`;
    fs.put(page, `${fs.files.get(page)!}\nLearner text of 1.0.0.\n`);
    const yaml = '/ws/order/events/order.created.yaml';
    fs.put(yaml, fs.files.get(yaml)!.replace('version: 1.0.0', 'version: 2.0.0').replace('required: [orderId, items, total]', 'required: [orderId, items, total, customerId]'));
    await generate(fs);
    const old = splitMdx(fs.files.get(`${out}/events/order-created/versioned/1.0.0/index.mdx`)!);
    assert.equal(old.data?.version, '1.0.0');
    assert.match(old.body, /Learner text of 1\.0\.0/);
    const oldSchema = JSON.parse(fs.files.get(`${out}/events/order-created/versioned/1.0.0/schema.json`)!) as { required: string[] };
    assert.deepEqual(oldSchema.required, ['orderId', 'items', 'total']);
    const current = splitMdx(fs.files.get(page)!);
    assert.equal(current.data?.version, '2.0.0');
    assert.match(current.body, /Learner text of 1\.0\.0/, 'the body carries over to the new version');
    const order = frontmatter(fs, 'services/order-service/index.mdx');
    assert.equal((order.sends as { version: string }[])[0]?.version, '2.0.0');
    // Idempotent after the move too.
    const input = await loadWorkspace(fs, '/ws', { exclude: ['eventcatalog'] });
    assert.deepEqual((await planCatalog(input, fs, out)).changes, []);
  });

  it('asks before replacing a generated file the learner edited, and skips it without a yes', async () => {
    const fs = await freshCatalog();
    const schemaFile = `${out}/events/order-created/schema.json`;
    fs.put(schemaFile, '{ "hand": "written" }\n');
    const yaml = '/ws/order/events/order.created.yaml';
    fs.put(yaml, fs.files.get(yaml)!.replace('minimum: 1', 'minimum: 2'));
    const input = await loadWorkspace(fs, '/ws', { exclude: ['eventcatalog'] });
    const plan = await planCatalog(input, fs, out);
    assert.deepEqual(needsConfirmation(plan), ['events/order-created/schema.json']);
    const result = await applyPlan(fs, plan);
    assert.deepEqual(result.skipped, ['events/order-created/schema.json']);
    assert.equal(fs.files.get(schemaFile), '{ "hand": "written" }\n');
    await applyPlan(fs, plan, { confirmed: true });
    assert.match(fs.files.get(schemaFile)!, /"minimum": 2/);
  });

  it('leaves a page with broken frontmatter alone and warns', async () => {
    const fs = await freshCatalog();
    const page = `${out}/services/order-service/index.mdx`;
    fs.put(page, '---\nid: [broken\n---\n\nMy text\n');
    const input = await loadWorkspace(fs, '/ws', { exclude: ['eventcatalog'] });
    const plan = await planCatalog(input, fs, out);
    assert.ok(!plan.changes.some((c) => c.path === 'services/order-service/index.mdx'));
    assert.ok(plan.warnings.some((w) => w.includes('services/order-service/index.mdx')));
  });

  it('passes the real @eventcatalog/linter 1.1.1 with schema/valid-type on: no error, no warning', async () => {
    const fs = await freshCatalog();
    assert.match(fs.files.get(`${out}/.eventcatalogrc.js`)!, /'schema\/valid-type': 'error'/);
    const result = await lint(fs);
    assert.equal(result.errors, 0, result.output);
    assert.equal(result.warnings, 0, result.output);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /No problems found/);
  });

  it("passes the extension's own validator with zero errors, after a version bump too", async () => {
    const fs = await freshCatalog();
    assert.equal(edgoValidatedCount(fs, out), 12, 'every page is one the validator knows');
    assert.deepEqual(edgoValidatorErrors(fs, out), []);
    const yaml = '/ws/order/events/order.created.yaml';
    fs.put(yaml, fs.files.get(yaml)!.replace('version: 1.0.0', 'version: 1.1.0'));
    await generate(fs);
    assert.ok(fs.files.has(`${out}/events/order-created/versioned/1.0.0/index.mdx`));
    assert.deepEqual(edgoValidatorErrors(fs, out), []);
    const result = await lint(fs);
    assert.equal(result.errors, 0, result.output);
  });

  it('the linter run can fail: a planted type error is reported', async () => {
    const fs = await freshCatalog();
    const page = `${out}/events/order-created/index.mdx`;
    fs.put(page, fs.files.get(page)!.replace('owners:\n  - orders-team', 'owners: orders-team'));
    const result = await lint(fs);
    assert.ok(result.errors >= 1, result.output);
    assert.match(result.output, /schema\/valid-type/);
  });
});
