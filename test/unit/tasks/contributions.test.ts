import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { problemMatchers, taskKinds } from '../../../src/core/tasks/taskKinds';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: {
    taskDefinitions: { type: string; properties: { task: { enum: string[] } } }[];
    problemMatchers: { name: string; pattern: { regexp: string; file: number; line: number }; background?: { beginsPattern: string; endsPattern: string } }[];
  };
};
const matchers = new Map(manifest.contributes.problemMatchers.map((m) => [m.name, m]));

/** VS Code compiles these patterns with `new RegExp(pattern)`: no flags, no inline `(?i)`. */
function regex(pattern: string): RegExp {
  return new RegExp(pattern);
}

function matcher(name: string) {
  const m = matchers.get(name);
  assert.ok(m, `problem matcher ${name} is not contributed`);
  return m;
}

describe('package.json task contributions', () => {
  it('declares the edgo task type with every task kind the catalog produces', () => {
    const def = manifest.contributes.taskDefinitions.find((d) => d.type === 'edgo');
    assert.ok(def);
    assert.deepEqual(def.properties.task.enum, [...taskKinds]);
  });

  it("contributes every problem matcher the tasks name (except VS Code's built-in $go)", () => {
    for (const name of Object.values(problemMatchers)) if (name !== 'go') matcher(name);
  });

  it('go-test maps a real go test -fullpath failure to its file and line', () => {
    const fixture = path.join(repoRoot, 'test', 'fixtures', 'tasks', 'go-fail');
    let output: string;
    try {
      execFileSync('go', ['test', '-fullpath', './...'], { cwd: fixture, encoding: 'utf8', stdio: 'pipe' });
      assert.fail('go test should fail on the go-fail fixture');
    } catch (err) {
      const e = err as { code?: string; stdout?: string };
      // no Go here: fall back to the output recorded with Go 1.26
      output = e.code === 'ENOENT' ? `--- FAIL: TestAdd (0.00s)\n    ${fixture}/calc_test.go:10: Add(2, 3) = -1, want 5\nFAIL\n` : (e.stdout ?? '');
    }
    const m = matcher('go-test');
    const hits = output
      .split('\n')
      .map((l) => regex(m.pattern.regexp).exec(l))
      .filter((x): x is RegExpExecArray => x !== null);
    assert.equal(hits.length, 1, output);
    const hit = hits[0];
    assert.ok(hit);
    assert.equal(hit[m.pattern.file], path.join(fixture, 'calc_test.go'));
    assert.equal(hit[m.pattern.line], '10');
    // the package summary line is not a problem
    assert.equal(regex(m.pattern.regexp).test('FAIL\texample.com/edgo/fail\t0.003s'), false);
  });

  it('go-test also reads Windows paths and the short form of older test output', () => {
    const re = regex(matcher('go-test').pattern.regexp);
    assert.equal(re.exec('    C:\\Users\\me\\order\\order_test.go:42: boom')?.[1], 'C:\\Users\\me\\order\\order_test.go');
    assert.equal(re.exec('        order_test.go:7: nested subtest')?.[1], 'order_test.go');
  });

  it("edgo-nats-server begins and ends on nats-server's real start-up log", () => {
    const log = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'tasks', 'nats-server-start.log'), 'utf8').split('\n');
    const bg = matcher('edgo-nats-server').background;
    assert.ok(bg);
    assert.equal(
      log.findIndex((l) => regex(bg.beginsPattern).test(l)),
      0,
    );
    assert.equal(
      log.findIndex((l) => regex(bg.endsPattern).test(l)),
      log.findIndex((l) => l.includes('Server is ready')),
    );
  });

  it('edgo-port-forward and edgo-server recognise readiness lines', () => {
    assert.match('Forwarding from 127.0.0.1:8080 -> 8080', regex(matcher('edgo-port-forward').background?.endsPattern ?? '^$'));
    assert.match('2026/11/25 12:00:00 order service listening on :8080', regex(matcher('edgo-server').background?.endsPattern ?? '^$'));
    assert.doesNotMatch('# example.com/order', regex(matcher('edgo-server').background?.endsPattern ?? '^$'));
  });
});
