import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateText } from '../../../src/core/events/validate';

/** `line:col code` (1-based, as an editor shows them), sorted by position. */
function where(path: string, text: string): string[] {
  const r = validateText(path, text);
  assert.ok(r, `${path} should be recognised`);
  return [...r.diagnostics]
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code))
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
}

function messages(path: string, text: string): string[] {
  return validateText(path, text)?.diagnostics.map((d) => d.message) ?? [];
}

test('a valid module 4 event has no diagnostics', () => {
  assert.deepEqual(where('shop/events/order-created.yaml', 'eventType: order.created\npayload:\n  orderId: UUID\n  total: Money\nmetadata:\n  occurredAt: timestamp\n'), []);
});

test('a valid full-form event has no diagnostics', () => {
  const text = [
    'name: order.created',
    'version: "1.2.0"',
    'title: Order Created',
    'summary: A customer placed an order.',
    'owners: [orders-team]',
    'producers: [order-service]',
    'consumers: [inventory-service]',
    'payload:',
    '  type: object',
    '  required: [orderId]',
    '  properties:',
    '    orderId: { type: string, format: uuid }',
    'metadata:',
    '  specversion: "1.0"',
    '  type: com.shop.order.created',
    '  source: /services/order',
    '  time: 2025-01-31T12:00:00Z',
    'examples:',
    '  - orderId: 3f1c0d9e-8b7a-4c45-9d8e-1a2b3c4d5e6f',
    '',
  ].join('\n');
  assert.deepEqual(where('order.event.yaml', text), []);
});

test('several errors in one file, each at its exact position', () => {
  const text = 'name: Order.Created\nversion: 1.0\nsumary: typo\nowners: orders\nmetadata:\n  specversion: "1.0"\n  time: yesterday\n';
  assert.deepEqual(where('x/events/a.yaml', text), [
    '1:7 event/invalid-format',
    '2:10 event/version-not-string',
    '3:1 event/unknown-property',
    '4:9 event/wrong-type',
    '5:1 event/missing-property',
    '5:1 event/missing-property',
    '7:9 event/invalid-format',
  ]);
});

test('messages say what is wrong and how to fix it', () => {
  const m = messages('x/events/a.yaml', 'name: order.created\nversion: 1.0\nsumary: typo\n');
  assert.ok(
    m.some((s) => s.includes('read as a number') && s.includes('"1.0.0"')),
    m.join('\n'),
  );
  assert.ok(
    m.some((s) => s.includes('did you mean `summary`')),
    m.join('\n'),
  );
});

test('a file with neither name nor eventType points at its first key', () => {
  assert.deepEqual(where('x/events/a.yaml', 'version: "1.0.0"\npayload:\n  id: UUID\n'), ['1:1 event/missing-property']);
});

test('YAML syntax errors are reported at their position and nothing else is checked', () => {
  const r = where('x/events/a.yaml', 'name: order.created\npayload:\n  a: [1, 2\nversion: 1\n');
  assert.ok(r.length >= 1);
  assert.ok(
    r.every((x) => x.includes('yaml/')),
    r.join(','),
  );
  assert.equal(where('x/events/a.yaml', 'name: a.b\nname: c.d\n')[0], '2:1 yaml/duplicate-key');
});

test('inline examples are checked against the inline payload schema', () => {
  const text = 'name: order.created\npayload:\n  type: object\n  properties:\n    total: { type: number }\nexamples:\n  - total: ten\n';
  assert.deepEqual(where('x/events/a.yaml', text), ['7:12 event/example-mismatch']);
});

test('the module 8 catalog: events need name and version, schema needs $ref', () => {
  const text = 'events:\n  - name: order.created\n    version: "1.0.0"\n    schema: { $ref: ./s.json }\n  - name: order.paid\n    schema: { path: x }\nservices:\n  - name: orders\n    sends: [order.created]\n';
  assert.deepEqual(where('eventcatalog.yaml', text), ['5:5 catalog/missing-property', '6:5 catalog/missing-property', '6:15 catalog/unknown-property']);
});

test("EventCatalog frontmatter is validated in the Markdown file's coordinates", () => {
  const text = '---\nid: order-created\nname: Order Created\nversion: 1.0\nbadges:\n  - content: New\n    textColor: blue\n---\n\n# Order created\n';
  assert.deepEqual(where('catalog/events/OrderCreated/index.mdx', text), ['4:10 catalog/version-not-string', '6:5 catalog/missing-property']);
});

test('a channel deliveryGuarantee must be one of the enum values', () => {
  const text = '---\nid: orders\nname: Orders\nversion: 1.0.0\ndeliveryGuarantee: at-least-one\n---\n';
  const r = validateText('catalog/channels/orders/index.mdx', text);
  assert.deepEqual(
    r?.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`),
    ['5:20 catalog/invalid-value'],
  );
  assert.match(r?.diagnostics[0]?.message ?? '', /at-least-once/);
});

test('x- keys are allowed; a resource without frontmatter is flagged, a doc page is not', () => {
  assert.deepEqual(where('c/services/S/index.mdx', '---\nid: s\nname: S\nversion: 1.0.0\nx-tier: 1\n---\n'), []);
  assert.deepEqual(where('c/services/S/index.mdx', '# no frontmatter\n'), ['1:1 catalog/missing-frontmatter']);
  assert.deepEqual(where('c/docs/runbook.mdx', '# Runbook\n'), []);
});

test('versioned/ folders must match the version in the file', () => {
  assert.deepEqual(where('c/events/E/versioned/0.9.0/index.mdx', '---\nid: e\nname: E\nversion: 1.0.0\n---\n'), ['4:10 catalog/version-folder-mismatch']);
});

test('the $schema modeline selects a schema', () => {
  assert.deepEqual(where('anything/x.yaml', '# $schema: ../schemas/event.schema.json\nname: a.b\nversion: 2\n'), ['3:10 event/version-not-string']);
  const custom = validateText('anything/y.yaml', '# $schema: ./s.json\nx: 1\n', { readLinked: (p: string) => (p === 'anything/s.json' ? '{"type":"object","properties":{"x":{"type":"string"}}}' : undefined) });
  assert.deepEqual(
    custom?.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`),
    ['2:4 schema/wrong-type'],
  );
  const missing = validateText('anything/z.yaml', '# $schema: ./nope.json\nx: 1\n', { readLinked: () => undefined });
  assert.equal(missing?.diagnostics[0]?.code, 'schema/not-found');
});

test('files that are none of ours are ignored', () => {
  assert.equal(validateText('docker-compose.yaml', 'services: {}\n'), undefined);
  assert.equal(validateText('README.md', '# hi\n'), undefined);
});
