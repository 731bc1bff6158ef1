import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventService } from '../../../src/core/events/eventService';

/** An in-memory workspace: every file given to the service, no disk. */
function workspace(files: Record<string, string>): EventService {
  const service = new EventService({ readLinked: (p: string) => files[p] });
  for (const [path, text] of Object.entries(files)) service.setFile(path, text);
  return service;
}

function where(service: EventService, path: string): string[] {
  return service.diagnostics(path).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
}

const page = (fm: string) => `---\n${fm}\n---\n\nBody\n`;

test('sends/receives resolve to messages, with versions and ranges', () => {
  const s = workspace({
    '/c/events/OrderCreated/index.mdx': page('id: order-created\nname: Order Created\nversion: 1.2.0'),
    '/c/services/Orders/index.mdx': page('id: orders\nname: Orders\nversion: 1.0.0\nsends:\n  - id: order-created\n    version: ^1.0.0\n  - id: order-createdd\n  - id: order-created\n    version: 2.x'),
    '/c/services/Billing/index.mdx': page('id: billing\nname: Billing\nversion: 1.0.0\nreceives:\n  - id: order-created\n    version: latest'),
  });
  assert.deepEqual(where(s, '/c/services/Orders/index.mdx'), ['8:9 reference/not-found', '9:9 reference/version-not-found']);
  assert.deepEqual(where(s, '/c/services/Billing/index.mdx'), []);
});

test('an event consumed but never produced is reported where it is consumed', () => {
  const s = workspace({
    '/c/events/A/index.mdx': page('id: a\nname: A\nversion: 1.0.0'),
    '/c/services/S/index.mdx': page('id: s\nname: S\nversion: 1.0.0\nreceives:\n  - id: a'),
  });
  assert.deepEqual(where(s, '/c/services/S/index.mdx'), ['6:9 event/consumed-not-produced']);
  s.setFile('/c/services/P/index.mdx', page('id: p\nname: P\nversion: 1.0.0\nsends:\n  - id: a'));
  assert.deepEqual(where(s, '/c/services/S/index.mdx'), []);
  s.removeFile('/c/services/P/index.mdx');
  assert.deepEqual(where(s, '/c/services/S/index.mdx'), ['6:9 event/consumed-not-produced']);
});

test('duplicate ids are reported on both files', () => {
  const s = workspace({
    '/w/events/a.yaml': 'name: order.created\nversion: "1.0.0"\n',
    '/w/events/b.yaml': 'name: order.created\nversion: "1.0.0"\n',
  });
  assert.deepEqual(where(s, '/w/events/a.yaml'), ['1:7 reference/duplicate-id']);
  assert.deepEqual(where(s, '/w/events/b.yaml'), ['1:7 reference/duplicate-id']);
});

test('$ref and schemaPath must resolve to valid JSON Schemas, and examples must match', () => {
  const s = workspace({
    '/w/events/a.yaml': 'name: order.created\npayload:\n  $ref: ./a.schema.json\nexamples:\n  - total: 3\n  - total: three\n',
    '/w/events/a.schema.json': '{"type":"object","properties":{"total":{"type":"number"}}}',
    '/w/events/b.yaml': 'name: order.paid\npayload:\n  $ref: ./missing.json\n',
    '/w/events/c.yaml': 'name: order.shipped\npayload:\n  $ref: ./bad.json\n',
    '/w/events/bad.json': '{"type": 12}',
    '/c/events/E/index.mdx': page('id: e\nname: E\nversion: 1.0.0\nschemaPath: schema.json'),
  });
  assert.deepEqual(where(s, '/w/events/a.yaml'), ['6:5 event/example-mismatch']);
  assert.deepEqual(where(s, '/w/events/b.yaml'), ['3:9 reference/schema-not-found']);
  assert.deepEqual(where(s, '/w/events/c.yaml'), ['3:9 reference/invalid-schema']);
  assert.deepEqual(where(s, '/c/events/E/index.mdx'), ['5:13 reference/schema-not-found']);
});

test('a breaking payload change against versioned/ needs a major bump', () => {
  const files = {
    '/c/events/E/index.mdx': page('id: e\nname: E\nversion: 1.1.0\nschemaPath: schema.json'),
    '/c/events/E/schema.json': '{"type":"object","required":["id","total"],"properties":{"id":{"type":"string"},"total":{"type":"number"}}}',
    '/c/events/E/versioned/1.0.0/index.mdx': page('id: e\nname: E\nversion: 1.0.0\nschemaPath: schema.json'),
    '/c/events/E/versioned/1.0.0/schema.json': '{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}',
  };
  const s = workspace(files);
  const d = s.diagnostics('/c/events/E/index.mdx');
  assert.deepEqual(
    d.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.code}`),
    ['4:10 event/breaking-change'],
  );
  assert.match(d[0]?.message ?? '', /required field `total` added/);
  assert.match(d[0]?.message ?? '', /`id` changed from integer to string/);
  s.setFile('/c/events/E/index.mdx', page('id: e\nname: E\nversion: 2.0.0\nschemaPath: schema.json'));
  assert.deepEqual(where(s, '/c/events/E/index.mdx'), []);
});

test('producers/consumers are checked only when services are defined', () => {
  const lonely = workspace({ '/w/events/a.yaml': 'name: a.b\nproducers: [ghost]\n' });
  assert.deepEqual(where(lonely, '/w/events/a.yaml'), []);
  const s = workspace({
    '/w/events/a.yaml': 'name: a.b\nproducers: [ghost]\nconsumers: [orders]\n',
    '/w/eventcatalog.yaml': 'events:\n  - name: a.b\n    version: "1.0.0"\nservices:\n  - name: orders\n    receives: [a.b]\n',
  });
  assert.deepEqual(where(s, '/w/events/a.yaml'), ['2:13 reference/not-found']);
});
