import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventService } from '../../../src/core/events/eventService';
import { complete, definition, hover, quickFixes, symbols } from '../../../src/core/events/languageFeatures';
import { cursorContext } from '../../../src/core/events/cursor';

function apply(text: string, edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test('cursor context follows indentation through lists', () => {
  const lines = ['sends:', '  - id: a', '    to:', '      - id: ch', '        ver'];
  assert.deepEqual(cursorContext(lines, { line: 4, character: 11 })?.parent, ['sends', '0', 'to', '0']);
  assert.equal(cursorContext(['metadata:', '  specversion: '], { line: 1, character: 15 })?.key, 'specversion');
  // A later item's key: the earlier item's dash is a sibling, not a parent.
  assert.deepEqual(cursorContext(['sends:', '  - id: a', '  - id: b'], { line: 2, character: 9 })?.parent, ['sends', '0']);
  assert.deepEqual(cursorContext(['steps:', '  - uses: a', '  - ru'], { line: 2, character: 6 })?.parent, ['steps', '0']);
});

test('completion offers missing property names, enum values and known ids', () => {
  const s = new EventService();
  s.setFile('/w/events/a.yaml', 'name: order.created\nversion: "1.0.0"\n\n');
  const names = complete(s, '/w/events/a.yaml', { line: 2, character: 0 }).map((c) => c.label);
  assert.ok(names.includes('summary') && names.includes('payload'));
  assert.ok(!names.includes('version'), 'present keys are not offered again');
  s.setFile('/c/channels/orders/index.mdx', '---\nid: orders\nname: Orders\nversion: 1.0.0\ndeliveryGuarantee: \n---\n');
  assert.deepEqual(
    complete(s, '/c/channels/orders/index.mdx', { line: 4, character: 19 }).map((c) => c.label),
    ['at-most-once', 'at-least-once', 'exactly-once'],
  );
  s.setFile('/c/events/E/index.mdx', '---\nid: order-created\nname: E\nversion: 1.0.0\n---\n');
  s.setFile('/c/services/S/index.mdx', '---\nid: s\nname: S\nversion: 1.0.0\nsends:\n  - id: \n---\n');
  assert.ok(complete(s, '/c/services/S/index.mdx', { line: 5, character: 8 }).some((c) => c.label === 'order-created' && c.kind === 'reference'));
});

test('hover shows the schema description of a key', () => {
  const s = new EventService();
  s.setFile('/w/events/a.yaml', 'name: order.created\nmetadata:\n  specversion: "1.0"\n');
  assert.match(hover(s, '/w/events/a.yaml', { line: 0, character: 2 })?.markdown ?? '', /dot-separated|lower-case/);
  assert.match(hover(s, '/w/events/a.yaml', { line: 2, character: 4 })?.markdown ?? '', /CloudEvents/);
});

test('outline lists the keys with nested children', () => {
  const s = new EventService();
  s.setFile('/w/events/a.yaml', 'name: order.created\npayload:\n  orderId: UUID\n');
  const outline = symbols(s, '/w/events/a.yaml');
  assert.deepEqual(
    outline.map((x) => x.name),
    ['name', 'payload'],
  );
  assert.deepEqual(
    outline[1]?.children.map((x) => x.name),
    ['orderId'],
  );
  assert.equal(outline[1]?.selectionRange.start.line, 1);
});

test('go to definition from sends[].id to the event page', () => {
  const s = new EventService();
  s.setFile('/c/events/E/index.mdx', '---\nid: order-created\nname: E\nversion: 1.0.0\n---\n');
  s.setFile('/c/services/S/index.mdx', '---\nid: s\nname: S\nversion: 1.0.0\nsends:\n  - id: order-created\n---\n');
  const loc = definition(s, '/c/services/S/index.mdx', { line: 5, character: 10 });
  assert.equal(loc?.path, '/c/events/E/index.mdx');
  assert.equal(loc?.range.start.line, 1);
});

test('quick fixes: quote the version, rename a misspelled key, add a missing property', () => {
  const s = new EventService();
  const path = '/w/events/a.yaml';
  const text = 'name: order.created\nversion: 1.0\nsumary: hi\n';
  s.setFile(path, text);
  const fixes = quickFixes(s, path, s.diagnostics(path));
  assert.deepEqual(
    fixes.map((f) => f.title),
    ['Quote the version: "1.0.0"', 'Rename `sumary` to `summary`'],
  );
  assert.equal(
    apply(
      text,
      fixes.flatMap((f) => f.edits),
    ),
    'name: order.created\nversion: "1.0.0"\nsummary: hi\n',
  );

  const page = '---\nid: s\nname: S\nbadges:\n  - content: x\n    textColor: red\n---\n';
  s.setFile('/c/services/S/index.mdx', page);
  const add = quickFixes(s, '/c/services/S/index.mdx', s.diagnostics('/c/services/S/index.mdx'));
  const fixed = apply(
    page,
    add.flatMap((f) => f.edits),
  );
  s.setFile('/c/services/S/index.mdx', fixed);
  assert.deepEqual(
    s.diagnostics('/c/services/S/index.mdx').map((d) => d.code),
    [],
    fixed,
  );
});
