import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

function edgo(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src', 'cli', 'main.ts'), ...args], { cwd: repoRoot, encoding: 'utf8' });
}

describe('edgo preflight', () => {
  it("reports all ten tools as JSON, Go checked against the folder's go.mod", () => {
    const run = edgo('preflight', '--format', 'json', 'test/fixtures/tasks/go-pass');
    const report = JSON.parse(run.stdout) as { tools: { id: string; status: string; minVersion: string; minVersionSource: string }[] };
    assert.deepEqual(
      report.tools.map((t) => t.id),
      ['go', 'git', 'docker', 'kubectl', 'helm', 'kind', 'minikube', 'nats-server', 'node', 'npm'],
    );
    const go = report.tools.find((t) => t.id === 'go');
    assert.equal(go?.minVersion, '1.22');
    assert.equal(go?.minVersionSource, 'go.mod');
    // exit code follows the required tools (go, git) on this machine
    const goAndGitReady = report.tools.filter((t) => t.id === 'go' || t.id === 'git').every((t) => t.status === 'ok');
    assert.equal(run.status, goAndGitReady ? 0 : 1, run.stderr);
  });

  it('rejects an unknown tool and a bad format with usage and exit code 2', () => {
    const bad = edgo('preflight', '--require', 'go,emacs');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Unknown tool\(s\): emacs/);
    assert.equal(edgo('preflight', '--format', 'html').status, 2);
  });
});
