// A scaffolded folder with no progress on this machine restores it from the
// learner's work: the scaffold step, and the steps whose checks pass; nothing
// for failing checks, and never over progress already recorded.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isStepDone, loadModule, restoredSteps, shouldOfferRestore } from '../../../src/core/checks';
import { repoRoot } from './helpers';

describe('progress restored from passing checks', () => {
  const { spec } = loadModule(path.join(repoRoot, 'walkthroughs'), 1);
  const results = (passing: string[]) => spec.checks.map((c) => ({ id: c.id, status: passing.includes(c.id) ? ('pass' as const) : ('fail' as const) }));

  it('marks the scaffold step and the steps of passing checks, in step order', () => {
    assert.deepEqual(restoredSteps(spec, results(['build', 'vet', 'errors', 'service'])), ['scaffold', 'types-interfaces', 'errors']);
  });

  it('marks only the scaffold step when every check fails (a fresh starter)', () => {
    assert.deepEqual(restoredSteps(spec, results([])), ['scaffold']);
  });

  it('counts the reading steps before a restored step as done', () => {
    const done = new Set(restoredSteps(spec, results(spec.checks.map((c) => c.id))));
    assert.ok(isStepDone(spec, done, 'modules-packages'));
    assert.ok(isStepDone(spec, done, 'cli-vs-http'));
    assert.equal(done.has('install-go'), false, 'the preflight step is not claimed: this machine may still lack Go');
  });

  it('is offered only when the module has no progress here', () => {
    assert.equal(shouldOfferRestore([]), true);
    assert.equal(shouldOfferRestore(['scaffold']), false);
  });
});
