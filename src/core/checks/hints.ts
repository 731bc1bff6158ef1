/**
 * Hints, one at a time: a check in `module.json` may carry `hints`; the first is
 * shown on its first failure, the next when the same check fails again (the
 * last one stays). A pass starts the count again. Counts are kept per folder and
 * check by a `FailureCounts` (the extension's globalState, a file for the CLI).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

export const failureKey = (folder: string, moduleSlug: string, checkId: string) => `${path.resolve(folder)}::${moduleSlug}::${checkId}`;

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

/** Where the CLI keeps its counts: `$XDG_STATE_HOME/edgo`, else `~/.local/state/edgo`. */
export function defaultStateDir(): string {
  return path.join(process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state'), 'edgo');
}

/** Counts in a JSON file (never in the learner's folder); an unreadable file counts as empty. */
export function fileFailureCounts(file: string): FailureCounts {
  const read = (): Record<string, number> => {
    try {
      const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      return typeof data === 'object' && data !== null ? (data as Record<string, number>) : {};
    } catch {
      return {};
    }
  };
  return {
    get: (k) => (typeof read()[k] === 'number' ? read()[k]! : 0),
    set: (k, n) => {
      const all = read();
      if (n === 0) delete all[k];
      else all[k] = n;
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, `${JSON.stringify(all, null, 1)}\n`);
      } catch {
        // No place to remember: hints still show, always the first one.
      }
    },
  };
}
