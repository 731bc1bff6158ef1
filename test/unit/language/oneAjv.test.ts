// One Ajv registry: no file of src/ creates an Ajv instance but src/core/schema/ajvRegistry.ts, and the
// kinds that compile schemas (events, workflows, Kubernetes) get theirs from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ajvFor } from '../../../src/core/schema/ajvRegistry';
import { getAjv } from '../../../src/core/events/schemas';
import { validateWorkflowText } from '../../../src/core/checks/kinds/workflow';

const src = path.resolve(__dirname, '..', '..', '..', 'src');

function* tsFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* tsFiles(p);
    else if (e.name.endsWith('.ts')) yield p;
  }
}

test('only the registry creates Ajv instances', () => {
  const creators = [...tsFiles(src)].filter((f) => /new Ajv(2019|2020)?\(/.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(src, f).replace(/\\/g, '/'));
  assert.deepEqual(creators, ['core/schema/ajvRegistry.ts']);
});

test('the events and the workflow check compile with the registry instance', () => {
  assert.equal(getAjv(), ajvFor('draft-07'));
  assert.ok(validateWorkflowText('on:\n  pushh: {}\njobs: {}\n').length > 0, 'the workflow schema compiles and reports');
});
