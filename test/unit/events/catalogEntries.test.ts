// The course catalog validated entry by entry (catalogEntries.ts) says exactly
// what the whole-file validation says, after any sequence of edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EventService } from '../../../src/core/events/eventService';
import { newEntryCache, splitCatalog, validateCatalogEntries } from '../../../src/core/events/catalogEntries';
import { extractFacts } from '../../../src/core/events/facts';
import { validateText } from '../../../src/core/events/validate';
import { hover, symbols } from '../../../src/core/events/languageFeatures';

function catalog(n: number): string {
  const out = ['name: Shop', 'version: "1.0.0"', 'events:'];
  for (let i = 0; i < n; i++) {
    out.push(`  - name: shop.event${i}.created`, `    title: Event ${i}`, `    version: ${i % 7 === 0 ? '"1.0"' : '"1.0.0"'}`, '    schema:', `      $ref: ./schemas/e${i}.json`);
  }
  out.push('services:', '  - name: orders', '    sends:', '      - shop.event1.created', '      - shop.nothing.sent');
  return `${out.join('\n')}\n`;
}

const file = '/ws/eventcatalog.yaml';
const schemas = (p: string) => (/\/schemas\/e\d*[02468]\.json$/.test(p) ? '{"type":"object"}' : undefined);

function whole(text: string): string[] {
  const fresh = new EventService({ readLinked: schemas });
  // The service's first validation of a file is the whole-file one.
  fresh.setFile(file, text);
  return fresh.diagnostics(file).map((d) => JSON.stringify(d));
}

test('the events list is cut into one text per entry, the rest kept as the skeleton', () => {
  const split = splitCatalog(catalog(3));
  assert.deepEqual(
    split?.entries.map((e) => e.line),
    [3, 8, 13],
  );
  assert.match(split?.skeleton ?? '', /^name: Shop\nversion: "1.0.0"\nevents: \[\]\n\n/);
  assert.equal(splitCatalog('events: &a\n  - name: a.b\n'), undefined);
  assert.equal(splitCatalog('events: [a, b]\n'), undefined);
});

test('after edits, insertions and deletions, entry-by-entry diagnostics equal the whole-file ones', () => {
  const s = new EventService({ readLinked: schemas });
  let text = catalog(40);
  s.setFile(file, text);
  const edits: Array<(t: string) => string> = [
    (t) => t.replace('title: Event 5\n', 'title: Event 5\n    sumary: typo\n'),
    (t) => t.replace('  - name: shop.event3.created\n', '  - name: shop.event3.created\n    owners: 7\n'),
    (t) => t.replace('  - name: shop.event10.created', '  - name: Shop Event Ten'),
    (t) => t.replace(/ {2}- name: shop\.event20\.created\n(?: {4}.*\n)+/, ''),
    (t) => t.replace('version: "1.0.0"\nevents:', 'version: 1.0\nevents:'),
    (t) => t.replace('    title: Event 30\n', '    title: Event 30\n    version: "2.0.0"\n'),
    (t) => t.replace('  - name: shop.event1.created', '  - title: no name'),
  ];
  for (const edit of edits) {
    text = edit(text);
    s.setFile(file, text);
    assert.deepEqual(
      s.diagnostics(file).map((d) => JSON.stringify(d)),
      whole(text),
    );
  }
  const facts = extractFacts(s.result(file)!);
  const full = extractFacts(validateText(file, text)!);
  assert.deepEqual(JSON.stringify(facts.definitions.map((d) => [d.id, d.range, d.versionRange])), JSON.stringify(full.definitions.map((d) => [d.id, d.range, d.versionRange])));
  assert.deepEqual(
    facts.references.map((r) => r.pointer),
    full.references.map((r) => r.pointer),
  );
});

test('an edit of one entry of 1,000 costs milliseconds, not a whole validation', () => {
  const s = new EventService();
  const text = catalog(1000);
  s.setFile(file, text);
  s.diagnostics(file);
  const cpu: number[] = [];
  for (let i = 0; i < 21; i++) {
    const before = process.cpuUsage();
    s.setFile(file, text.replace('title: Event 500\n', `title: Event 500 (${i})\n`));
    s.diagnostics(file);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = [...cpu].sort((a, b) => a - b)[10] as number;
  assert.ok(median < 40, `median CPU ${median.toFixed(1)} ms per edit`);
});

test('after the first validation, an edit of one entry validates that entry, never the whole file again', () => {
  const cache = newEntryCache();
  let wholes = 0;
  const validateWhole = (t: string) => {
    wholes++;
    return validateText(file, t, { kind: { type: 'event-catalog-yaml' } })!;
  };
  const text = catalog(50);
  validateCatalogEntries(file, text, cache, validateWhole);
  assert.equal(wholes, 1);
  for (let i = 0; i < 3; i++) validateCatalogEntries(file, text.replace('title: Event 25\n', `title: Event 25 (${i})\n`), cache, validateWhole);
  assert.equal(wholes, 1, 'an edit validated the whole file: the first validation was never filed by entry');
});

test('a catalog opened broken, or not of the plain shape, then edited: every step says what the whole-file validation says', () => {
  const plain = catalog(12);
  const openings = [
    plain.replace('    title: Event 4\n', '    title: [Event 4\n'), // a YAML error: its full result is never filed
    plain.replace('events:\n', 'events: &all\n'), // an anchor: not cut into entries
    plain.replace('\n', '\r\n'), // not plain either at first line
  ];
  for (const opened of openings) {
    const s = new EventService({ readLinked: schemas });
    s.setFile(file, opened);
    assert.deepEqual(
      s.diagnostics(file).map((d) => JSON.stringify(d)),
      whole(opened),
    );
    for (const text of [plain, plain.replace('title: Event 7\n', 'title: Event 7\n    sumary: typo\n'), opened, plain]) {
      s.setFile(file, text);
      assert.deepEqual(
        s.diagnostics(file).map((d) => JSON.stringify(d)),
        whole(text),
        `after opening ${JSON.stringify(opened.slice(0, 40))}`,
      );
    }
  }
});

test('an opened catalog keeps no parse tree or values (its facts neither), yet ranges, symbols and hover read the file as a full validation does', async () => {
  const text = catalog(20);
  const cache = newEntryCache();
  let tree: WeakRef<object> | undefined;
  let values: WeakRef<object> | undefined;
  const result = validateCatalogEntries(file, text, cache, (t) => {
    const r = validateText(file, t, { kind: { type: 'event-catalog-yaml' } })!;
    tree = new WeakRef(r.parsed!);
    values = new WeakRef(r.parsed!.docs[0]!.value as object);
    return r;
  })!;
  await collectGarbage();
  assert.equal(tree?.deref(), undefined, 'the tree of the opened catalog is still reachable: a thousand entries survive into the old generation');
  assert.equal(values?.deref(), undefined, 'the values of the opened catalog are still reachable');
  const full = validateText(file, text, { kind: { type: 'event-catalog-yaml' } })!;
  const facts = extractFacts(full);
  const ranges = (f: typeof facts) => [...f.definitions.map((d) => [d.id, d.range, d.versionRange]), ...f.schemaLinks.map((l) => [l.ref, l.range])];
  assert.deepEqual(ranges(result.facts!), ranges(facts));
  assert.deepEqual(
    result.parsed?.docs.map((d) => d.value),
    full.parsed?.docs.map((d) => d.value),
  );
  const opened = new EventService({ readLinked: schemas });
  opened.setFile(file, text);
  assert.deepEqual(
    symbols(opened, file).map((x) => x.name),
    ['name', 'version', 'events', 'services'],
  );
  const at = { line: text.split('\n').indexOf('    title: Event 3'), character: 6 };
  assert.ok(hover(opened, file, at), 'no hover on an entry of the opened catalog');
});

/** A full collection, with the flag that allows it turned on in this process. */
async function collectGarbage(): Promise<void> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // WeakRefs are kept alive until the end of the current job.
  await new Promise((r) => setImmediate(r));
  gc();
}
