import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { moduleState, parseCompletion, pathStates, type PathModule } from '../../../src/core/checks';

const step = (id: string, completion: string) => ({ id, title: id, description: '', media: { markdown: 'x.md' }, completion, doneWhen: parseCompletion(completion)! });
const m1: PathModule = { walkthroughId: 'edgo.module01', spec: { steps: [step('intro', 'read'), step('scaffold', 'command:edgo.scaffold'), step('users', 'check:users'), step('outro', 'read')] } };
const m2: PathModule = { walkthroughId: 'edgo.module02', spec: { steps: [step('layers', 'read'), step('refactor', 'check:layers')] } };

describe('learning path states', () => {
  it('start with the first step of the course current and everything else not started', () => {
    const states = pathStates([m1, m2], () => new Set());
    assert.deepEqual([...states.get('edgo.module01')!.values()], ['current', 'not-started', 'not-started', 'not-started']);
    assert.equal(moduleState(states.get('edgo.module01')!), 'current');
    assert.equal(moduleState(states.get('edgo.module02')!), 'not-started');
  });

  it('count a reading step the learner moved past as done, but not a hands-on one', () => {
    const states = pathStates([m1, m2], (id) => new Set(id === 'edgo.module01' ? ['users'] : []));
    assert.deepEqual(Object.fromEntries(states.get('edgo.module01')!), { intro: 'done', scaffold: 'current', users: 'done', outro: 'not-started' });
  });

  it('move the current step to the next module once a module is done', () => {
    const states = pathStates([m1, m2], (id) => new Set(id === 'edgo.module01' ? ['scaffold', 'users', 'outro'] : []));
    assert.equal(moduleState(states.get('edgo.module01')!), 'done');
    assert.deepEqual(Object.fromEntries(states.get('edgo.module02')!), { layers: 'current', refactor: 'not-started' });
  });
});
