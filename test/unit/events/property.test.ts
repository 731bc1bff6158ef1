// Fuzzing the core with generated YAML: it must never throw, and every
// diagnostic range must lie inside the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { validateText } from '../../../src/core/events/validate';
import { EventService } from '../../../src/core/events/eventService';
import { complete, hover, symbols } from '../../../src/core/events/languageFeatures';

const keys = fc.constantFrom(
  'name',
  'eventType',
  'version',
  'title',
  'summary',
  'owners',
  'producers',
  'consumers',
  'payload',
  'metadata',
  'examples',
  'sumary',
  'x-team',
  '$ref',
  'id',
  'sends',
  'receives',
  'events',
  'services',
  'schema',
  'specversion',
  'time',
  'type',
  'properties',
  'required',
);
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constantFrom('1.0', '1.0.0', 'order.created', 'UUID', '2025-01-01T00:00:00Z', 'object'));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(keys, tie('node'), { maxKeys: 5 })),
})).node;

function checkRanges(text: string, path: string): void {
  const r = validateText(path, text);
  const lines = text.split('\n').length;
  for (const d of r?.diagnostics ?? []) {
    assert.ok(d.range.start.line >= 0 && d.range.start.line < lines + 1, `line ${d.range.start.line} of ${lines}`);
    assert.ok(d.range.start.character >= 0);
    assert.ok(typeof d.message === 'string' && d.message.length > 0);
  }
}

test('10,000 generated YAML documents never make the core throw', () => {
  let n = 0;
  fc.assert(
    fc.property(value, fc.constantFrom('w/events/e.yaml', 'eventcatalog.yaml', 'c/services/S/index.mdx'), (v, path) => {
      n++;
      const yaml = stringify(v);
      checkRanges(path.endsWith('.mdx') ? `---\n${yaml}---\n` : yaml, path);
    }),
    { numRuns: 8000 },
  );
  // Plus arbitrary text (mostly invalid YAML).
  fc.assert(
    fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => {
      n++;
      checkRanges(text, 'w/events/e.yaml');
    }),
    { numRuns: 2000 },
  );
  assert.ok(n >= 10_000);
});

test('editor features never throw on generated text and positions', () => {
  fc.assert(
    fc.property(value, fc.nat(20), fc.nat(40), (v, line, character) => {
      const s = new EventService();
      const path = '/w/events/e.yaml';
      s.setFile(path, stringify(v));
      complete(s, path, { line, character });
      hover(s, path, { line, character });
      symbols(s, path);
    }),
    { numRuns: 1500 },
  );
});
