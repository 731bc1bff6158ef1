/**
 * Progress that follows the learner: on a machine where a scaffolded module has
 * no recorded steps, the learner's work itself says how far they got. The steps
 * whose checks pass are done, and so is the scaffold step (the folder exists);
 * reading steps before a done step count as done already (`isStepDone`).
 */
import { stepsCompletedBy } from './runChecks';
import type { CheckResult, ModuleSpec } from './types';

/** The command whose success means the starter was scaffolded. */
export const scaffoldCommand = 'edgo.scaffold';

/** Steps to record as done for a scaffolded folder, from its check results. */
export function restoredSteps(spec: ModuleSpec, results: readonly Pick<CheckResult, 'id' | 'status'>[]): string[] {
  const ids = new Set<string>();
  for (const s of spec.steps) if (s.doneWhen.kind === 'command' && s.doneWhen.command === scaffoldCommand) ids.add(s.id);
  for (const r of results) if (r.status === 'pass') for (const id of stepsCompletedBy(spec, r.id)) ids.add(id);
  return spec.steps.map((s) => s.id).filter((id) => ids.has(id));
}

/** Whether to offer a restore: the module has no progress here at all (never overwrite what is recorded). */
export function shouldOfferRestore(recorded: readonly string[]): boolean {
  return recorded.length === 0;
}
