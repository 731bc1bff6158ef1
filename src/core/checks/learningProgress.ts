/**
 * The learning path's step states from the extension's progress record: done,
 * current (the one step to do next in the whole course) or not started. A
 * reading step the learner has moved past counts as done: VS Code ticks reading
 * steps on the walkthrough page but tells no extension.
 */
import type { ModuleSpec } from './types';

export type StepState = 'done' | 'current' | 'not-started';

export interface PathModule {
  readonly walkthroughId: string;
  readonly spec: Pick<ModuleSpec, 'steps'>;
}

/** Whether a step counts as done, given the recorded steps of its module. */
export function isStepDone(spec: Pick<ModuleSpec, 'steps'>, recorded: ReadonlySet<string>, stepId: string): boolean {
  if (recorded.has(stepId)) return true;
  const index = spec.steps.findIndex((s) => s.id === stepId);
  return spec.steps[index]?.doneWhen.kind === 'read' && spec.steps.slice(index + 1).some((s) => recorded.has(s.id));
}

/** Every step's state, per walkthrough id, in course order. */
export function pathStates(modules: readonly PathModule[], recorded: (walkthroughId: string) => ReadonlySet<string>): Map<string, Map<string, StepState>> {
  const out = new Map<string, Map<string, StepState>>();
  let currentGiven = false;
  for (const m of modules) {
    const done = recorded(m.walkthroughId);
    const states = new Map<string, StepState>();
    for (const s of m.spec.steps) {
      if (isStepDone(m.spec, done, s.id)) states.set(s.id, 'done');
      else if (!currentGiven) {
        states.set(s.id, 'current');
        currentGiven = true;
      } else states.set(s.id, 'not-started');
    }
    out.set(m.walkthroughId, states);
  }
  return out;
}

/** A module's state: done when every step is, current when it holds the current step or has progress. */
export function moduleState(states: ReadonlyMap<string, StepState>): StepState {
  const values = [...states.values()];
  if (values.length > 0 && values.every((v) => v === 'done')) return 'done';
  return values.some((v) => v !== 'not-started') ? 'current' : 'not-started';
}
