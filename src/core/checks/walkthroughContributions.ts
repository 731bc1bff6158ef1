/**
 * Builds `contributes.walkthroughs` for package.json from the modules'
 * `module.json` (run by `npm run gen:walkthroughs`; a unit test fails when
 * package.json is out of date). Also names the context keys that complete steps,
 * so the generator and the extension agree on them.
 */
import type { CourseModule } from '../modules';
import type { ModuleSpec, StepMedia } from './types';

export interface WalkthroughStepContribution {
  id: string;
  title: string;
  description: string;
  media: Record<string, unknown>;
  completionEvents: string[];
}

export interface WalkthroughContribution {
  id: string;
  title: string;
  description: string;
  featuredFor?: string[];
  steps: WalkthroughStepContribution[];
}

const nn = (module: CourseModule) => String(module.number).padStart(2, '0');

/** `edgo.check.01.tests`: set true when check `tests` of module 1 passes. */
export function checkContextKey(module: CourseModule, checkId: string): string {
  return `edgo.check.${nn(module)}.${checkId}`;
}

/** A task label as it appears in a context key: `Run the server` → `run-the-server`. */
export function labelSlug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `edgo.task.05.run-the-server`: set true when that task of module 5 exits with 0. */
export function taskContextKey(module: CourseModule, label: string): string {
  return `edgo.task.${nn(module)}.${labelSlug(label)}`;
}

function mediaContribution(slug: string, media: StepMedia): Record<string, unknown> {
  const at = (p: string) => `walkthroughs/${slug}/${p.replace(/^\.\//, '')}`;
  if ('markdown' in media) return { markdown: at(media.markdown) };
  if ('svg' in media) return { svg: at(media.svg), altText: media.altText };
  const image = typeof media.image === 'string' ? at(media.image) : Object.fromEntries(Object.entries(media.image).map(([k, v]) => [k, at(v)]));
  return { image, altText: media.altText };
}

/** The completion events of each step, following VS Code's semantics. */
export function completionEvents(module: CourseModule, spec: ModuleSpec, stepId: string): string[] {
  const step = spec.steps.find((s) => s.id === stepId);
  if (!step) return [];
  const events: string[] = [];
  const done = step.doneWhen;
  if (done.kind === 'read') events.push('onStepSelected');
  else if (done.kind === 'command') events.push(`onCommand:${done.command}`);
  else if (done.kind === 'check') events.push(`onContext:${checkContextKey(module, done.check)}`);
  else events.push(`onContext:${taskContextKey(module, done.label)}`);
  // A check may name the step it completes, whatever the step's own completion is.
  for (const c of spec.checks) {
    const key = `onContext:${checkContextKey(module, c.id)}`;
    if (c.step === stepId && !events.includes(key)) events.push(key);
  }
  return events;
}

export function walkthroughContribution(module: CourseModule, spec: ModuleSpec): WalkthroughContribution {
  return {
    id: module.walkthroughId,
    title: `Event-Driven Go ${nn(module)}: ${spec.title}`,
    description: spec.description,
    // Module 1 is offered on the Welcome page of Go workspaces.
    ...(module.number === 1 ? { featuredFor: ['go.mod', '**/*.go'] } : {}),
    steps: spec.steps.map((s) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      media: mediaContribution(module.slug, s.media),
      completionEvents: completionEvents(module, spec, s.id),
    })),
  };
}

export function walkthroughContributions(modules: ReadonlyArray<{ module: CourseModule; spec: ModuleSpec }>): WalkthroughContribution[] {
  return [...modules].sort((a, b) => a.module.number - b.module.number).map((m) => walkthroughContribution(m.module, m.spec));
}
