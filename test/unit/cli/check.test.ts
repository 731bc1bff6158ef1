import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCheckCli, type CheckCliDeps } from '../../../src/cli/check';
import { markerText } from '../../../src/core/checks';
import { findModule } from '../../../src/core/modules';
import { fakeGo, fixtureModules, jsonLines, noGo, tempFolder } from '../checks/helpers';

function capture(runner: CheckCliDeps['runner'], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CheckCliDeps = { runner, cwd, walkthroughsRoot: fixtureModules, out: (t) => out.push(t), err: (t) => err.push(t) };
  return { deps, out: () => out.join(''), err: () => err.join('') };
}

const failingTest = jsonLines([
  { Action: 'run', Package: 'example.com/users', Test: 'TestGetUsers' },
  { Action: 'output', Package: 'example.com/users', Test: 'TestGetUsers', Output: '    main_test.go:14: GET /users: body is not a JSON list of users: EOF\n' },
  { Action: 'fail', Package: 'example.com/users', Test: 'TestGetUsers' },
  { Action: 'fail', Package: 'example.com/users' },
]);
const passingTest = jsonLines([
  { Action: 'run', Package: 'example.com/users', Test: 'TestGetUsers' },
  { Action: 'pass', Package: 'example.com/users', Test: 'TestGetUsers' },
]);
const goMod = { 'go.mod': 'module example.com/users\n' };

describe('edgo check', () => {
  it('prints each check with pass/fail and file:line, and exits 1 on a failure', async () => {
    const f = tempFolder(goMod);
    try {
      const c = capture(
        fakeGo((sub) => (sub === 'test' ? { exitCode: 1, stdout: failingTest } : {})),
        f.dir,
      );
      const code = await runCheckCli(['01-go-foundations', f.dir], c.deps);
      assert.equal(code, 1);
      const text = c.out();
      assert.match(text, /^pass {2}build/m);
      assert.match(text, /^FAIL {2}tests/m);
      assert.match(text, /main_test\.go:14: TestGetUsers: GET \/users: body is not a JSON list of users: EOF/);
      assert.match(text, /^FAIL {2}notes.*\n\s+NOTES\.md: NOTES\.md is missing/m);
      assert.match(text, /2 of 4 checks pass\./);
    } finally {
      f.dispose();
    }
  });

  it('exits 0 when all pass, reading the module from the folder marker', async () => {
    const m = findModule(1);
    assert.ok(m);
    const f = tempFolder({ ...goMod, 'NOTES.md': '# n', '.edgo-module.json': markerText(m) });
    try {
      const c = capture(
        fakeGo((sub) => (sub === 'test' ? { stdout: passingTest } : {})),
        f.dir,
      );
      assert.equal(await runCheckCli([], c.deps), 0, c.out() + c.err());
      const d = capture(
        fakeGo((sub) => (sub === 'test' ? { stdout: passingTest } : {})),
        path.dirname(f.dir),
      );
      assert.equal(await runCheckCli([path.basename(f.dir)], d.deps), 0, d.out() + d.err());
    } finally {
      f.dispose();
    }
  });

  it('prints JSON with --format json', async () => {
    const f = tempFolder(goMod);
    try {
      const c = capture(
        fakeGo((sub) => (sub === 'test' ? { exitCode: 1, stdout: failingTest } : {})),
        f.dir,
      );
      const code = await runCheckCli(['1', '--format', 'json'], c.deps);
      assert.equal(code, 1);
      const report = JSON.parse(c.out()) as { module: string; passed: boolean; results: Array<{ id: string; status: string; location?: { file: string; line: number } }> };
      assert.equal(report.module, '01-go-foundations');
      assert.equal(report.passed, false);
      assert.deepEqual(report.results.find((r) => r.id === 'tests')?.location, { file: 'main_test.go', line: 14 });
    } finally {
      f.dispose();
    }
  });

  it('explains how to install Go when it is missing', async () => {
    const f = tempFolder(goMod);
    try {
      const c = capture(noGo, f.dir);
      assert.equal(await runCheckCli(['1'], c.deps), 1);
      assert.match(c.out(), /Go \(go\) was not found: it is not on the PATH, nor in the folders where its installers put it\..*https:\/\/go\.dev\/doc\/install/);
    } finally {
      f.dispose();
    }
  });

  it('exits 2 with a clear message for an unknown module, a missing folder or no module at all', async () => {
    const f = tempFolder({});
    try {
      const a = capture(noGo, f.dir);
      assert.equal(await runCheckCli(['42'], a.deps), 2);
      assert.match(a.err(), /There is no module "42"/);
      const b = capture(noGo, f.dir);
      assert.equal(await runCheckCli(['1', 'nope'], b.deps), 2);
      assert.match(b.err(), /is not a folder/);
      const c = capture(noGo, f.dir);
      assert.equal(await runCheckCli([], c.deps), 2);
      assert.match(c.err(), /Usage: edgo check <module>/);
      assert.ok(!fs.existsSync(path.join(f.dir, '.edgo-module.json')));
    } finally {
      f.dispose();
    }
  });

  it("prints the learner's function first and the test's line under it, in text and JSON", async () => {
    // The fixture module with the function under test declared (codeUnderTest), in a root of its own.
    const root = tempFolder({});
    const spec = JSON.parse(fs.readFileSync(path.join(fixtureModules, '01-go-foundations', 'module.json'), 'utf8')) as { checks: Array<Record<string, unknown>> };
    spec.checks = spec.checks.map((c) => (c.id === 'tests' ? { ...c, codeUnderTest: [{ file: 'main.go', func: 'listUsers' }] } : c));
    fs.cpSync(path.join(fixtureModules, '01-go-foundations'), path.join(root.dir, '01-go-foundations'), { recursive: true });
    fs.writeFileSync(path.join(root.dir, '01-go-foundations', 'module.json'), JSON.stringify(spec));
    const f = tempFolder({ ...goMod, 'main.go': 'package main\n\nfunc main() {}\n\nfunc listUsers() {}\n' });
    try {
      const runner = fakeGo((sub) => (sub === 'test' ? { exitCode: 1, stdout: failingTest } : {}));
      const c = capture(runner, f.dir);
      await runCheckCli(['01-go-foundations', f.dir], { ...c.deps, walkthroughsRoot: root.dir });
      assert.match(c.out(), /\n {8}main\.go:5: TestGetUsers: GET \/users: body is not a JSON list of users: EOF\n {12}main_test\.go:14: the failing check in the test\n/);
      const j = capture(runner, f.dir);
      await runCheckCli(['01-go-foundations', f.dir, '--format', 'json'], { ...j.deps, walkthroughsRoot: root.dir });
      const tests = (JSON.parse(j.out()) as { results: Array<{ id: string; problems: unknown[] }> }).results.find((r) => r.id === 'tests');
      assert.deepEqual(tests?.problems[0], {
        message: 'TestGetUsers: GET /users: body is not a JSON list of users: EOF',
        location: { file: 'main.go', line: 5, column: 6 },
        related: [{ message: 'the failing check in the test', location: { file: 'main_test.go', line: 14 } }],
      });
    } finally {
      f.dispose();
      root.dispose();
    }
  });
});
