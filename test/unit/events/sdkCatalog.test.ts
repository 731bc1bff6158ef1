// A catalog written by the real @eventcatalog/sdk validates cleanly; the same
// catalog with planted errors yields them at the right lines.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventService } from '../../../src/core/events/eventService';

type Sdk = Record<string, (...args: unknown[]) => Promise<unknown>>;
let dir = '';

/** The SDK is a devDependency, so it is always there: loading it is not guarded. */
function loadSdk(): (dir: string) => Sdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('@eventcatalog/sdk') as { default?: (d: string) => Sdk } & ((d: string) => Sdk);
  return mod.default ?? mod;
}

function allFiles(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).map((f) => path.join(root, f)).filter((f) => fs.statSync(f).isFile());
}

function serviceFor(root: string): EventService {
  const s = new EventService({ readLinked: (p: string) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined) });
  for (const f of allFiles(root)) s.setFile(f, fs.readFileSync(f, 'utf8'));
  return s;
}

before(async () => {
  const make = loadSdk();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-sdk-'));
  const sdk = make(dir);
  const schema = (props: string) => `{"type":"object","required":["orderId"],"properties":{${props}}}`;
  await sdk.writeTeam!({ id: 'orders-team', name: 'Orders Team', markdown: '' });
  await sdk.writeUser!({ id: 'jane', name: 'Jane', avatarUrl: 'https://example.com/jane.png', markdown: '' });
  await sdk.writeEvent!({
    id: 'OrderCreated',
    name: 'Order Created',
    version: '1.0.0',
    summary: 'An order was placed.',
    markdown: '# Order created',
    owners: ['orders-team'],
    badges: [{ content: 'New', backgroundColor: 'blue', textColor: 'blue' }],
    schemaPath: 'schema.json',
  });
  await sdk.addSchemaToEvent!('OrderCreated', { schema: schema('"orderId":{"type":"string"}'), fileName: 'schema.json' });
  await sdk.versionEvent!('OrderCreated');
  await sdk.writeEvent!({ id: 'OrderCreated', name: 'Order Created', version: '1.1.0', summary: 'An order was placed.', markdown: '# Order created', owners: ['orders-team'], schemaPath: 'schema.json' });
  await sdk.addSchemaToEvent!('OrderCreated', { schema: schema('"orderId":{"type":"string"},"note":{"type":"string"}'), fileName: 'schema.json' });
  await sdk.writeCommand!({ id: 'PlaceOrder', name: 'Place Order', version: '1.0.0', summary: 'Place an order.', markdown: '' });
  await sdk.writeChannel!({ id: 'orders.events', name: 'Orders', version: '1.0.0', summary: 'Order events.', markdown: '', address: 'orders.events', protocols: ['kafka'], deliveryGuarantee: 'at-least-once' });
  await sdk.writeService!({
    id: 'OrderService',
    name: 'Order Service',
    version: '1.0.0',
    summary: 'Orders.',
    markdown: '',
    owners: ['orders-team'],
    sends: [{ id: 'OrderCreated', version: '1.1.0', to: [{ id: 'orders.events' }] }],
    receives: [{ id: 'PlaceOrder' }],
  });
  await sdk.writeService!({ id: 'BillingService', name: 'Billing Service', version: '1.0.0', summary: 'Bills.', markdown: '', receives: [{ id: 'OrderCreated', version: '^1.0.0' }] });
  await sdk.writeDomain!({ id: 'Orders', name: 'Orders', version: '1.0.0', summary: 'Ordering.', markdown: '', services: [{ id: 'OrderService', version: '1.0.0' }, { id: 'BillingService' }] });
});

after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a catalog written by @eventcatalog/sdk has no diagnostics', () => {
  const s = serviceFor(dir);
  assert.ok(s.paths().length >= 9, `only ${s.paths().length} files recognised`);
  const all = s.paths().flatMap((p) => s.diagnostics(p).map((d) => `${path.relative(dir, p)}:${d.range.start.line + 1} ${d.severity} ${d.code} ${d.message}`));
  assert.deepEqual(all, []);
});

test('planted errors in the sdk catalog are found at their lines', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-sdk-planted-'));
  try {
    fs.cpSync(dir, copy, { recursive: true });
    const event = path.join(copy, 'events', 'OrderCreated', 'index.mdx');
    const service = path.join(copy, 'services', 'OrderService', 'index.mdx');
    const channel = path.join(copy, 'channels', 'orders.events', 'index.mdx');
    const plant = (file: string, from: RegExp, to: string): number => {
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, from, `${file} has no ${from}`);
      const out = text.replace(from, to);
      fs.writeFileSync(file, out);
      return out.slice(0, out.indexOf(to)).split('\n').length; // 1-based line of the planted text
    };
    const versionLine = plant(event, /^version: 1\.1\.0$/m, 'version: 1.1');
    const refLine = plant(service, /- id: PlaceOrder/, '- id: PlaceOrdr');
    const guaranteeLine = plant(channel, /deliveryGuarantee: at-least-once/, 'deliveryGuarantee: exactly-twice');
    // A breaking change: a new required field without a major bump.
    const schemaFile = path.join(copy, 'events', 'OrderCreated', 'schema.json');
    fs.writeFileSync(schemaFile, '{"type":"object","required":["orderId","total"],"properties":{"orderId":{"type":"string"},"total":{"type":"number"}}}');

    const s = serviceFor(copy);
    const found = (file: string) => s.diagnostics(file).map((d) => `${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(found(event), [`${versionLine} catalog/version-not-string`]);
    // The unquoted 1.1 also breaks `sends: [{id: OrderCreated, version: 1.1.0}]`: reported too.
    const sendsVersionLine =
      fs
        .readFileSync(service, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('version: 1.1.0')) + 1;
    assert.deepEqual(found(service).sort(), [`${refLine} reference/not-found`, `${sendsVersionLine - 1} reference/version-not-found`].sort());
    assert.deepEqual(found(channel), [`${guaranteeLine} catalog/invalid-value`]);
    fs.writeFileSync(event, fs.readFileSync(event, 'utf8').replace('version: 1.1', 'version: 1.2.0'));
    const s2 = serviceFor(copy);
    assert.deepEqual(
      s2.diagnostics(event).map((d) => `${d.range.start.line + 1} ${d.code}`),
      [`${versionLine} event/breaking-change`],
    );
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
