import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEventDefinition, loadEventDefinitions } from '../../../src/core/events/model';

test('loads the module 4 form with a field map payload', () => {
  const e = loadEventDefinition('eventType: order.created\npayload:\n  orderId: UUID\n  total: Money\nmetadata:\n  occurredAt: timestamp\n', 'a.yaml');
  assert.ok(e);
  assert.equal(e.name, 'order.created');
  assert.equal(e.form, 'module4');
  assert.deepEqual(e.payload, { kind: 'fields', fields: { orderId: 'UUID', total: 'Money' } });
  assert.deepEqual(e.metadata, { occurredAt: 'timestamp' });
});

test('loads the full form with an inline schema, a $ref and a numeric version', () => {
  const full = loadEventDefinition(
    'name: order.created\nversion: 1.0\nowners: [orders]\nproducers:\n  - id: order-service\nconsumers: [billing]\npayload:\n  type: object\n  properties:\n    orderId: { type: string }\nexamples:\n  - orderId: a\n',
    'b.yaml',
  );
  assert.ok(full);
  assert.equal(full.form, 'full');
  assert.equal(full.version, '1');
  assert.deepEqual(full.producers, ['order-service']);
  assert.deepEqual(full.consumers, ['billing']);
  assert.equal(full.payload?.kind, 'schema');
  assert.equal(full.examples.length, 1);
  const ref = loadEventDefinition('name: a.b\npayload:\n  $ref: ./a.schema.json\n', 'c.yaml');
  assert.deepEqual(ref?.payload, { kind: 'ref', ref: './a.schema.json' });
});

test('loads several events and survives broken input', () => {
  assert.equal(loadEventDefinitions('name: a.b\n---\nname: c.d\n', 'm.yaml').length, 2);
  assert.equal(loadEventDefinitions('events:\n  - name: a.b\n  - name: c.d\n', 'm.yaml')[1]?.name, 'c.d');
  assert.equal(loadEventDefinition(': : [', 'x.yaml'), undefined);
  assert.equal(
    loadEventDefinition(
      'a: &a [1]\nb: [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n',
      'bomb.yaml',
    ),
    undefined,
  );
});
