// The syllabus's own `version: "1.0"` in the course's YAML is a warning with a
// quick fix to "1.0.0"; an EventCatalog page still needs full semver (an error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventService } from '../../../src/core/events/eventService';
import { quickFixes } from '../../../src/core/events/languageFeatures';

function check(path: string, text: string): { found: string[]; fixes: string[] } {
  const s = new EventService();
  s.setFile(path, text);
  const d = s.diagnostics(path);
  return { found: d.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.severity} ${x.code}`), fixes: quickFixes(s, path, d).map((f) => `${f.title} -> ${f.edits.map((e) => e.newText).join('')}`) };
}

test('module 8 catalog: "1.0" is a warning, fixed to "1.0.0"', () => {
  const r = check('/w/eventcatalog.yaml', 'events:\n  - name: order.created\n    title: Order Created\n    version: "1.0"\n    schema:\n      $ref: "./schemas/order-created.json"\n');
  assert.ok(r.found.includes('4:14 warning catalog/two-part-version'), r.found.join('\n'));
  assert.ok(!r.found.some((f) => / error catalog\//.test(f)), r.found.join('\n'));
  assert.deepEqual(r.fixes, ['Make the version "1.0.0" -> "1.0.0"']);
});

test('event YAML: "2.1" is a warning; a page of an EventCatalog keeps the error', () => {
  assert.deepEqual(check('/w/events/a.yaml', 'name: order.created\nversion: "2.1"\n').found, ['2:10 warning event/two-part-version']);
  assert.deepEqual(check('/w/catalog/events/A/index.mdx', '---\nid: a\nname: A\nversion: "1.0"\n---\n').found, ['4:10 error catalog/invalid-version']);
});
