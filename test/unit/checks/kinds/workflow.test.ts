import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { nodeCourseFs, runChecks, type CheckSpec, type ModuleSpec } from '../../../../src/core/checks';
import { findCheckKind } from '../../../../src/core/checks/registry';
import { gatesOnMain, validateWorkflowText, workflowCheck } from '../../../../src/core/checks/kinds/workflow';
import { noGo, repoRoot, tempFolder } from '../helpers';

const capstone = path.join(repoRoot, 'walkthroughs', '10-capstone');
const read = (rel: string) => fs.readFileSync(path.join(capstone, rel), 'utf8');
const pipelineRules = {
  requireUses: ['actions/checkout', 'docker/build-push-action'],
  requireRun: ['go vet', 'go test', 'validate events', 'helm lint', 'helm template', 'helm upgrade --install'],
  mainOnly: ['helm upgrade'],
};
const only = (check: CheckSpec): ModuleSpec => ({ title: 't', description: 'd', steps: [], checks: [check], expect: { starterFails: [], starterMessages: {} } });

const minimal = `name: ci
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: go test ./...
`;

describe('github-workflow: schema', () => {
  it('accepts the capstone solution workflow with the pipeline rules', () => {
    assert.deepEqual(validateWorkflowText(read('solution/.github/workflows/ci.yml'), pipelineRules), []);
  });

  it('accepts a minimal workflow', () => {
    assert.deepEqual(validateWorkflowText(minimal), []);
  });

  it('names an unknown trigger at its line', () => {
    const text = minimal.replace('  push:', '  pushh:');
    const diags = validateWorkflowText(text);
    const d = diags.find((x) => x.code === 'workflow/unknown-key');
    assert.ok(d, JSON.stringify(diags));
    assert.match(d.message, /`pushh` is not a key GitHub Actions knows in on/);
    assert.equal(d.range.start.line, 2);
    assert.equal(d.range.start.character, 2);
  });

  it('says a job needs runs-on (or uses), at the job', () => {
    const text = minimal.replace('    runs-on: ubuntu-latest\n', '');
    const diags = validateWorkflowText(text);
    const d = diags.find((x) => x.code === 'workflow/required');
    assert.ok(d, JSON.stringify(diags));
    assert.match(d.message, /jobs\.test needs .*`runs-on`/);
    assert.equal(d.range.start.line, 5);
  });

  it('follows the branch a job came closest to: a misspelt runs-on is named, not the reusable-workflow keys', () => {
    const diags = validateWorkflowText(minimal.replace('runs-on', 'run-on'));
    assert.deepEqual(
      diags.map((d) => [d.code, d.range.start.line]),
      [
        ['workflow/unknown-key', 6],
        ['workflow/required', 5],
      ],
    );
    assert.match(diags[1]?.message ?? '', /needs `runs-on`\.$/);
  });

  it('says a step cannot both use an action and run a command', () => {
    const diags = validateWorkflowText(minimal.replace('      - run: go test ./...', '      - uses: actions/setup-go@v5\n        run: go test'));
    assert.deepEqual(
      diags.map((d) => d.code),
      ['workflow/ambiguous'],
    );
    assert.equal(diags[0]?.range.start.line, 9);
  });

  it('prefers "must be number" to the ${{ }} expression alternative', () => {
    const diags = validateWorkflowText(minimal.replace('    runs-on: ubuntu-latest', '    runs-on: ubuntu-latest\n    timeout-minutes: ten'));
    assert.deepEqual(
      diags.map((d) => d.message),
      ['jobs.test.timeout-minutes: must be number.'],
    );
  });

  it('rejects a misspelt step key', () => {
    const diags = validateWorkflowText(minimal.replace('- run: go test', '- runn: go test'));
    assert.ok(
      diags.some((d) => d.severity === 'error' && d.pointer?.startsWith('/jobs/test/steps/1')),
      JSON.stringify(diags),
    );
  });

  it('reports YAML syntax errors without throwing', () => {
    const diags = validateWorkflowText('on: [push\njobs: {');
    assert.ok(diags.length > 0);
    // The one hardened YAML parse of every kind names syntax errors `yaml/...`.
    assert.match(diags[0]?.code ?? '', /^yaml\//);
    assert.equal(diags[0]?.source, 'edgo-workflow');
  });

  it('reports a workflow that is not a map', () => {
    assert.equal(validateWorkflowText('- a\n- b\n')[0]?.code, 'workflow/not-a-map');
  });
});

describe('github-workflow: course rules', () => {
  it('asks for missing actions and commands', () => {
    const codes = validateWorkflowText(minimal, pipelineRules).map((d) => d.code);
    assert.ok(codes.includes('workflow/missing-action'));
    assert.equal(codes.filter((c) => c === 'workflow/missing-command').length, 5);
  });

  it('flags a deploy job that is not gated on main', () => {
    const text = `${minimal}  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install booking ./chart
`;
    const d = validateWorkflowText(text, { mainOnly: ['helm upgrade'] }).find((x) => x.code === 'workflow/not-gated');
    assert.ok(d);
    assert.equal(d.range.start.line, 10);
    const gated = text.replace('  deploy:\n', "  deploy:\n    if: github.ref == 'refs/heads/main'\n");
    assert.deepEqual(validateWorkflowText(gated, { mainOnly: ['helm upgrade'] }), []);
  });

  it('knows the usual ways to gate on main', () => {
    assert.ok(gatesOnMain("github.event_name == 'push' && github.ref == 'refs/heads/main'"));
    assert.ok(gatesOnMain("github.ref_name == 'main'"));
    assert.ok(!gatesOnMain("github.ref != 'refs/heads/main'"));
    assert.ok(!gatesOnMain(undefined));
  });
});

describe('github-workflow: check kind', () => {
  it('is registered and validates its fields', () => {
    assert.equal(findCheckKind('github-workflow'), workflowCheck);
    assert.deepEqual(workflowCheck.validate({ id: 'w', kind: 'github-workflow', title: 't' }), []);
    assert.equal(workflowCheck.validate({ id: 'w', kind: 'github-workflow', title: 't', requireUses: 'x', min: -1 }).length, 2);
  });

  it('passes on the capstone solution folder', async () => {
    const [r] = await runChecks(only({ id: 'w', kind: 'github-workflow', title: 'workflow', ...pipelineRules }), path.join(capstone, 'solution'), { runner: noGo, fs: nodeCourseFs });
    assert.equal(r?.status, 'pass', r?.message);
  });

  it('fails with file and line when a workflow is wrong or missing', async () => {
    const f = tempFolder({ '.github/workflows/ci.yml': minimal.replace('  push:', '  pushh:') });
    try {
      const [r] = await runChecks(only({ id: 'w', kind: 'github-workflow', title: 'workflow' }), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.deepEqual(r?.location, { file: '.github/workflows/ci.yml', line: 3, column: 3 });
    } finally {
      f.dispose();
    }
    const empty = tempFolder({ 'README.md': '' });
    try {
      const [r] = await runChecks(only({ id: 'w', kind: 'github-workflow', title: 'workflow' }), empty.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.match(r?.message ?? '', /Found 0 workflow files/);
    } finally {
      empty.dispose();
    }
  });

  it('accepts rules met across several workflow files', async () => {
    const deploy = `name: deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
      - run: helm upgrade --install b ./chart
`;
    const f = tempFolder({ '.github/workflows/ci.yml': minimal, '.github/workflows/deploy.yaml': deploy });
    try {
      const spec = { id: 'w', kind: 'github-workflow', title: 'w', requireUses: ['actions/checkout', 'docker/build-push-action'], requireRun: ['go test', 'helm upgrade'], mainOnly: ['helm upgrade'] };
      const [r] = await runChecks(only(spec), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(r?.status, 'pass', r?.message);
    } finally {
      f.dispose();
    }
  });
});

describe('edgo validate on workflows', () => {
  it('reports schema errors in .github/workflows files and accepts the solution workflow', async () => {
    const { validatePaths } = await import('../../../../src/cli/validate');
    const f = tempFolder({ '.github/workflows/ci.yml': minimal.replace('  push:', '  pushh:'), '.github/workflows/ok.yml': minimal, 'notes.yml': 'on: 1\n' });
    try {
      const findings = await validatePaths([path.join(f.dir, '.github', 'workflows'), path.join(f.dir, 'notes.yml')]);
      assert.deepEqual(
        findings.map((x) => [path.basename(x.file), x.code, x.range.start.line]),
        [['ci.yml', 'workflow/unknown-key', 2]],
      );
    } finally {
      f.dispose();
    }
    assert.deepEqual(await validatePaths([path.join(capstone, 'solution', '.github', 'workflows')]), []);
  });
});
