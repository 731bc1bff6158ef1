// The fields of the kinds added for modules 2, 5, 8 and 10 (mermaid-layers,
// event-seen, event-catalog-builds) are declared with defineCheckKind: a bad or
// misspelt field in module.json is named, not silently ignored.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { findCheckKind } from '../../../src/core/checks/registry';

const problems = (kind: string, fields: Record<string, unknown>): string[] => findCheckKind(kind)?.validate({ id: 'c', kind, title: 't', ...fields }) ?? ['unknown kind'];

test('event-seen needs a type and a NATS URL, and names a misspelt field', () => {
  assert.deepEqual(problems('event-seen', { type: 'order.created', server: 'nats://127.0.0.1:4222', subjects: ['order.>'] }), []);
  assert.match(problems('event-seen', { type: 'order.created', server: 'http://127.0.0.1:4222' }).join('\n'), /"server" "http:\/\/127\.0\.0\.1:4222" must look like a NATS URL/);
  const typo = problems('event-seen', { tpye: 'order.created' }).join('\n');
  assert.match(typo, /"type" is required/);
  assert.match(typo, /"tpye" is not a field here/);
});

test('mermaid-layers needs a glob and at least two rings', () => {
  assert.deepEqual(problems('mermaid-layers', { glob: 'README.md', rings: ['domain', 'usecase', 'interface|infra'] }), []);
  assert.deepEqual(problems('mermaid-layers', { glob: 'README.md', rings: ['domain'] }), ['"rings" must name at least two layers']);
  assert.match(problems('mermaid-layers', { rings: ['domain', 'usecase'] }).join('\n'), /"glob" is required/);
});

test('event-catalog-builds takes a whole number of minutes, 1 or more', () => {
  assert.deepEqual(problems('event-catalog-builds', { catalog: 'eventcatalog', timeoutMinutes: 15 }), []);
  assert.match(problems('event-catalog-builds', { timeoutMinutes: 0 }).join('\n'), /"timeoutMinutes" must be a whole number, 1 or more/);
});
