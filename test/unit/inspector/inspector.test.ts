// The inspector's pure core on module 5's and the capstone's real contracts and envelopes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectMessage } from '../../../src/core/inspector/message';
import { checkMessage } from '../../../src/core/inspector/verdict';
import { loadWorkspaceContracts } from '../../../src/core/inspector/workspace';
import { ContractCatalog } from '../../../src/core/inspector/contracts';
import { formatLine, toRecord } from '../../../src/core/inspector/format';
import { RingBuffer, VerdictTally } from '../../../src/core/inspector/buffer';
import { envelopeFor, samplePayload } from '../../../src/core/inspector/sample';

const repo = path.resolve(__dirname, '..', '..', '..');
const m5 = path.join(repo, 'walkthroughs', '05-event-driven-services', 'solution');
const capstone = path.join(repo, 'walkthroughs', '10-capstone', 'solution');
const m5Contracts = loadWorkspaceContracts([m5]);
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

/** Module 5's envelope, as platform/event.New writes it. */
function m5Envelope(type: string, data: unknown, extra: Record<string, unknown> = {}) {
  return { specversion: '1.0', id: '6f1c2d3e-0000-4000-8000-000000000001', type, source: '/services/order', time: '2026-01-31T12:00:00Z', subject: 'o-1', datacontenttype: 'application/json', data, ...extra };
}
const goodOrder = { orderId: '0b8e6a3c-8a55-4b8c-9d1e-3d2f0f6c1a11', customerId: 'c-42', items: [{ sku: 'sku-1', quantity: 2 }], placedAt: '2026-01-31T12:00:00Z' };

test("module 5's order.created is decoded and valid against events/order.created.yaml", () => {
  const msg = inspectMessage({ subject: 'order.created', data: enc(m5Envelope('order.created', goodOrder)), headers: { 'Nats-Msg-Id': ['6f1c2d3e-0000-4000-8000-000000000001'] } });
  assert.equal(msg.type, 'order.created');
  assert.equal(msg.typeFrom, 'envelope');
  assert.equal(msg.id, '6f1c2d3e-0000-4000-8000-000000000001');
  assert.equal(msg.envelope?.source, '/services/order');
  const v = checkMessage(msg, m5Contracts.catalog);
  assert.equal(v.kind, 'valid', JSON.stringify(v));
  assert.match(formatLine({ message: msg, verdict: v }, m5), /order\.created .*✓ valid order\.created 1\.0\.0 \(events\/order\.created\.yaml:2\)/);
});

test('a payload that breaks the schema names the rule and its line in the contract', () => {
  const bad = { ...goodOrder, items: [{ sku: 'sku-1', quantity: 0 }] };
  const v = checkMessage(inspectMessage({ subject: 'order.created', data: enc(m5Envelope('order.created', bad)) }), m5Contracts.catalog);
  assert.equal(v.kind, 'invalid');
  if (v.kind !== 'invalid') return;
  assert.equal(v.violations.length, 1);
  const [x] = v.violations;
  assert.equal(x?.at, '/items/0/quantity');
  assert.match(x?.message ?? '', /items\.0\.quantity must be >= 1/);
  const yaml = fs.readFileSync(path.join(m5, 'events', 'order.created.yaml'), 'utf8').split('\n');
  assert.equal(path.relative(m5, x!.file), path.join('events', 'order.created.yaml'));
  assert.match(yaml[x!.line] ?? '', /quantity: \{ type: integer, minimum: 1 \}/, `line ${x!.line + 1}`);
});

test('a missing required property points at the required list', () => {
  const { customerId: _c, ...noCustomer } = goodOrder;
  const v = checkMessage(inspectMessage({ subject: 'order.created', data: enc(m5Envelope('order.created', noCustomer)) }), m5Contracts.catalog);
  assert.equal(v.kind, 'invalid');
  if (v.kind !== 'invalid') return;
  assert.match(v.violations[0]?.message ?? '', /lacks the required property customerId/);
  const yaml = fs.readFileSync(path.join(m5, 'events', 'order.created.yaml'), 'utf8').split('\n');
  assert.match(yaml[v.violations[0]!.line] ?? '', /required: \[orderId, customerId/);
});

test('a type with no contract is undocumented; an envelope without id is invalid', () => {
  const u = checkMessage(inspectMessage({ subject: 'order.shipped', data: enc(m5Envelope('order.shipped', {})) }), m5Contracts.catalog);
  assert.deepEqual([u.kind, u.kind === 'undocumented' && u.reason], ['undocumented', 'no event contract in the workspace has the type order.shipped']);
  const noId = m5Envelope('order.created', goodOrder, { id: '' });
  const v = checkMessage(inspectMessage({ subject: 'order.created', data: enc(noId) }), m5Contracts.catalog);
  assert.equal(v.kind, 'invalid');
  assert.match(v.kind === 'invalid' ? (v.violations[0]?.message ?? '') : '', /envelope: the envelope lacks id/);
});

test('a stated version picks the contract of that major, and an unknown one is undocumented', () => {
  const v1 = checkMessage(inspectMessage({ subject: 'order.created', data: enc(m5Envelope('order.created', goodOrder, { dataversion: '1' })) }), m5Contracts.catalog);
  assert.equal(v1.kind, 'valid');
  const v2 = checkMessage(inspectMessage({ subject: 'order.created', data: enc(m5Envelope('order.created', goodOrder, { dataversion: '2.0.0' })) }), m5Contracts.catalog);
  assert.equal(v2.kind, 'undocumented');
  assert.match(v2.kind === 'undocumented' ? v2.reason : '', /version 2\.0\.0 \(the workspace has 1\.0\.0\)/);
});

test("the capstone's envelope and headers: type, trace context, dead-letter origin", () => {
  const capstoneContracts = loadWorkspaceContracts([capstone]);
  const data = { bookingId: 'b-1', slotId: 's-1', customerEmail: 'a@example.com', amountCents: 1000, currency: 'EUR', paymentMethod: 'card' };
  const body = enc({ specversion: '1.0', id: 'a1b2', source: 'booking', type: 'booking.requested', subject: 'b-1', time: '2026-01-31T12:00:00Z', datacontenttype: 'application/json', data });
  const headers = { 'Nats-Msg-Id': ['a1b2'], 'ce-type': ['booking.requested'], traceparent: ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'], 'Dead-Letter-Reason': ['permanent: boom'] };
  const msg = inspectMessage({ subject: 'deadletter.booking.requested', data: body, headers });
  assert.equal(msg.traceparent, '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
  assert.equal(msg.originalSubject, 'booking.requested');
  assert.equal(msg.deadLetterReason, 'permanent: boom');
  const v = checkMessage(msg, capstoneContracts.catalog);
  // The capstone's schema is strict (additionalProperties: false); whatever it says, the verdict names the contract.
  assert.ok(v.kind === 'valid' || v.kind === 'invalid', JSON.stringify(v));
  assert.equal(v.contract.name, 'booking.requested');
});

test('non-UTF-8 bodies are shown as hex, oversized ones truncated and not checked, non-JSON flagged', () => {
  const bin = inspectMessage({ subject: 'order.created', data: new Uint8Array([0xff, 0xfe, 0x00, 0x41]) });
  assert.equal(bin.displayKind, 'hex');
  assert.equal(bin.display, '000000  ff fe 00 41');
  assert.equal(checkMessage(bin, m5Contracts.catalog).kind, 'unchecked');
  const big = inspectMessage({ subject: 'order.created', data: enc(m5Envelope('order.created', { ...goodOrder, customerId: 'x'.repeat(5000) })) }, { maxDisplayBytes: 1024 });
  assert.equal(big.truncated, true);
  assert.equal(big.display.length, 1024);
  assert.match(checkMessage(big, m5Contracts.catalog).kind === 'unchecked' ? (big.decodeProblem ?? '') : '', /over the 1024-byte limit/);
  const text = inspectMessage({ subject: 'order.created', data: enc('hello') });
  assert.match(text.decodeProblem ?? '', /not JSON/);
});

test("module 5's Protobuf order.created is decoded with contracts/orderpb/order_created.proto and validated", () => {
  assert.ok(m5Contracts.protobuf.has('order.created'), 'the .proto was found for order.created');
  // OrderCreated{order_id, customer_id, items:[{sku-1, 2}], placed_at: 2026-01-31T12:00:00Z} in wire format.
  const str = (field: number, s: string) => [(field << 3) | 2, s.length, ...new TextEncoder().encode(s)];
  const line = [...str(1, 'sku-1'), (2 << 3) | 0, 2];
  const seconds = Date.UTC(2026, 0, 31, 12) / 1000;
  const varint = (n: number) => {
    const out: number[] = [];
    while (n > 127) {
      out.push((n & 127) | 128);
      n = Math.floor(n / 128);
    }
    out.push(n);
    return out;
  };
  const ts = [(1 << 3) | 0, ...varint(seconds)];
  const bytes = new Uint8Array([...str(1, goodOrder.orderId), ...str(2, 'c-42'), (3 << 3) | 2, line.length, ...line, (4 << 3) | 2, ts.length, ...ts]);
  const msg = inspectMessage({ subject: 'order.created', data: bytes }, { protobuf: m5Contracts.protobuf });
  assert.equal(msg.displayKind, 'protobuf');
  assert.deepEqual(msg.data, goodOrder);
  assert.equal(checkMessage(msg, m5Contracts.catalog).kind, 'valid');
});

test('a $ref schema file: the error line is in the JSON Schema file', () => {
  const schema = '{\n  "type": "object",\n  "required": ["id"],\n  "properties": {\n    "id": { "type": "string" }\n  }\n}\n';
  const catalog = new ContractCatalog([{ path: '/w/events/a.yaml', text: 'name: a.happened\nversion: 1.0.0\npayload:\n  $ref: ./a.schema.json\n' }], (p) => (p === '/w/events/a.schema.json' ? schema : undefined));
  const v = checkMessage(inspectMessage({ subject: 'a.happened', data: enc({ specversion: '1.0', id: '1', type: 'a.happened', source: 's', data: { id: 5 } }) }), catalog);
  assert.equal(v.kind, 'invalid');
  if (v.kind !== 'invalid') return;
  assert.deepEqual([v.violations[0]?.file, v.violations[0]?.line], ['/w/events/a.schema.json', 4]);
  assert.equal(toRecord({ message: inspectMessage({ subject: 'x', data: enc('{}') }), verdict: v }, '/w').contract !== undefined, true);
});

test('the ring buffer keeps the last N, the tally counts every verdict', () => {
  const b = new RingBuffer<number>(3);
  for (let i = 1; i <= 5; i++) b.push(i);
  assert.deepEqual(b.toArray(), [3, 4, 5]);
  assert.throws(() => new RingBuffer(0), /positive integer/);
  const t = new VerdictTally();
  t.add('a', { kind: 'undocumented', reason: '' });
  t.add('a', { kind: 'unchecked', reason: '' });
  assert.deepEqual([t.total, t.violations, t.violationsByType.get('a')], [2, 1, 1]);
});

test('a sample payload comes from the examples, else from the schema, and validates', () => {
  const contract = m5Contracts.catalog.find('order.created')!;
  assert.deepEqual(samplePayload(contract), goodOrder);
  const noExamples = new ContractCatalog([{ path: '/w/events/b.yaml', text: fs.readFileSync(path.join(m5, 'events', 'order.created.yaml'), 'utf8').replace(/examples:[\s\S]*$/, '') }]).find('order.created')!;
  const generated = samplePayload(noExamples);
  const env = envelopeFor(noExamples, generated, 'id-1', new Date('2026-01-31T12:00:00Z'));
  assert.equal(env.source, '/services/order');
  assert.equal(checkMessage(inspectMessage({ subject: 'order.created', data: enc(env) }), m5Contracts.catalog).kind, 'valid', JSON.stringify(generated));
});

test('the NATS URL is found in a .env file or Helm values (in-cluster hosts through port-forward)', async () => {
  const { fromDotEnv, fromHelmValues } = await import('../../../src/core/inspector/discover');
  assert.deepEqual(fromDotEnv('# x\nexport NATS_URL="nats://127.0.0.1:4333"\nNATS_USER=me\n'), { url: 'nats://127.0.0.1:4333', from: '.env', user: 'me', password: undefined });
  assert.equal(fromDotEnv('HTTP_ADDR=:8080\n'), undefined);
  const values = fs.readFileSync(path.join(capstone, 'deploy', 'helm', 'booking-system', 'values.yaml'), 'utf8');
  assert.deepEqual(fromHelmValues(values), { url: 'nats://127.0.0.1:4222', from: 'values.yaml (nats through kubectl port-forward)' });
  assert.equal(fromHelmValues('nats:\n  url: nats://broker.example.com:4222\n')?.url, 'nats://broker.example.com:4222');
  assert.equal(fromHelmValues(': : not yaml ['), undefined);
});

test("the NATS URL is found in a module README's environment table, else in a shell example", async () => {
  const { fromReadme } = await import('../../../src/core/inspector/discover');
  // The capstone's README documents NATS_URL in its table of environment variables.
  const readme = fs.readFileSync(path.join(capstone, 'README.md'), 'utf8');
  assert.deepEqual(fromReadme(readme), { url: 'nats://127.0.0.1:4222', from: 'README.md (environment table)' });
  const table = '| variable | default |\n|---|---|\n| `HTTP_ADDR` | `:8080` |\n| `NATS_URL` | `nats://10.0.0.5:4333` |\n';
  assert.deepEqual(fromReadme(table, 'm/README.md'), { url: 'nats://10.0.0.5:4333', from: 'm/README.md (environment table)' });
  assert.deepEqual(fromReadme('Run:\n\n```sh\nexport NATS_URL="nats://127.0.0.1:4555"\n```\n'), { url: 'nats://127.0.0.1:4555', from: 'README.md' });
  // A row that names NATS_URL in another cell, or a table without a URL, is not the variable's row.
  assert.equal(fromReadme('| `HTTP_ADDR` | see `NATS_URL` nats://x:1 |\n| `NATS_URL` | all | none |\n'), undefined);
  assert.equal(fromReadme('# A module\n\nNo broker here.\n'), undefined);
});
