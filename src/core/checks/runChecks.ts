/**
 * Runs a module's checks in a learner's folder, one after the other (they share
 * the Go build cache, and the output reads in order), reporting each as it ends.
 */
import { basenameOf } from '../paths';
import type { CourseFs } from './courseFs';
import { findCheckKind } from './registry';
import { eventsValidator, mermaidParserValidator } from './defaultValidators';
import { formatLocation } from './goTool';
import { layCheckTests } from './checkTests';
import { failureKey, hintFor, type CheckHint, type FailureCounts } from './hints';
import type { CheckContext, CheckOutcome, CheckSpec, CheckStatus, CheckResult, EventYamlValidator, MermaidValidator, ModuleSpec, ProcessRunner } from './types';
import { errorMessage } from '../errorMessage';

export interface RunChecksOptions {
  readonly runner: ProcessRunner;
  /** The files the checks read, and their temp folders (`nodeCourseFs` from src/core/host). */
  readonly fs: CourseFs;
  readonly eventYaml?: EventYamlValidator;
  readonly mermaid?: MermaidValidator;
  readonly signal?: AbortSignal;
  /** Run only these check ids (all when absent). */
  readonly only?: readonly string[];
  /**
   * The module's folder under `walkthroughs/` (`LoadedModule.dir`): needed when the
   * module declares `checkTests`, whose course copies decide the Go checks.
   */
  readonly moduleDir?: string;
  /** Failures in a row per folder and check, for hints one at a time (module.json `hints`). */
  readonly failureCounts?: FailureCounts;
  /** Called as each check ends (for live test items and progress). */
  readonly onResult?: (result: CheckResult) => void;
}

export async function runChecks(spec: ModuleSpec, folder: string, options: RunChecksOptions): Promise<CheckResult[]> {
  if (options.fs.kindOf(folder) !== 'folder') {
    throw new Error(`${folder} is not a folder: scaffold the module's starter first, or pass the folder that holds your work.`);
  }
  if (spec.checkTests && spec.checkTests.length > 0 && !options.moduleDir) {
    throw new Error("This module decides its Go checks with the course's own tests: pass the module folder (moduleDir) to runChecks.");
  }
  const checkTests = options.moduleDir ? await layCheckTests(options.fs, spec, options.moduleDir, folder) : undefined;
  const ctx: CheckContext = {
    folder,
    runner: options.runner,
    fs: options.fs,
    eventYaml: options.eventYaml ?? eventsValidator(folder),
    mermaid: options.mermaid ?? mermaidParserValidator,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(checkTests ? { checkTests } : {}),
    ...(options.moduleDir ? { moduleDir: options.moduleDir } : {}),
  };
  try {
    return await runEach(spec, ctx, options);
  } finally {
    checkTests?.dispose();
  }
}

async function runEach(spec: ModuleSpec, ctx: CheckContext, options: RunChecksOptions): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of spec.checks) {
    if (options.only && !options.only.includes(check.id)) continue;
    if (options.signal?.aborted) break;
    const started = Date.now();
    const kind = findCheckKind(check.kind);
    let outcome: CheckOutcome;
    try {
      outcome = kind ? await kind.run(check, ctx) : { status: 'fail' as const, message: `This version of the extension does not know the check kind "${check.kind}": update it.` };
    } catch (err) {
      // A check that crashes reports it as its own failure; the others still run.
      outcome = { status: 'fail' as const, message: `The check could not run: ${errorMessage(err)}` };
    }
    const problems = outcome.problems ?? [];
    const counted = outcome.blocked || outcome.missingTool ? {} : await countFailure(check, ctx.folder, outcome.status, options);
    const location = problems.find((p) => p.location)?.location;
    const result: CheckResult = {
      id: check.id,
      kind: check.kind,
      title: check.title,
      ...(check.step ? { step: check.step } : {}),
      status: outcome.status,
      message: outcome.message,
      ...(location ? { location } : {}),
      problems,
      ...(outcome.missingTool ? { missingTool: outcome.missingTool } : {}),
      ...(outcome.notes && outcome.notes.length > 0 ? { notes: outcome.notes } : {}),
      ...counted,
      durationMs: Date.now() - started,
    };
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}

/** Counts this result (a pass resets), and picks the hint for a failure. */
async function countFailure(check: CheckSpec, folder: string, status: CheckStatus, options: RunChecksOptions): Promise<{ failures?: number; hint?: CheckHint }> {
  const counts = options.failureCounts;
  const key = failureKey(folder, options.moduleDir ? basenameOf(options.moduleDir) : '', check.id);
  if (status === 'pass') {
    if (counts && counts.get(key) !== 0) await counts.set(key, 0);
    return {};
  }
  const failures = counts ? counts.get(key) + 1 : 1;
  if (counts) await counts.set(key, failures);
  const hint = hintFor(check, failures);
  return { ...(counts ? { failures } : {}), ...(hint ? { hint } : {}) };
}

/** The step ids a check completes: its own `step`, and steps whose completion is `check:<id>`. */
export function stepsCompletedBy(spec: ModuleSpec, checkId: string): string[] {
  const ids = new Set<string>();
  const check = spec.checks.find((c) => c.id === checkId);
  if (check?.step) ids.add(check.step);
  for (const s of spec.steps) if (s.doneWhen.kind === 'check' && s.doneWhen.check === checkId) ids.add(s.id);
  return [...ids];
}

/** One line per result: `pass build  The module builds.` or `FAIL tests  ... (users_test.go:25)` (words: a font may lack check marks). */
export function formatResultLine(r: CheckResult): string {
  const where = r.location && !r.message.includes(formatLocation(r.location)) ? `  ${formatLocation(r.location)}` : '';
  return `${r.status === 'pass' ? 'pass' : 'FAIL'} ${r.id}  ${r.title}: ${r.message}${where}`;
}
