import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyScaffold, planScaffold, readMarker } from '../../../src/core/checks';
import { findModule } from '../../../src/core/modules';
import { fixtureModules, tempFolder } from './helpers';

const module1 = findModule(1)!;
const starter = path.join(fixtureModules, '01-go-foundations', 'starter');

describe('scaffold', () => {
  it('copies the starter and writes the marker into an empty folder', async () => {
    const f = tempFolder({});
    try {
      const target = path.join(f.dir, 'lab', '01-go-foundations');
      const plan = planScaffold(module1, starter, target);
      assert.deepEqual(plan.conflicts, []);
      const written = await applyScaffold(plan);
      assert.deepEqual(written.sort(), ['.edgo-module.json', 'go.mod', 'main.go', 'main_test.go']);
      assert.equal(readMarker(target)?.slug, '01-go-foundations');
      assert.equal(fs.readFileSync(path.join(target, 'main.go'), 'utf8'), fs.readFileSync(path.join(starter, 'main.go'), 'utf8'));
    } finally {
      f.dispose();
    }
  });

  it('lists a differing existing file as a conflict and never overwrites it', async () => {
    const f = tempFolder({ 'main.go': 'package main // mine\n', 'go.mod': fs.readFileSync(path.join(starter, 'go.mod'), 'utf8') });
    try {
      const plan = planScaffold(module1, starter, f.dir);
      assert.deepEqual(plan.conflicts, ['main.go']);
      assert.deepEqual(plan.identical, ['go.mod']);
      const written = await applyScaffold(plan);
      assert.ok(!written.includes('main.go'));
      assert.equal(fs.readFileSync(path.join(f.dir, 'main.go'), 'utf8'), 'package main // mine\n');
    } finally {
      f.dispose();
    }
  });

  it('says when a module has no starter', () => {
    assert.throws(() => planScaffold(findModule(9)!, '/nonexistent/starter', '/tmp/x'), /09-docs-mermaid has no starter yet/);
  });
});
