// "Check my work" against a learner who tampers or gets stuck, with the real Go
// toolchain: deleted or weakened check tests do not make wrong code pass (the
// course's copies are laid over the folder with -overlay), the learner's own
// tests still run, an import cycle and a hanging test are explained at the
// learner's file, a process a test started does not outlive the check, and a
// data race fails where the race detector can run.
// Run: node test/tools/run-node-tests.mjs test/go/checkGaps.test.ts
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { nodeCourseFs, loadModule, memoryFailureCounts, nodeProcessRunner, runChecks, type CheckResult, type CheckSpec, type ModuleSpec } from '../../src/core/checks';

const repoRoot = path.resolve(__dirname, '..', '..');
const walkthroughs = path.join(repoRoot, 'walkthroughs');
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
const skip = !hasGo && 'go is not on PATH';
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

/** A learner's folder: a copy of the module's starter or solution, then `edit` applied (path → text, or null to delete). */
function learnerFolder(slug: string, from: 'starter' | 'solution', edit: Record<string, string | null>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `edgo-gaps-${slug.slice(0, 2)}-`));
  temps.push(dir);
  fs.cpSync(path.join(walkthroughs, slug, from), dir, { recursive: true });
  for (const [rel, text] of Object.entries(edit)) {
    const file = path.join(dir, rel);
    if (text === null) fs.rmSync(file, { force: true });
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  return dir;
}

/** The module's spec with only the named checks, optionally changed. */
function checksOf(slug: string, ids: readonly string[], change: Partial<CheckSpec> = {}): { spec: ModuleSpec; dir: string } {
  const loaded = loadModule(walkthroughs, slug);
  return { dir: loaded.dir, spec: { ...loaded.spec, checks: loaded.spec.checks.filter((c) => ids.includes(c.id)).map((c) => ({ ...c, ...change })) } };
}

/** Where the course's test failed: a problem at the learner's code keeps it as related information. */
const testFilesOf = (r: CheckResult | undefined) => (r?.problems ?? []).flatMap((p) => (p.related ?? []).map((x) => x.location.file));
const text = (r: CheckResult | undefined) => [r?.message ?? '', ...(r?.problems ?? []).map((p) => `${p.location?.file ?? ''}:${p.location?.line ?? ''} ${p.message}`), ...(r?.notes ?? [])].join('\n');
const m1 = '01-go-foundations';

describe('check tests the learner cannot weaken', { skip, timeout: 300_000 }, () => {
  it('deleting memory_test.go and emptying handler_test.go leaves the starter failing, at the course test files', async () => {
    const folder = learnerFolder(m1, 'starter', { 'memory_test.go': null, 'handler_test.go': 'package users_test\n' });
    const { spec, dir } = checksOf(m1, ['service', 'users']);
    const results = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    for (const r of results) assert.equal(r.status, 'fail', text(r));
    const service = results.find((r) => r.id === 'service');
    // At the learner's function under test, with the course's memory_test.go line beside it.
    assert.equal(service?.location?.file, 'memory.go', text(service));
    assert.ok(testFilesOf(service).includes('memory_test.go'), text(service));
    assert.match(text(service), /TestMemoryServiceList/);
    assert.match(text(service), /course's own .*memory_test\.go/);
    assert.match(text(results.find((r) => r.id === 'users')), /handler_test\.go.*TestGetUsers|TestGetUsers/);
    assert.ok(!fs.existsSync(path.join(folder, 'memory_test.go')), "the check wrote into the learner's folder");
  });

  it('a weakened test (same test names, empty bodies) does not pass wrong code', async () => {
    const names = [...fs.readFileSync(path.join(walkthroughs, m1, 'starter', 'memory_test.go'), 'utf8').matchAll(/^func (Test\w+)\(/gm)].map((m) => m[1]);
    const weakened = `package users_test\n\nimport "testing"\n\n${names.map((n) => `func ${n}(t *testing.T) {}\n`).join('')}`;
    const folder = learnerFolder(m1, 'starter', { 'memory_test.go': weakened });
    const { spec, dir } = checksOf(m1, ['service']);
    const [r] = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.equal(r?.status, 'fail', text(r));
    assert.equal(r?.location?.file, 'memory.go');
    assert.ok(testFilesOf(r).includes('memory_test.go'), text(r));
  });

  it("the learner's own extra tests still run, and fail the check when they fail", async () => {
    const mine = 'package users_test\n\nimport "testing"\n\nfunc TestMine(t *testing.T) {\n\tt.Errorf("my own expectation")\n}\n';
    const folder = learnerFolder(m1, 'solution', { 'mine_test.go': mine });
    const { spec, dir } = checksOf(m1, ['all-tests']);
    const [r] = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.equal(r?.status, 'fail');
    assert.equal(r?.location?.file, 'mine_test.go', text(r));
    assert.equal(r?.location?.line, 6);
  });

  it('correct code with its tests deleted still passes (the course tests are the judge)', async () => {
    const folder = learnerFolder(m1, 'solution', { 'memory_test.go': null, 'handler_test.go': null });
    const { spec, dir } = checksOf(m1, ['service', 'users', 'all-tests']);
    const results = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.deepEqual(results.filter((r) => r.status === 'fail').map(text), []);
  });
});

describe('failures a beginner can act on', { skip, timeout: 300_000 }, () => {
  it('an import cycle names "import cycle not allowed", the packages and the file that closes it', async () => {
    const folder = learnerFolder(m1, 'solution', {
      'store/store.go': 'package store\n\nimport "example.com/edgo/users"\n\nvar Default = users.NewMemoryService()\n',
      'cycle.go': 'package users\n\nimport "example.com/edgo/users/store"\n\nvar _ = store.Default\n',
    });
    const { spec, dir } = checksOf(m1, ['build', 'service']);
    const results = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir, failureCounts: memoryFailureCounts() });
    for (const r of results) {
      assert.equal(r.status, 'fail', text(r));
      assert.match(r.message, /import cycle not allowed: users → store → users/, text(r));
      assert.match(r.message, /store/);
      assert.ok(r.location && ['cycle.go', 'store/store.go'].includes(r.location.file), text(r));
      assert.equal(r.location?.line, 3, `at the import that closes the cycle: ${text(r)}`);
      assert.equal(r.hint, undefined, 'a hint about the step is no help while the code does not build');
    }
  });

  it('a hanging test reports "timed out after N s" at its line, and the process it started is gone', async () => {
    // A sleep with a duration no other process uses, to find it afterwards.
    const seconds = `${1000 + (process.pid % 1000)}.${Date.now() % 100000}`;
    const marker = `sleep ${seconds}`;
    const hang = [
      'package users_test',
      '',
      'import (',
      '\t"os/exec"',
      '\t"testing"',
      ')',
      '',
      'func TestWaitsForever(t *testing.T) {',
      `\tif err := exec.Command("sleep", "${seconds}").Start(); err != nil {`,
      '\t\tt.Fatal(err)',
      '\t}',
      '\tselect {}',
      '}',
      '',
    ].join('\n');
    const folder = learnerFolder(m1, 'solution', { 'hang_test.go': hang });
    const { spec, dir } = checksOf(m1, ['all-tests'], { timeout: 3 });
    const [r] = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.equal(r?.status, 'fail');
    assert.match(r?.message ?? '', /TestWaitsForever timed out after 3 s/, text(r));
    assert.deepEqual(r?.location, { file: 'hang_test.go', line: 12 });
    await new Promise((res) => setTimeout(res, 300));
    const left = spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout.trim();
    assert.equal(left, '', `the sleep the test started outlived the check: ${left}`);
  });
});

describe('the race detector', { skip, timeout: 600_000 }, () => {
  const m2 = '02-clean-architecture';
  const unguarded = fs
    .readFileSync(path.join(walkthroughs, m2, 'solution', 'infra', 'memory', 'order_repository.go'), 'utf8')
    .replace(/^\s*r\.mu\.(R?Lock|R?Unlock)\(\)\n/gm, '')
    .replace(/^\s*defer r\.mu\.R?Unlock\(\)\n/gm, '');

  it("a memory repository whose mutex was removed fails the adapters check, at the learner's line", async () => {
    assert.ok(!/r\.mu\./.test(unguarded), 'the edit did not remove the locking');
    const folder = learnerFolder(m2, 'solution', { 'infra/memory/order_repository.go': unguarded });
    const { spec, dir } = checksOf(m2, ['adapters']);
    const [r] = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.equal(r?.status, 'fail', text(r));
    assert.match(r?.message ?? '', /data race/, text(r));
    assert.equal(r?.location?.file, 'infra/memory/order_repository.go', text(r));
  });

  it('without cgo the check still runs and says in one line that races were not checked', async (t) => {
    const saved = process.env.CGO_ENABLED;
    process.env.CGO_ENABLED = '0';
    t.after(() => (saved === undefined ? delete process.env.CGO_ENABLED : (process.env.CGO_ENABLED = saved)));
    const folder = learnerFolder(m2, 'solution', { 'infra/memory/order_repository.go': unguarded });
    const { spec, dir } = checksOf(m2, ['adapters']);
    const [r] = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.equal(r?.status, 'pass', text(r));
    assert.deepEqual(r?.notes?.filter((n) => /races were not checked/.test(n)).length, 1, text(r));
    assert.match(text(r), /cgo is off/);
  });

  it('an Idempotent wrapper without its check-then-mark lock processes a redelivery twice and fails', async () => {
    const m4 = '04-event-driven-concepts';
    const racy = fs.readFileSync(path.join(walkthroughs, m4, 'solution', 'idempotent.go'), 'utf8').replace(/^\s*mu\.Lock\(\)\n\s*defer mu\.Unlock\(\)\n/m, '\t\t_ = &mu\n');
    assert.notEqual(racy, fs.readFileSync(path.join(walkthroughs, m4, 'solution', 'idempotent.go'), 'utf8'));
    const folder = learnerFolder(m4, 'solution', { 'idempotent.go': racy });
    const { spec, dir } = checksOf(m4, ['idempotency']);
    const [r] = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.equal(r?.status, 'fail', text(r));
    assert.match(text(r), /TestIdempotentConsumerConcurrentRedeliveries/);
  });

  it("a projection that forgets the ids of applied events counts a redelivered payment twice and fails, at the learner's Apply with the redelivery test beside it", async () => {
    const m4 = '04-event-driven-concepts';
    const reference = fs.readFileSync(path.join(walkthroughs, m4, 'solution', 'projection.go'), 'utf8');
    const forgetful = reference.replace(/^\s*if m\.applied\[e\.ID\] \{\n[^\n]*\n\s*\}\n/m, '');
    assert.notEqual(forgetful, reference, 'the edit did not apply');
    const folder = learnerFolder(m4, 'solution', { 'projection.go': forgetful });
    const { spec, dir } = checksOf(m4, ['projection']);
    const [r] = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.equal(r?.status, 'fail', text(r));
    assert.match(text(r), /TestReadModelRedeliveryChangesNothing: payment\.captured e3 delivered a second time/);
    const redelivery = r?.problems.find((p) => /TestReadModelRedeliveryChangesNothing/.test(p.message));
    assert.equal(redelivery?.location?.file, 'projection.go', text(r));
    assert.ok(
      redelivery?.related?.some((x) => x.location.file === 'readmodel_test.go'),
      text(r),
    );
  });
});

describe("each step's own check catches that step's mistake", { skip, timeout: 600_000 }, () => {
  it('module 1: a List that returns nil for an empty store fails the service check, not only the HTTP one', async () => {
    const memory = fs.readFileSync(path.join(walkthroughs, m1, 'solution', 'memory.go'), 'utf8');
    const nilList = memory.replace(/out := make\(\[\]User, len\(s\.users\)\)\n\s*copy\(out, s\.users\)/, 'var out []User\n\tout = append(out, s.users...)');
    assert.notEqual(nilList, memory, 'the edit did not apply');
    const folder = learnerFolder(m1, 'solution', { 'memory.go': nilList });
    const { spec, dir } = checksOf(m1, ['service', 'users']);
    const [r, users] = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.equal(r?.status, 'fail', text(r));
    assert.equal(r?.location?.file, 'memory.go');
    assert.ok(testFilesOf(r).includes('memory_test.go'), text(r));
    assert.match(r?.message ?? '', /non-nil slice/);
    // The HTTP check fails too, at the handler, and names the List it calls beside it.
    const empty = users?.problems.find((p) => /TestGetUsersEmptyIsArray/.test(p.message));
    assert.equal(empty?.location?.file, 'handler.go', text(users));
    assert.ok(
      empty?.related?.some((x) => x.location.file === 'memory.go' && /MemoryService\.List/.test(x.message)),
      text(users),
    );
  });

  it("module 5: a dead-letter branch that ignores messaging.IsPermanent fails the consumer check, at the learner's handle", async () => {
    const m5 = '05-event-driven-services';
    const rel = 'platform/messaging/natsbus/handle.go';
    const adapter = fs.readFileSync(path.join(walkthroughs, m5, 'solution', rel), 'utf8');
    const retriesPermanent = adapter.replace(/messaging\.IsPermanent\(err\) \|\| /, '');
    assert.notEqual(retriesPermanent, adapter, 'the edit did not apply');
    const folder = learnerFolder(m5, 'solution', { [rel]: retriesPermanent });
    const { spec, dir } = checksOf(m5, ['consumer']);
    const [r] = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.equal(r?.status, 'fail', text(r));
    assert.match(text(r), /TestPermanentFailureIsDeadLetteredAtOnce/);
    const permanent = r?.problems.find((p) => /TestPermanentFailureIsDeadLetteredAtOnce/.test(p.message));
    assert.equal(permanent?.location?.file, rel, text(r));
    assert.ok(
      permanent?.related?.some((x) => x.location.file === 'platform/messaging/natsbus/permanent_test.go'),
      text(r),
    );
  });
});

describe("go-test-finds-bug: the learner's own test is worth something", { skip, timeout: 300_000 }, () => {
  const memory = fs.readFileSync(path.join(walkthroughs, m1, 'solution', 'memory.go'), 'utf8');
  const nilList = memory.replace(/out := make\(\[\]User, len\(s\.users\)\)\n\s*copy\(out, s\.users\)/, 'var out []User\n\tout = append(out, s.users...)');
  const bugDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-bugs-'));
  temps.push(bugDir);
  fs.writeFileSync(path.join(bugDir, 'memory.go'), nilList);
  const spec = (): { spec: ModuleSpec; dir: string } => {
    const loaded = loadModule(walkthroughs, m1);
    const check: CheckSpec = { id: 'own-test', kind: 'go-test-finds-bug', title: 'Your test catches a nil List', bugs: [{ file: 'memory.go', buggy: path.join(bugDir, 'memory.go'), bug: 'List returns nil for an empty store' }] };
    return { dir: loaded.dir, spec: { ...loaded.spec, checks: [check] } };
  };
  const ownTest = (body: string) =>
    `package users_test\n\nimport (\n\t"context"\n\t"testing"\n\n\t"example.com/edgo/users"\n)\n\nfunc TestMyEmptyList(t *testing.T) {\n\tgot, _ := users.NewMemoryService().List(context.Background())\n${body}}\n`;

  it("passes when the learner's test fails on the known bug", async () => {
    const folder = learnerFolder(m1, 'solution', { 'mine_test.go': ownTest('\tif got == nil {\n\t\tt.Fatal("nil list")\n\t}\n') });
    const { spec: s, dir } = spec();
    const [r] = await runChecks(s, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.equal(r?.status, 'pass', text(r));
  });

  it("fails when the learner's test does not notice the bug (the course's own tests do not count)", async () => {
    const folder = learnerFolder(m1, 'solution', { 'mine_test.go': ownTest('\t_ = got\n') });
    const { spec: s, dir } = spec();
    const [r] = await runChecks(s, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.equal(r?.status, 'fail', text(r));
    assert.match(r?.message ?? '', /Your tests pass on a version of memory\.go with a bug \(List returns nil for an empty store\)/);
    assert.equal(r?.location?.file, 'memory.go');
  });

  it('fails with "write a test of your own" when there is none', async () => {
    const folder = learnerFolder(m1, 'solution', {});
    const { spec: s, dir } = spec();
    const [r] = await runChecks(s, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir });
    assert.equal(r?.status, 'fail', text(r));
    assert.match(r?.message ?? '', /No test of yours ran/);
  });
});
