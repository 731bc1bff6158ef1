/**
 * Hints, one at a time: a check in `module.json` may carry `hints`; the first is
 * shown on its first failure, the next when the same check fails again (the
 * last one stays). A pass starts the count again. Counts are kept per folder and
 * check by a `FailureCounts` (the extension's globalState, a file for the CLI:
 * `fileFailureCounts` in src/core/host).
 */
import { resolvePath } from '../paths';
import type { CheckSpec } from './types';

export interface FailureCounts {
  get(key: string): number;
  set(key: string, count: number): void | Promise<void>;
}

export interface CheckHint {
  readonly text: string;
  /** 1-based: which hint this is. */
  readonly index: number;
  readonly of: number;
}

export const failureKey = (folder: string, moduleSlug: string, checkId: string) => `${resolvePath(folder)}::${moduleSlug}::${checkId}`;

/** The check's hints from module.json (validated by moduleSpec). */
export function hintsOf(check: CheckSpec): string[] {
  return Array.isArray(check.hints) ? check.hints.filter((h): h is string => typeof h === 'string' && h.trim() !== '') : [];
}

/** The hint for the n-th failure in a row (n ≥ 1); the last hint repeats. */
export function hintFor(check: CheckSpec, failures: number): CheckHint | undefined {
  const hints = hintsOf(check);
  if (hints.length === 0 || failures < 1) return undefined;
  const index = Math.min(failures, hints.length);
  return { text: hints[index - 1]!, index, of: hints.length };
}

/** `module.json` problems with a check's `hints` (empty when fine). */
export function validateHints(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0 || raw.some((h) => typeof h !== 'string' || h.trim() === '')) return 'must be a non-empty array of sentences';
  return undefined;
}

export function memoryFailureCounts(): FailureCounts {
  const counts = new Map<string, number>();
  return { get: (k) => counts.get(k) ?? 0, set: (k, n) => void (n === 0 ? counts.delete(k) : counts.set(k, n)) };
}
