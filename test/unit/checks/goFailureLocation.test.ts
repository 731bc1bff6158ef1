// Locating a failing Go check at the learner's code: the declaration parser, the
// `codeUnderTest` of a go-test check, and a panic's frame in a non-test file.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { nodeCourseFs, runChecks, type CheckSpec, type ModuleSpec } from '../../../src/core/checks';
import { findGoFunc } from '../../../src/core/checks/goDeclarations';
import { fakeGo, jsonLines, tempFolder } from './helpers';

const moduleWith = (...checks: CheckSpec[]): ModuleSpec => ({ title: 't', description: 'd', steps: [], checks, expect: { starterFails: [], starterMessages: {} } });
const goMod = { 'go.mod': 'module example.com/shop\n\ngo 1.22\n' };
const pkg = 'example.com/shop/internal/users';

const memory = [
  'package users',
  '',
  '// func (s *MemoryService) List(ctx context.Context) is below.',
  'var doc = `',
  'func (s *MemoryService) List(',
  '`',
  '',
  'func NewMemoryService() *MemoryService { return &MemoryService{} }',
  '',
  'func (s *MemoryService) List(ctx context.Context) ([]User, error) {',
  '\treturn nil, nil',
  '}',
  '',
].join('\n');

/** One failing test printed by `t.Errorf` at users_test.go:25. */
const failingList = jsonLines([
  { Action: 'run', Package: pkg, Test: 'TestMemoryServiceList' },
  { Action: 'output', Package: pkg, Test: 'TestMemoryServiceList', Output: '    memory_test.go:25: List() of an empty store = nil, want []User{}\n' },
  { Action: 'fail', Package: pkg, Test: 'TestMemoryServiceList' },
  { Action: 'fail', Package: pkg },
]);

describe('findGoFunc', () => {
  it('finds a method by Type.Method and a function by name, not inside comments or strings', () => {
    assert.deepEqual(findGoFunc(memory, 'MemoryService.List'), { line: 10, column: 25 });
    assert.deepEqual(findGoFunc(memory, 'NewMemoryService'), { line: 8, column: 6 });
    assert.equal(findGoFunc(memory, 'MemoryService.Get'), undefined);
    // A function of the same name is not the method, nor the reverse.
    assert.equal(findGoFunc('package p\nfunc List() {}\n', 'MemoryService.List'), undefined);
    assert.equal(findGoFunc(memory, 'List'), undefined);
  });

  it('reads value receivers, unnamed receivers, type parameters and unformatted spacing', () => {
    const text = 'package p\n\nfunc (Store) Get(id string) {}\nfunc(s Box[T])Put [U any](v U) {}\n  func  (  st  *Store )  Del(id string) {}\nfunc Map[T any](xs []T) {}\n';
    assert.deepEqual(findGoFunc(text, 'Store.Get'), { line: 3, column: 14 });
    assert.deepEqual(findGoFunc(text, 'Box.Put'), { line: 4, column: 15 });
    assert.deepEqual(findGoFunc(text, 'Store.Del'), { line: 5, column: 26 });
    assert.deepEqual(findGoFunc(text, 'Map'), { line: 6, column: 6 });
  });
});

describe('go-test codeUnderTest', () => {
  const check: CheckSpec = {
    id: 'service',
    kind: 'go-test',
    title: 'service',
    run: '^TestMemoryService',
    codeUnderTest: [
      { file: 'internal/users/memory.go', func: 'MemoryService.Get', tests: 'Get' },
      { file: 'internal/users/memory.go', func: 'MemoryService.List', tests: '^TestMemoryServiceList$' },
    ],
  };

  it("locates an assertion failure at the function under test in the learner's file, the test line kept as related", async () => {
    const f = tempFolder({ ...goMod, 'internal/users/memory.go': memory });
    try {
      const [r] = await runChecks(moduleWith(check), f.dir, { runner: fakeGo(() => ({ exitCode: 1, stdout: failingList })), fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.deepEqual(r?.location, { file: 'internal/users/memory.go', line: 10, column: 25 });
      assert.equal(r?.problems[0]?.message, 'TestMemoryServiceList: List() of an empty store = nil, want []User{}');
      assert.deepEqual(r?.problems[0]?.related, [{ message: 'the failing check in the test', location: { file: 'internal/users/memory_test.go', line: 25 } }]);
    } finally {
      f.dispose();
    }
  });

  it('follows the function when the learner moves it within the file or into another file of the package', async () => {
    const moved = memory.replace('func NewMemoryService', '// helpers\n\n\nfunc NewMemoryService');
    const f = tempFolder({ ...goMod, 'internal/users/memory.go': moved });
    try {
      const [r] = await runChecks(moduleWith(check), f.dir, { runner: fakeGo(() => ({ exitCode: 1, stdout: failingList })), fs: nodeCourseFs });
      assert.deepEqual(r?.location, { file: 'internal/users/memory.go', line: 13, column: 25 });
    } finally {
      f.dispose();
    }
    const g = tempFolder({ ...goMod, 'internal/users/memory.go': 'package users\n', 'internal/users/list.go': memory, 'internal/users/list_test.go': memory });
    try {
      const [r] = await runChecks(moduleWith(check), g.dir, { runner: fakeGo(() => ({ exitCode: 1, stdout: failingList })), fs: nodeCourseFs });
      assert.deepEqual(r?.location, { file: 'internal/users/list.go', line: 10, column: 25 });
    } finally {
      g.dispose();
    }
  });

  it('points at the first function the test tests and keeps the others as related', async () => {
    const both: CheckSpec = {
      ...check,
      codeUnderTest: [
        { file: 'internal/users/memory.go', func: 'MemoryService.List' },
        { file: 'internal/users/memory.go', func: 'NewMemoryService' },
      ],
    };
    const f = tempFolder({ ...goMod, 'internal/users/memory.go': memory });
    try {
      const [r] = await runChecks(moduleWith(both), f.dir, { runner: fakeGo(() => ({ exitCode: 1, stdout: failingList })), fs: nodeCourseFs });
      assert.deepEqual(r?.location, { file: 'internal/users/memory.go', line: 10, column: 25 });
      assert.deepEqual(
        r?.problems[0]?.related?.map((x) => x.message),
        ['also tested: NewMemoryService', 'the failing check in the test'],
      );
      assert.deepEqual(r?.problems[0]?.related?.[0]?.location, { file: 'internal/users/memory.go', line: 8, column: 6 });
    } finally {
      f.dispose();
    }
  });

  it('stays at the test line and says what it looked for when the function is gone', async () => {
    const f = tempFolder({ ...goMod, 'internal/users/memory.go': 'package users\n' });
    try {
      const [r] = await runChecks(moduleWith(check), f.dir, { runner: fakeGo(() => ({ exitCode: 1, stdout: failingList })), fs: nodeCourseFs });
      assert.deepEqual(r?.location, { file: 'internal/users/memory_test.go', line: 25 });
      assert.match(r?.problems[0]?.message ?? '', /the check tests MemoryService\.List \(internal\/users\/memory\.go\), not found/);
    } finally {
      f.dispose();
    }
  });

  it('without codeUnderTest, keeps the test line (nothing declared to point at)', async () => {
    const f = tempFolder({ ...goMod, 'internal/users/memory.go': memory });
    try {
      const [r] = await runChecks(moduleWith({ id: 't', kind: 'go-test', title: 't' }), f.dir, { runner: fakeGo(() => ({ exitCode: 1, stdout: failingList })), fs: nodeCourseFs });
      assert.deepEqual(r?.location, { file: 'internal/users/memory_test.go', line: 25 });
      assert.equal(r?.problems[0]?.related, undefined);
    } finally {
      f.dispose();
    }
  });

  it("locates a panic at its first frame in a non-test file of the learner's, with the test's frame as related", async () => {
    const f = tempFolder({ ...goMod, 'internal/users/memory.go': memory });
    try {
      const frames = (test: string) =>
        [
          'panic: runtime error: index out of range [0] with length 0 [recovered]\n',
          'goroutine 7 [running]:\n',
          'testing.tRunner.func1.2({0x5f, 0xc})\n',
          '\t/usr/local/go/src/testing/testing.go:1632 +0x3fc\n',
          `\t${f.dir}/internal/users/memory_test.go:31 +0x1d\n`,
          `\t${f.dir}/internal/users/memory.go:11 +0x2a\n`,
          `\t${f.dir}/internal/users/memory_test.go:30 +0x1d\n`,
        ].map((Output) => ({ Action: 'output', Package: pkg, Test: test, Output }));
      const stdout = jsonLines([{ Action: 'run', Package: pkg, Test: 'TestMemoryServiceGet' }, ...frames('TestMemoryServiceGet'), { Action: 'fail', Package: pkg, Test: 'TestMemoryServiceGet' }, { Action: 'fail', Package: pkg }]);
      const [r] = await runChecks(moduleWith(check), f.dir, { runner: fakeGo(() => ({ exitCode: 1, stdout })), fs: nodeCourseFs });
      assert.deepEqual(r?.location, { file: 'internal/users/memory.go', line: 11 });
      assert.equal(r?.problems[0]?.message, 'TestMemoryServiceGet panicked: runtime error: index out of range [0] with length 0');
      assert.deepEqual(r?.problems[0]?.related?.[0]?.location, { file: 'internal/users/memory_test.go', line: 31 });
    } finally {
      f.dispose();
    }
  });

  it('locates a goroutine panic that crashed the test binary (the test never ended) the same way', async () => {
    const f = tempFolder({ ...goMod, 'internal/users/memory.go': memory });
    try {
      const output = ['panic: assignment to entry in nil map\n', 'goroutine 12 [running]:\n', `\t${f.dir}/internal/users/memory_test.go:44 +0x1d\n`, `\t${f.dir}/internal/users/memory.go:11 +0x2a\n`].map((Output) => ({
        Action: 'output',
        Package: pkg,
        Test: 'TestMemoryServiceConcurrent',
        Output,
      }));
      // No 'fail' event for the test: the binary died under it.
      const stdout = jsonLines([{ Action: 'run', Package: pkg, Test: 'TestMemoryServiceConcurrent' }, ...output, { Action: 'fail', Package: pkg }]);
      const [r] = await runChecks(moduleWith(check), f.dir, { runner: fakeGo(() => ({ exitCode: 1, stdout })), fs: nodeCourseFs });
      assert.deepEqual(r?.location, { file: 'internal/users/memory.go', line: 11 });
      assert.equal(r?.problems[0]?.message, 'TestMemoryServiceConcurrent panicked: assignment to entry in nil map');
      assert.deepEqual(r?.problems[0]?.related?.[0]?.location, { file: 'internal/users/memory_test.go', line: 44 });
    } finally {
      f.dispose();
    }
  });
});
