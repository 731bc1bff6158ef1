// A failing Go check points the learner at their own code, with the real Go
// toolchain: module 1's `service` check, a planted mistake in List (moved within
// memory.go first, so a line number written down once would be wrong), lands at
// List's declaration, with the course test's assertion line kept as related; a panic
// in Get lands at the panicking line of memory.go.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { nodeCourseFs, folderLayers, loadModule, nodeProcessRunner, runChecks } from '../../src/core/checks';
import { composeFolder } from '../tools/composeFolder';

const repoRoot = path.resolve(__dirname, '..', '..');
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
const mod = loadModule(path.join(repoRoot, 'walkthroughs'), '01-go-foundations');
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

/** The starter with the different solution over it (a correct learner's folder), then `edit` applied to memory.go. */
function learnerFolder(edit: (memory: string) => string): { folder: string; memory: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-locate-'));
  temps.push(folder);
  composeFolder(folderLayers(mod, 'starter'), folder);
  fs.cpSync(path.join(__dirname, 'differentSolutions', mod.module.slug), folder, { recursive: true });
  const file = path.join(folder, 'memory.go');
  const memory = edit(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, memory);
  return { folder, memory };
}

const lineOf = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `the planted memory.go lacks ${needle}`);
  return text.slice(0, i).split('\n').length;
};

const skip = !hasGo && 'go is not on PATH';

describe('a failing Go check is located at the learner’s code', () => {
  it('a nil slice from List, with List moved below Get: at List’s line in memory.go, the test line related', { skip, timeout: 300_000 }, async () => {
    const { folder, memory } = learnerFolder((text) => {
      const start = text.indexOf('// List returns');
      const end = text.indexOf('// Get returns');
      assert.ok(start > 0 && end > start, 'memory.go no longer has List before Get');
      const list = text.slice(start, end).replace('out := make([]User, len(s.users))\n\tcopy(out, s.users)', 'var out []User\n\tout = append(out, s.users...)');
      return `${text.slice(0, start)}${text.slice(end)}\n${list}`;
    });
    const [r] = await runChecks(mod.spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: mod.dir, only: ['service'] });
    assert.equal(r?.status, 'fail', `service passed with a nil List: ${r?.message}`);
    const problem = r.problems.find((p) => /TestMemoryServiceList/.test(p.message));
    assert.ok(problem, `no TestMemoryServiceList problem: ${r.message}`);
    assert.match(problem.message, /non-nil|null/);
    assert.equal(problem.location?.file, 'memory.go');
    assert.equal(problem.location?.line, lineOf(memory, 'func (s *MemoryService) List('));
    const test = problem.related?.[0]?.location;
    assert.equal(test?.file, 'memory_test.go', `the test line is not kept: ${JSON.stringify(problem.related)}`);
    const testText = fs.readFileSync(path.join(folder, 'memory_test.go'), 'utf8').split('\n');
    assert.match(testText[(test?.line ?? 0) - 1] ?? '', /t\.(Errorf|Fatalf)/, 'the related line is not the assertion');
  });

  it('an index out of range in Get: at the panicking line of memory.go', { skip, timeout: 300_000 }, async () => {
    const { folder, memory } = learnerFolder((text) => text.replace('return s.users[i], nil', 'return s.users[len(s.users)+i], nil // out of range'));
    const [r] = await runChecks(mod.spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: mod.dir, only: ['service'] });
    assert.equal(r?.status, 'fail', `service passed with a panicking Get: ${r?.message}`);
    assert.match(r.problems[0]?.message ?? '', /panicked: runtime error: index out of range/);
    assert.deepEqual(r.location, { file: 'memory.go', line: lineOf(memory, '// out of range') });
  });
});
