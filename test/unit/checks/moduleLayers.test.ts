// Derived modules: a module.json `base` lays the module's own starter/solution
// over another module's solution, for scaffolding and for the course's tests.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyScaffold, composedFiles, folderLayers, loadModule, planScaffold, validateModuleSpec } from '../../../src/core/checks';
import { findModule } from '../../../src/core/modules';
import { tempFolder } from './helpers';

const minimal = { title: 'T', description: 'D', steps: [{ id: 's', title: 'S', description: 'x', media: { markdown: 'a.md' }, completion: 'read' }] };

/** Two modules on disk: 05 has a solution, 06 derives its starter from it. */
function twoModules(base06: unknown = '05-event-driven-services') {
  return tempFolder({
    '05-event-driven-services/module.json': JSON.stringify({ ...minimal, solution: 'solution' }),
    '05-event-driven-services/a.md': '# S\n',
    '05-event-driven-services/solution/go.mod': 'module shop\n',
    '05-event-driven-services/solution/main.go': 'package main // base\n',
    '05-event-driven-services/solution/keep.go': 'package main // kept\n',
    '06-docker-kubernetes/module.json': JSON.stringify({ ...minimal, base: base06, starter: 'starter' }),
    '06-docker-kubernetes/a.md': '# S\n',
    '06-docker-kubernetes/starter/main.go': 'package main // module 6\n',
    '06-docker-kubernetes/starter/Dockerfile': 'FROM scratch\n',
  });
}

describe('module layers', () => {
  it("lays the module's own files over its base's solution", () => {
    const f = twoModules();
    try {
      const m6 = loadModule(f.dir, '06-docker-kubernetes');
      const layers = folderLayers(m6, 'starter');
      assert.deepEqual(
        layers.map((l) => path.relative(f.dir, l)),
        ['05-event-driven-services/solution', '06-docker-kubernetes/starter'],
      );
      const files = composedFiles(layers);
      assert.deepEqual([...files.keys()], ['Dockerfile', 'go.mod', 'keep.go', 'main.go']);
      assert.equal(path.relative(f.dir, files.get('main.go')!), '06-docker-kubernetes/starter/main.go');
    } finally {
      f.dispose();
    }
  });

  it('scaffolds the composed folder', async () => {
    const f = twoModules();
    try {
      const target = path.join(f.dir, 'lab');
      const written = await applyScaffold(planScaffold(findModule(6)!, folderLayers(loadModule(f.dir, 6), 'starter'), target));
      assert.deepEqual(written.sort(), ['.edgo-module.json', 'Dockerfile', 'go.mod', 'keep.go', 'main.go']);
      assert.equal(fs.readFileSync(path.join(target, 'main.go'), 'utf8'), 'package main // module 6\n');
      assert.equal(fs.readFileSync(path.join(target, 'keep.go'), 'utf8'), 'package main // kept\n');
    } finally {
      f.dispose();
    }
  });

  it('rejects a base that is not a module, and a cycle', () => {
    const f = twoModules('04-nowhere');
    try {
      const data = JSON.parse(fs.readFileSync(path.join(f.dir, '06-docker-kubernetes', 'module.json'), 'utf8')) as unknown;
      const { problems } = validateModuleSpec(data, path.join(f.dir, '06-docker-kubernetes'));
      assert.deepEqual(
        problems.map((p) => `${p.at}: ${p.message}`),
        ['base: 04-nowhere is not a module next to this one'],
      );
    } finally {
      f.dispose();
    }
    const g = twoModules('06-docker-kubernetes');
    try {
      assert.throws(() => folderLayers(loadModule(g.dir, 6), 'starter'), /cycle/);
    } finally {
      g.dispose();
    }
  });
});
