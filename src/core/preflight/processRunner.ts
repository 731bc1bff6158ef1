import type { ProcessResult as ToolRun } from '../checks/types';

/**
 * What happened when a tool was started, as the preflight reads a run of the one
 * process runner (`ProcessRunner` in core/checks).
 */
export type ProcessResult =
  | { readonly kind: 'exited'; readonly exitCode: number; readonly stdout: string; readonly stderr: string }
  /** The executable was not found (ENOENT) or is not executable (EACCES). */
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'timeout'; readonly stdout: string; readonly stderr: string }
  | { readonly kind: 'failed'; readonly message: string };

/** The preflight's reading of a run. */
export function readRun(run: ToolRun): ProcessResult {
  if (run.notFound) return { kind: 'not-found', message: run.stderr.trim() || 'not found' };
  if (run.timedOut) return { kind: 'timeout', stdout: run.stdout, stderr: run.stderr };
  if (run.exitCode === null) return { kind: 'failed', message: run.stderr.trim() || 'it was stopped before it exited' };
  return { kind: 'exited', exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr };
}
