// Module 2 is the refactor of the learner's own module 1 service. A module 1
// folder written without looking at the reference (test/fixtures/learner/module1,
// laid over module 1's starter as a learner's edits are) passes module 1's checks;
// scaffolding module 2 from it copies it (the folder itself is left as it was)
// and adds module 2's files; the fresh copy fails the module's expected checks;
// after the steps' changes, made as a learner makes them (moving files, editing
// package lines and imports, `go get` of the driver, test/fixtures/learner/module2),
// every module 2 check passes, the PostgreSQL contract against a real server.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { usePostgres } from './postgres';
import { nodeCourseFs, applyScaffold, findLearnerFolders, folderLayers, loadModule, markerFileName, markerText, nodeProcessRunner, planScaffold, runChecks, starterLayersFrom, type CheckResult } from '../../src/core/checks';
import { composeFolder } from '../tools/composeFolder';
import { listFiles } from '../../src/core/checks/files';

const repoRoot = path.resolve(__dirname, '..', '..');
const walkthroughs = path.join(repoRoot, 'walkthroughs');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'learner');
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
const m1 = loadModule(walkthroughs, '01-go-foundations');
const m2 = loadModule(walkthroughs, '02-clean-architecture');

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-m2-from-m1-'));
after(() => fs.rmSync(workspace, { recursive: true, force: true }));
// The checks' go test inherits DATABASE_URL: the contract test reads it.
const pg = usePostgres(hasGo);

const describeResults = (results: readonly CheckResult[]) => results.map((r) => `${r.status} ${r.id}: ${r.message}${(r.notes ?? []).map((n) => `\n  note: ${n}`).join('')}`).join('\n');

/** A digest of every file of a folder, to show it was not changed. */
function digest(folder: string): string {
  const h = crypto.createHash('sha256');
  for (const rel of listFiles(nodeCourseFs, folder)) h.update(rel).update(fs.readFileSync(path.join(folder, rel)));
  return h.digest('hex');
}

/** What a learner does to move a test file: change its package line and imports, and rename what moved. */
function moveTest(folder: string, from: string, to: string, renames: ReadonlyArray<[RegExp, string]>, extra = ''): void {
  let text = fs.readFileSync(path.join(folder, from), 'utf8');
  for (const [re, by] of renames) text = text.replace(re, by);
  fs.mkdirSync(path.dirname(path.join(folder, to)), { recursive: true });
  fs.writeFileSync(path.join(folder, to), text + extra);
  fs.rmSync(path.join(folder, from));
}

describe("module 2 from a learner's own module 1 folder", { skip: !hasGo && 'go is not on PATH', timeout: 900_000 }, () => {
  const module1 = path.join(workspace, '01-go-foundations');
  const module2 = path.join(workspace, 'module2');

  it("the learner's module 1 folder passes module 1's checks", async () => {
    composeFolder([...folderLayers(m1, 'starter'), path.join(fixtures, 'module1')], module1);
    fs.writeFileSync(path.join(module1, markerFileName), markerText(m1.module));
    const results = await runChecks(m1.spec, module1, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: m1.dir });
    assert.deepEqual(
      results.filter((r) => r.status === 'fail').map((r) => r.id),
      [],
      describeResults(results),
    );
  });

  it("scaffolding finds it, copies it with module 2's files, overwrites nothing, and leaves it as it was", async () => {
    assert.deepEqual(findLearnerFolders([workspace], '01-go-foundations'), [module1]);
    const before = digest(module1);
    fs.mkdirSync(module2);
    fs.writeFileSync(path.join(module2, 'NOTES.md'), 'mine\n');
    const plan = planScaffold(m2.module, starterLayersFrom(m2, module1), module2);
    assert.deepEqual(plan.conflicts, []);
    const written = await applyScaffold(plan);
    for (const f of ['memory.go', 'handler.go', 'cmd/usersd/main.go', 'domain/order.go', 'infra/contract_test.go', 'README.md']) assert.ok(written.includes(f), `${f} should be copied`);
    assert.equal(fs.readFileSync(path.join(module2, 'memory.go'), 'utf8'), fs.readFileSync(path.join(fixtures, 'module1', 'memory.go'), 'utf8'), "the learner's own memory.go is the one copied");
    assert.match(fs.readFileSync(path.join(module2, markerFileName), 'utf8'), /02-clean-architecture/);
    assert.equal(fs.readFileSync(path.join(module2, 'NOTES.md'), 'utf8'), 'mine\n');
    assert.equal(digest(module1), before, 'the module 1 folder changed');
    // Scaffolding again into the same folder finds every file there, and writes nothing.
    fs.writeFileSync(path.join(module2, 'memory.go'), '// changed\n');
    const again = planScaffold(m2.module, starterLayersFrom(m2, module1), module2);
    assert.deepEqual(again.conflicts, ['memory.go']);
    assert.deepEqual(await applyScaffold(again), []);
    fs.copyFileSync(path.join(module1, 'memory.go'), path.join(module2, 'memory.go'));
  });

  it("the fresh copy fails the expected checks: module 1's code is still in the root package", async () => {
    const results = await runChecks(m2.spec, module2, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: m2.dir });
    const failed = results
      .filter((r) => r.status === 'fail')
      .map((r) => r.id)
      .sort();
    assert.deepEqual(failed, [...m2.spec.expect.starterFails].sort(), describeResults(results));
    const moved = results.find((r) => r.id === 'moved');
    assert.match(moved?.message ?? '', /the root package still holds errors\.go, handler\.go, memory\.go, user\.go/);
  });

  it('after the steps, made as a learner makes them, every module 2 check passes', async () => {
    for (const f of ['user.go', 'errors.go', 'memory.go', 'handler.go']) fs.rmSync(path.join(module2, f));
    moveTest(
      module2,
      'memory_test.go',
      'infra/memory/users_test.go',
      [
        [/^package users_test/m, 'package memory_test'],
        [/\t"example\.com\/edgo\/users"\n/, '\t"example.com/edgo/users/domain"\n\t"example.com/edgo/users/infra/memory"\n\t"example.com/edgo/users/usecase"\n'],
        [/users\.UserService/g, 'usecase.UserService'],
        [/users\.MemoryService/g, 'memory.Users'],
        [/users\.NewMemoryService/g, 'memory.NewUsers'],
        [/users\.DisplayName/g, 'usecase.DisplayName'],
        [/users\./g, 'domain.'],
      ],
      '\nvar sample = []domain.User{{ID: "u1", Name: "Ada Lovelace"}, {ID: "u2", Name: "Grace Hopper"}}\n',
    );
    moveTest(module2, 'handler_test.go', 'interface/httpapi/users_test.go', [
      [/^package users_test/m, 'package httpapi_test'],
      [/\t"example\.com\/edgo\/users"\n/, '\t"example.com/edgo/users/domain"\n\t"example.com/edgo/users/infra/memory"\n\t"example.com/edgo/users/interface/httpapi"\n'],
      [/users\.NewHandler/g, 'httpapi.Users'],
      [/users\.NewMemoryService/g, 'memory.NewUsers'],
      [/users\./g, 'domain.'],
    ]);
    fs.cpSync(path.join(fixtures, 'module2'), module2, { recursive: true });
    // The step's `go get` of the driver (from the module cache, or the Go proxy).
    const get = spawnSync('go', ['get', 'github.com/jackc/pgx/v5@v5.13.0'], { cwd: module2, encoding: 'utf8' });
    assert.equal(get.status, 0, get.stderr);
    // and its `go mod tidy`, which records the driver's own dependencies in go.sum.
    const tidy = spawnSync('go', ['mod', 'tidy'], { cwd: module2, encoding: 'utf8' });
    assert.equal(tidy.status, 0, tidy.stderr);

    assert.ok(pg(), 'PostgreSQL started');
    const results = await runChecks(m2.spec, module2, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: m2.dir });
    assert.deepEqual(
      results.filter((r) => r.status === 'fail').map((r) => r.id),
      [],
      describeResults(results),
    );
    const adapters = results.find((r) => r.id === 'adapters');
    assert.ok(!(adapters?.notes ?? []).some((n) => /Skipped/.test(n)), `the PostgreSQL contract ran against the server:\n${describeResults(results)}`);
  });
});
