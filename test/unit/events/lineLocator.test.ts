// The indentation-based locator must agree with the full YAML parser wherever it answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, stringify, type Node } from 'yaml';
import { LineLocator } from '../../../src/core/events/lineLocator';

const keys = fc.constantFrom('name', 'version', 'owners', 'payload', 'id', 'sends', 'to', 'x-a', 'metadata', 'type');
const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constantFrom('1.0', 'a b', 'x # y', "it's"));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(keys, tie('node'), { maxKeys: 4 })),
})).node;

/** Every pointer of a document with the start of its key and value, from the AST. */
function pointers(node: Node | null, prefix: string, lc: LineCounter, out: Array<{ pointer: string; key?: string | undefined; value?: string | undefined }>): void {
  const at = (n: Node | null | undefined) => {
    if (!n?.range) return undefined;
    const p = lc.linePos(n.range[0]);
    return `${p.line - 1}:${p.col - 1}`;
  };
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const pointer = `${prefix}/${String(pair.key.value).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      out.push({ pointer, key: at(pair.key as Node), value: at(pair.value as Node) });
      pointers(pair.value as Node, pointer, lc, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      out.push({ pointer: `${prefix}/${i}`, value: at(item as Node) });
      pointers(item as Node, `${prefix}/${i}`, lc, out);
    });
  }
}

test('locator ranges equal the parser ranges on 3,000 generated documents', () => {
  let answered = 0;
  fc.assert(
    fc.property(fc.array(value, { minLength: 1, maxLength: 2 }), (values) => {
      const text = values.map((v) => stringify(v)).join('---\n');
      const lc = new LineCounter();
      const docs = parseAllDocuments(text, { lineCounter: lc });
      if (!Array.isArray(docs) || docs.some((d) => d.errors.length)) return;
      const locator = new LineLocator(text);
      docs.forEach((doc, i) => {
        const all: Array<{ pointer: string; key?: string; value?: string }> = [];
        pointers(doc.contents as Node, '', lc, all);
        for (const p of all) {
          const got = locator.locate(i, p.pointer);
          if (!got) continue;
          answered++;
          const pos = (r: { start: { line: number; character: number } } | undefined) => (r ? `${r.start.line}:${r.start.character}` : undefined);
          if (p.key !== undefined && got.key) assert.equal(pos(got.key), p.key, `key of ${p.pointer} in\n${text}`);
          if (p.value !== undefined && got.value && isScalarAt(doc, p.pointer)) assert.equal(pos(got.value), p.value, `value of ${p.pointer} in\n${text}`);
        }
      });
    }),
    { numRuns: 3000 },
  );
  assert.ok(answered > 1000, `the locator answered only ${answered} times`);
});

function isScalarAt(doc: ReturnType<typeof parseAllDocuments>[number], pointer: string): boolean {
  const path = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const n =
    'getIn' in doc
      ? doc.getIn(
          path.map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
          true,
        )
      : undefined;
  return isScalar(n);
}

test('flow sequences of plain scalars on one line', () => {
  const l = new LineLocator('owners: [a, bb , c]\nsends:\n  - id: x\n    to: [q]\n');
  assert.deepEqual(l.locate(0, '/owners/1')?.value, { start: { line: 0, character: 12 }, end: { line: 0, character: 14 } });
  assert.deepEqual(l.locate(0, '/sends/0/to/0')?.value, { start: { line: 3, character: 9 }, end: { line: 3, character: 10 } });
  assert.equal(l.locate(0, '/owners/5'), undefined);
});

test('documents are counted as the parser counts them: a comment before the first `---` is no document of its own', () => {
  // The header comment of many Kubernetes manifests: `kind` of document 1 is on line 8, not document 0's line 3.
  const text = '# Order service\n---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: apps/v1\nkind: Deployment\n';
  const l = new LineLocator(text);
  assert.equal(l.documentCount, 2);
  assert.equal(l.locate(0, '/kind')?.key?.start.line, 3);
  assert.equal(l.locate(1, '/kind')?.key?.start.line, 7);
  assert.equal(new LineLocator('---\n---\na: 1\n').documentCount, 2);
});
