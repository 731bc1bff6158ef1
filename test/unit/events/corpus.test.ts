// EventCatalog 4.7.5's own example catalogs (read where they lie, never copied):
// no errors from single-file and cross-file checks beyond the kinds EventCatalog's
// linter also reports as errors there (dangling references, refs/resource-exists,
// and an ADR's appliesTo type `system`; linterParity.test.ts compares file by file).
const linterAgrees = (code: string, message: string) => code === 'reference/not-found' || (code === 'catalog/invalid-value' && /^`appliesTo\[\d+\]\.type` is `system`/.test(message));
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EventService } from '../../../src/core/events/eventService';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const examples = path.resolve(repoRoot, '..', 'shared', 'corpus', 'eventcatalog', 'examples');
const skip = fs.existsSync(examples) ? false : `corpus not found at ${examples}`;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

const readDisk = (p: string) => {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
};

// Each example is its own catalog (federation holds three catalogs).
const catalogs = ['default', 'ssr', 'federation/central/catalog', 'federation/team-payments/catalog', 'federation/team-fulfilment/catalog'];

for (const name of catalogs) {
  test(`EventCatalog example '${name}': no errors but those the linter also reports`, { skip }, () => {
    const service = new EventService({ readLinked: readDisk });
    const files = filesUnder(path.join(examples, name));
    let recognised = 0;
    for (const f of files) if (service.setFile(f, fs.readFileSync(f, 'utf8'))) recognised++;
    const errors = service.paths().flatMap((p) =>
      service
        .diagnostics(p)
        .filter((d) => d.severity === 'error' && !linterAgrees(d.code, d.message))
        .map((d) => `${path.relative(examples, p)}:${d.range.start.line + 1} ${d.code} ${d.message}`),
    );
    assert.deepEqual(errors, []);
    assert.ok(recognised > 0);
  });
}

test('every .mdx of the default example is recognised as an EventCatalog page', { skip }, () => {
  const service = new EventService();
  const mdx = filesUnder(path.join(examples, 'default')).filter((f) => f.endsWith('.mdx'));
  const unrecognised = mdx.filter((f) => !service.setFile(f, fs.readFileSync(f, 'utf8')));
  assert.deepEqual(
    unrecognised.map((f) => path.relative(examples, f)),
    [],
  );
  assert.ok(mdx.length > 200, `only ${mdx.length} pages`);
});

test('the two federation files without frontmatter are not flagged', { skip }, () => {
  const service = new EventService();
  for (const rel of ['federation/central/catalog/domains/commerce/ubiquitous-language.mdx', 'federation/team-payments/catalog/services/payment-service/docs/runbook.mdx']) {
    const f = path.join(examples, rel);
    service.setFile(f, fs.readFileSync(f, 'utf8'));
    assert.deepEqual(service.diagnostics(f), [], rel);
  }
});

test('a planted error in a real page is found at its line', { skip }, () => {
  const f = path.join(examples, 'default/channels/payments.outcomes/index.mdx');
  const text = fs.readFileSync(f, 'utf8').replace('deliveryGuarantee: at-least-once', 'deliveryGuarantee: at-least-twice');
  const line = text.split('\n').findIndex((l) => l.startsWith('deliveryGuarantee'));
  const service = new EventService();
  service.setFile(f, text);
  const d = service.diagnostics(f).filter((x) => x.code === 'catalog/invalid-value');
  assert.equal(d.length, 1);
  assert.equal(d[0]?.range.start.line, line);
});
