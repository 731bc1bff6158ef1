// A hostile GitHub workflow or Kubernetes manifest (huge, a million lines,
// deeply nested, an alias bomb) goes through the same hardened YAML parse as an
// event file: one clear finding, in bounded time, never a throw.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CoreDiagnostic } from '../../../src/core/diagnostic';
import { validateManifests } from '../../../src/core/checks/kinds/kubernetes';
import { validateWorkflowText } from '../../../src/core/checks/kinds/workflow';

/** Nine levels of ten aliases each: 10^9 values once expanded. */
function aliasBomb(): string {
  const lines = ['x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 9; i++) lines.push(`x${i}: &x${i} [${Array.from({ length: 10 }, () => `*x${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

const workflowHead = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test ./...\n';
const manifestHead = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';

/** Hostile bodies, each with the finding it must give. */
const hostile: [string, (head: string) => string, string][] = [
  ['a 6 MB file', (head) => `${head}data:\n${'  k: 0123456789012345678901234567890123456789\n'.repeat(150_000)}`, 'file/too-large'],
  ['a million-line list', (head) => `${head}data:\n${'  - 1\n'.repeat(1_000_000)}`.slice(0, 4_900_000), 'file/too-many-lines'],
  ['brackets nested 10,000 deep', (head) => `${head}data: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'yaml/too-deep'],
  ['an alias bomb', (head) => `${head}${aliasBomb()}`, 'yaml/alias-bomb'],
];

function timed(run: () => CoreDiagnostic[]): { diags: CoreDiagnostic[]; ms: number } {
  const started = performance.now();
  const diags = run();
  return { diags, ms: performance.now() - started };
}

describe('hostile workflows and manifests', () => {
  for (const [what, body, code] of hostile) {
    it(`a workflow with ${what}: ${code}, in bounded time`, () => {
      const { diags, ms } = timed(() => validateWorkflowText(body(workflowHead)));
      assert.deepEqual(
        diags.map((d) => d.code),
        [code],
      );
      assert.equal(diags[0]?.source, 'edgo-workflow');
      assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
    });

    it(`a manifest with ${what}: ${code}, in bounded time`, () => {
      const { diags, ms } = timed(() => validateManifests([{ file: 'm.yaml', text: body(manifestHead) }])[0]?.diagnostics ?? []);
      assert.deepEqual(
        diags.map((d) => d.code),
        [code],
      );
      assert.equal(diags[0]?.source, 'edgo-kubernetes');
      assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
    });
  }
});
