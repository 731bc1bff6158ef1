import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { nodeCourseFs, runChecks, type CheckSpec, type ModuleSpec } from '../../../src/core/checks';
import { fakeGo, jsonLines, noGo, tempFolder } from './helpers';

const moduleWith = (...checks: CheckSpec[]): ModuleSpec => ({
  title: 't',
  description: 'd',
  steps: [],
  checks,
  expect: { starterFails: [], starterMessages: {} },
});
const build: CheckSpec = { id: 'build', kind: 'go-build', title: 'builds' };
const vet: CheckSpec = { id: 'vet', kind: 'go-vet', title: 'vet' };
const tests: CheckSpec = { id: 'tests', kind: 'go-test', title: 'tests', run: 'TestGetUsers' };
const goMod = { 'go.mod': 'module example.com/shop\n\ngo 1.22\n' };

describe('go-build and go-vet', () => {
  it('passes when go exits 0 and runs go build ./... in the folder', async () => {
    const f = tempFolder(goMod);
    try {
      const runner = fakeGo(() => ({ exitCode: 0 }));
      const [r] = await runChecks(moduleWith(build), f.dir, { runner, fs: nodeCourseFs });
      assert.equal(r?.status, 'pass');
      assert.deepEqual(runner.calls[0]?.args, ['build', './...']);
      assert.equal(runner.calls[0]?.cwd, f.dir);
    } finally {
      f.dispose();
    }
  });

  it('maps compiler errors to file:line relative to the folder', async () => {
    const f = tempFolder(goMod);
    try {
      const stderr = '# example.com/shop/domain\ndomain/order.go:12:9: undefined: Money\n./main.go:3:2: "fmt" imported and not used\n';
      const [r] = await runChecks(moduleWith(build), f.dir, { runner: fakeGo(() => ({ exitCode: 1, stderr })), fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.deepEqual(r?.location, { file: 'domain/order.go', line: 12, column: 9 });
      assert.equal(r?.problems.length, 2);
      assert.deepEqual(r?.problems[1]?.location, { file: 'main.go', line: 3, column: 2 });
      assert.match(r?.message ?? '', /does not build: undefined: Money \(domain\/order\.go:12\) and 1 more/);
    } finally {
      f.dispose();
    }
  });

  it('reads vet output with its "vet: " prefix and continuation lines', async () => {
    const f = tempFolder(goMod);
    try {
      const stderr = '# example.com/shop\n# [example.com/shop]\nvet: ./main.go:8:2: fmt.Printf format %d has arg s of wrong type string\n\thint: use %s\n';
      const [r] = await runChecks(moduleWith(vet), f.dir, { runner: fakeGo(() => ({ exitCode: 1, stderr })), fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.deepEqual(r?.location, { file: 'main.go', line: 8, column: 2 });
      assert.match(r?.problems[0]?.message ?? '', /wrong type string\nhint: use %s/);
    } finally {
      f.dispose();
    }
  });

  it('tells the learner how to install Go when go is missing', async () => {
    const f = tempFolder(goMod);
    try {
      const results = await runChecks(moduleWith(build, tests), f.dir, { runner: noGo, fs: nodeCourseFs });
      for (const r of results) {
        assert.equal(r.status, 'fail');
        assert.equal(r.missingTool, 'go');
        assert.match(r.message, /Go \(go\) was not found: it is not on the PATH.*go\.dev\/doc\/install/);
      }
    } finally {
      f.dispose();
    }
  });

  it('reports a folder that does not exist before running anything', async () => {
    await assert.rejects(runChecks(moduleWith(build), '/nonexistent/edgo', { runner: noGo, fs: nodeCourseFs }), /is not a folder/);
  });
});

describe('go-test', () => {
  const pkg = 'example.com/shop/internal/users';
  it('maps a failing t.Errorf to the test file inside its package folder', async () => {
    const f = tempFolder(goMod);
    try {
      const stdout = jsonLines([
        { Action: 'start', Package: pkg },
        { Action: 'run', Package: pkg, Test: 'TestGetUsers' },
        { Action: 'output', Package: pkg, Test: 'TestGetUsers', Output: '=== RUN   TestGetUsers\n' },
        { Action: 'output', Package: pkg, Test: 'TestGetUsers', Output: '    users_test.go:25: GET /users returned 0 users, want 2\n' },
        { Action: 'output', Package: pkg, Test: 'TestGetUsers', Output: '--- FAIL: TestGetUsers (0.00s)\n' },
        { Action: 'fail', Package: pkg, Test: 'TestGetUsers' },
        { Action: 'fail', Package: pkg },
      ]);
      const runner = fakeGo(() => ({ exitCode: 1, stdout }));
      const [r] = await runChecks(moduleWith(tests), f.dir, { runner, fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.deepEqual(r?.location, { file: 'internal/users/users_test.go', line: 25 });
      assert.match(r?.message ?? '', /1 test failed: TestGetUsers: GET \/users returned 0 users, want 2/);
      assert.deepEqual(runner.calls[0]?.args, ['test', '-json', '-timeout', '120s', '-run', 'TestGetUsers', './...']);
    } finally {
      f.dispose();
    }
  });

  it('shows only the innermost failing sub-test', async () => {
    const f = tempFolder(goMod);
    try {
      const p = 'example.com/shop';
      const stdout = jsonLines([
        { Action: 'run', Package: p, Test: 'TestGetUsers' },
        { Action: 'run', Package: p, Test: 'TestGetUsers/empty' },
        { Action: 'output', Package: p, Test: 'TestGetUsers/empty', Output: '        main_test.go:40: want [], got null\n' },
        { Action: 'fail', Package: p, Test: 'TestGetUsers/empty' },
        { Action: 'fail', Package: p, Test: 'TestGetUsers' },
        { Action: 'fail', Package: p },
      ]);
      const [r] = await runChecks(moduleWith(tests), f.dir, { runner: fakeGo(() => ({ exitCode: 1, stdout })), fs: nodeCourseFs });
      assert.equal(r?.problems.length, 1);
      assert.equal(r?.problems[0]?.message, 'TestGetUsers/empty: want [], got null');
      assert.deepEqual(r?.location, { file: 'main_test.go', line: 40 });
    } finally {
      f.dispose();
    }
  });

  it('reports compile errors from build-output events (Go 1.24+) with their location', async () => {
    const f = tempFolder(goMod);
    try {
      const ip = 'example.com/shop/domain [example.com/shop/domain.test]';
      const stdout = jsonLines([
        { ImportPath: ip, Action: 'build-output', Output: '# example.com/shop/domain [example.com/shop/domain.test]\n' },
        { ImportPath: ip, Action: 'build-output', Output: 'domain/d.go:3:23: cannot use "a" (untyped string constant) as int value\n' },
        { ImportPath: ip, Action: 'build-fail' },
        { Action: 'output', Package: 'example.com/shop/domain', Output: 'FAIL\texample.com/shop/domain [build failed]\n' },
        { Action: 'fail', Package: 'example.com/shop/domain', FailedBuild: ip },
      ]);
      const [r] = await runChecks(moduleWith(tests), f.dir, { runner: fakeGo(() => ({ exitCode: 1, stdout })), fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.match(r?.message ?? '', /do not compile/);
      assert.deepEqual(r?.location, { file: 'domain/d.go', line: 3, column: 23 });
    } finally {
      f.dispose();
    }
  });

  it('fails when no test matches the run pattern, so a deleted test cannot pass', async () => {
    const f = tempFolder(goMod);
    try {
      const stdout = jsonLines([
        { Action: 'output', Package: 'example.com/shop', Output: 'testing: warning: no tests to run\n' },
        { Action: 'pass', Package: 'example.com/shop' },
      ]);
      const [r] = await runChecks(moduleWith(tests), f.dir, { runner: fakeGo(() => ({ exitCode: 0, stdout })), fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.match(r?.message ?? '', /No test matching TestGetUsers ran/);
    } finally {
      f.dispose();
    }
  });

  it('fails when every matching test was skipped', async () => {
    const f = tempFolder(goMod);
    try {
      const p = 'example.com/shop';
      const stdout = jsonLines([
        { Action: 'run', Package: p, Test: 'TestGetUsers' },
        { Action: 'skip', Package: p, Test: 'TestGetUsers' },
        { Action: 'pass', Package: p },
      ]);
      const [r] = await runChecks(moduleWith(tests), f.dir, { runner: fakeGo(() => ({ exitCode: 0, stdout })), fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.match(r?.message ?? '', /skipped/);
    } finally {
      f.dispose();
    }
  });

  it('passes and counts the passing tests', async () => {
    const f = tempFolder(goMod);
    try {
      const p = 'example.com/shop';
      const stdout = jsonLines([
        { Action: 'run', Package: p, Test: 'TestGetUsers' },
        { Action: 'run', Package: p, Test: 'TestGetUsers/ok' },
        { Action: 'pass', Package: p, Test: 'TestGetUsers/ok' },
        { Action: 'pass', Package: p, Test: 'TestGetUsers' },
        { Action: 'pass', Package: p },
      ]);
      const [r] = await runChecks(moduleWith(tests), f.dir, { runner: fakeGo(() => ({ exitCode: 0, stdout })), fs: nodeCourseFs });
      assert.equal(r?.status, 'pass');
      assert.equal(r?.message, '1 test passes.');
    } finally {
      f.dispose();
    }
  });

  it('points a panic at the first frame inside the learner folder', async () => {
    const f = tempFolder(goMod);
    try {
      const p = 'example.com/shop';
      const stdout = jsonLines([
        { Action: 'run', Package: p, Test: 'TestGetUsers' },
        { Action: 'output', Package: p, Test: 'TestGetUsers', Output: 'panic: runtime error: index out of range [3] with length 2 [recovered]\n' },
        { Action: 'output', Package: p, Test: 'TestGetUsers', Output: '\t/usr/local/go/src/testing/testing.go:1734 +0x3a\n' },
        { Action: 'output', Package: p, Test: 'TestGetUsers', Output: `\t${f.dir}/handler.go:17 +0x1d\n` },
        { Action: 'fail', Package: p, Test: 'TestGetUsers' },
        { Action: 'fail', Package: p },
      ]);
      const [r] = await runChecks(moduleWith(tests), f.dir, { runner: fakeGo(() => ({ exitCode: 2, stdout })), fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.deepEqual(r?.location, { file: 'handler.go', line: 17 });
      assert.match(r?.message ?? '', /TestGetUsers panicked/);
    } finally {
      f.dispose();
    }
  });

  it('explains a go failure that is not about a test (no go.mod)', async () => {
    const f = tempFolder({});
    try {
      const stderr = "go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n";
      const [r] = await runChecks(moduleWith(tests), f.dir, { runner: fakeGo(() => ({ exitCode: 1, stderr })), fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.match(r?.message ?? '', /go\.mod file not found/);
    } finally {
      f.dispose();
    }
  });
});
