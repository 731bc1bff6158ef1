// The workflow schema is written here (schemas/github-workflow/generate.mjs), is up
// to date, carries no prose of others, accepts the course's workflows and the real
// ones installed packages ship, and names planted mistakes at their place.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { validateWorkflowText } from '../../../../src/core/checks/kinds/workflow';
import { workflowSchemaPath, workflowSchemaText } from '../../../../schemas/github-workflow/generate.mjs';
import { repoRoot } from '../helpers';

/** Workflow files under `dir/<package>/.github/workflows`, scoped packages included. */
function shippedWorkflows(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const packages = fs.readdirSync(dir).flatMap((name) => (name.startsWith('@') ? fs.readdirSync(path.join(dir, name)).map((n) => path.join(dir, name, n)) : [path.join(dir, name)]));
  return packages.flatMap((p) => {
    const wf = path.join(p, '.github', 'workflows');
    return fs.existsSync(wf)
      ? fs
          .readdirSync(wf)
          .filter((f) => /\.ya?ml$/.test(f))
          .map((f) => path.join(wf, f))
      : [];
  });
}

const minimal = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: go test ./...
`;

describe('github-workflow schema', () => {
  it('is the generator output (run node schemas/github-workflow/generate.mjs)', () => {
    assert.equal(fs.readFileSync(workflowSchemaPath, 'utf8'), workflowSchemaText());
  });

  it('holds no descriptions: only keys and types, written here', () => {
    assert.doesNotMatch(fs.readFileSync(workflowSchemaPath, 'utf8'), /"(description|markdownDescription)"\s*:\s*"/);
  });

  it('accepts the capstone starter and solution workflows', () => {
    for (const side of ['starter', 'solution']) {
      const file = path.join(repoRoot, 'walkthroughs', '10-capstone', side, '.github', 'workflows', 'ci.yml');
      assert.deepEqual(validateWorkflowText(fs.readFileSync(file, 'utf8')), [], file);
    }
  });

  it('accepts the real workflows that installed packages ship', (t) => {
    const files = [...shippedWorkflows(path.join(repoRoot, 'node_modules')), ...shippedWorkflows(path.join(repoRoot, 'test', 'vscode', 'node_modules'))];
    if (files.length === 0) {
      t.skip('no .github/workflows in node_modules: run npm ci (and test/tools/ensure-code-server.sh)');
      return;
    }
    const rejected = files.filter((f) => validateWorkflowText(fs.readFileSync(f, 'utf8')).length > 0).map((f) => path.relative(repoRoot, f));
    assert.deepEqual(rejected, []);
  });

  const planted: [string, string, string, string][] = [
    ['unknown top-level key', minimal.replace('jobs:', 'job:'), 'workflow/unknown-key', '/job'],
    ['unknown job key', minimal.replace('    steps:', '    step:'), 'workflow/unknown-key', '/jobs/build/step'],
    ['misspelt event', minimal.replace('on: push', 'on: [push, pul_request]'), 'workflow/enum', '/on/1'],
    ['runs-on a number', minimal.replace('ubuntu-latest', '5'), 'workflow/type', '/jobs/build/runs-on'],
    ['permissions level', `permissions:\n  contents: admin\n${minimal}`, 'workflow/enum', '/permissions/contents'],
    ['unknown permission', `permissions:\n  content: read\n${minimal}`, 'workflow/unknown-key', '/permissions/content'],
    ['cancel-in-progress a word', `concurrency:\n  group: ci\n  cancel-in-progress: yes-please\n${minimal}`, 'workflow/type', '/concurrency/cancel-in-progress'],
    ['strategy without matrix', minimal.replace('    steps:', '    strategy:\n      fail-fast: false\n    steps:'), 'workflow/required', '/jobs/build/strategy'],
    ['service without image', minimal.replace('    steps:', '    services:\n      db:\n        ports: [5432]\n    steps:'), 'workflow/required', '/jobs/build/services/db'],
    ['schedule without cron', minimal.replace('on: push', 'on:\n  schedule:\n    - at: daily'), 'workflow/unknown-key', '/on/schedule/0/at'],
    ['dispatch input of an unknown type', minimal.replace('on: push', 'on:\n  workflow_dispatch:\n    inputs:\n      env:\n        type: text'), 'workflow/enum', '/on/workflow_dispatch/inputs/env/type'],
    ['step with neither uses nor run', minimal.replace('      - run: go test ./...', '      - name: nothing'), 'workflow/required', '/jobs/build/steps/0'],
    ['step env a list', minimal.replace('      - run: go test ./...', '      - run: go test ./...\n        env: [A=1]'), 'workflow/type', '/jobs/build/steps/0/env'],
    ['needs a number', minimal.replace('    steps:', '    needs: 3\n    steps:'), 'workflow/type', '/jobs/build/needs'],
    ['job outputs not text', minimal.replace('    steps:', '    outputs:\n      tag: [a]\n    steps:'), 'workflow/type', '/jobs/build/outputs/tag'],
    ['reusable job with steps', 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/r.yml\n    secrets: inherit\n    steps: [{ run: make }]\n', 'workflow/unknown-key', '/jobs/call/steps'],
  ];
  for (const [what, text, code, pointer] of planted) {
    it(`names a planted mistake: ${what}`, () => {
      const diags = validateWorkflowText(text);
      assert.ok(
        diags.some((d) => d.code === code && (d.pointer ?? '') === pointer),
        JSON.stringify(diags.map((d) => [d.code, d.pointer, d.message])),
      );
    });
  }

  it('accepts the valid forms of the same keys', () => {
    const valid = `name: all
run-name: deploy by \${{ github.actor }}
on:
  push: { branches: [main], tags: ['v*'], paths-ignore: [docs/**] }
  pull_request: { types: [opened, synchronize] }
  schedule: [{ cron: '0 3 * * 1' }]
  workflow_dispatch: { inputs: { env: { type: choice, options: [dev, prod], default: dev } } }
  workflow_call: { inputs: { tag: { type: string, required: true } }, secrets: { token: { required: true } } }
permissions: { contents: read, id-token: write, packages: write }
concurrency: { group: 'ci-\${{ github.ref }}', cancel-in-progress: true }
env: { GOFLAGS: -mod=readonly, RETRIES: 3 }
defaults: { run: { shell: bash, working-directory: services } }
jobs:
  test:
    runs-on: [self-hosted, linux]
    timeout-minutes: \${{ fromJSON(vars.TIMEOUT) }}
    strategy: { fail-fast: false, max-parallel: 2, matrix: { go: ['1.24', '1.25'], include: [{ go: '1.25', race: true }] } }
    services: { nats: { image: 'nats:2.12', ports: ['4222:4222'], options: '--health-cmd true' } }
    container: golang:1.25
    outputs: { tag: '\${{ steps.meta.outputs.tag }}' }
    steps:
      - id: meta
        uses: actions/checkout@v6
        with: { fetch-depth: 0 }
      - run: go test ./...
        if: \${{ matrix.race }}
        continue-on-error: true
  deploy:
    needs: [test]
    if: github.ref == 'refs/heads/main'
    environment: { name: prod, url: https://example.test }
    runs-on: ubuntu-latest
    steps: [{ run: helm upgrade --install }]
  reuse:
    needs: test
    uses: ./.github/workflows/deploy.yml
    with: { tag: v1 }
    secrets: inherit
`;
    assert.deepEqual(validateWorkflowText(valid), []);
  });
});
