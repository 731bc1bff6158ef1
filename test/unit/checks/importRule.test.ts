import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { nodeCourseFs, runChecks, type CheckSpec, type ModuleSpec } from '../../../src/core/checks';
import { parseGoListJson } from '../../../src/core/checks/importRuleCheck';
import { fakeGo, tempFolder } from './helpers';

const layers: CheckSpec = {
  id: 'layers',
  kind: 'import-rule',
  title: 'domain imports nothing outward',
  rules: [{ from: 'domain', mayNotImport: ['usecase', 'interface', 'infra', 'net/http'] }],
};
const spec: ModuleSpec = { title: 't', description: 'd', steps: [], checks: [layers], expect: { starterFails: [], starterMessages: {} } };

/** `go list -json` output for packages given as [relative dir, imports, files]. */
function goList(folder: string, pkgs: Array<[string, string[], string[]]>): string {
  return pkgs
    .map(([rel, imports, files]) => JSON.stringify({ Dir: path.join(folder, rel), ImportPath: rel ? `example.com/shop/${rel}` : 'example.com/shop', GoFiles: files, Imports: imports, Module: { Path: 'example.com/shop' } }, null, '\t'))
    .join('\n');
}

describe('import-rule', () => {
  it('parses the stream of JSON objects go list prints', () => {
    const out = '{\n\t"ImportPath": "a",\n\t"Imports": ["b"]\n}\n{\n\t"ImportPath": "b"\n}\n';
    assert.deepEqual(
      parseGoListJson(out).map((p) => p.ImportPath),
      ['a', 'b'],
    );
  });

  it('passes when domain imports only the standard library', async () => {
    const f = tempFolder({ 'go.mod': 'module example.com/shop\n' });
    try {
      const stdout = goList(f.dir, [
        ['domain', ['errors', 'time'], ['order.go']],
        ['usecase', ['example.com/shop/domain'], ['order.go']],
        ['infra/memory', ['example.com/shop/domain', 'sync'], ['repo.go']],
      ]);
      const runner = fakeGo(() => ({ stdout }));
      const [r] = await runChecks(spec, f.dir, { runner, fs: nodeCourseFs });
      assert.equal(r?.status, 'pass', r?.message);
      assert.deepEqual(runner.calls[0]?.args, ['list', '-e', '-json', './...']);
    } finally {
      f.dispose();
    }
  });

  it('fails with the file and line of an outward import', async () => {
    const order = 'package domain\n\nimport (\n\t"errors"\n\n\t"example.com/shop/infra/postgres"\n)\n';
    const f = tempFolder({ 'go.mod': 'module example.com/shop\n', 'domain/order.go': order });
    try {
      const stdout = goList(f.dir, [
        ['domain', ['errors', 'example.com/shop/infra/postgres'], ['order.go']],
        ['infra/postgres', ['database/sql'], ['repo.go']],
      ]);
      const [r] = await runChecks(spec, f.dir, { runner: fakeGo(() => ({ stdout })), fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.deepEqual(r?.location, { file: 'domain/order.go', line: 6 });
      assert.match(r?.message ?? '', /example\.com\/shop\/domain imports example\.com\/shop\/infra\/postgres, but domain may not depend on infra/);
    } finally {
      f.dispose();
    }
  });

  it('forbids standard-library paths too (net/http in the domain)', async () => {
    const f = tempFolder({ 'go.mod': 'module example.com/shop\n', 'domain/h.go': 'package domain\nimport "net/http"\n' });
    try {
      const stdout = goList(f.dir, [['domain', ['net/http'], ['h.go']]]);
      const [r] = await runChecks(spec, f.dir, { runner: fakeGo(() => ({ stdout })), fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.deepEqual(r?.location, { file: 'domain/h.go', line: 2 });
    } finally {
      f.dispose();
    }
  });

  it('fails when there is no package in the layer yet (a starter before the refactor)', async () => {
    const f = tempFolder({ 'go.mod': 'module example.com/shop\n' });
    try {
      const stdout = goList(f.dir, [['', ['net/http'], ['main.go']]]);
      const [r] = await runChecks(spec, f.dir, { runner: fakeGo(() => ({ stdout })), fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.match(r?.message ?? '', /No Go package found under domain\//);
    } finally {
      f.dispose();
    }
  });
});
