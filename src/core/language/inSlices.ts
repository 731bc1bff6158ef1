/**
 * Long work (indexing a workspace of thousands of files) done in short slices,
 * with a pause between them in which the host answers its other messages (the
 * language server validates the file the learner just opened), and stopped
 * as soon as its token is cancelled. Host-free: the host gives the clock and
 * the pause.
 */

/** The LSP's and VS Code's token shape: work stops when it turns true. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export interface SliceOptions {
  readonly token?: CancellationToken | undefined;
  /** Longest run between two pauses, in milliseconds. */
  readonly sliceMs?: number;
  /** Milliseconds since some fixed moment (performance.now). */
  readonly now: () => number;
  /** Lets the host's queued work run (setImmediate in Node). */
  readonly pause: () => Promise<void>;
}

export interface SliceOutcome {
  /** Items handed to `each`. */
  readonly done: number;
  readonly cancelled: boolean;
  /** Pauses taken: how often the host had its turn. */
  readonly pauses: number;
}

/** Calls `each` on every item (the iterator is advanced only between checks, so a lazy walk is lazy here too). */
export async function inSlices<T>(items: Iterable<T>, each: (item: T) => void, options: SliceOptions): Promise<SliceOutcome> {
  const sliceMs = options.sliceMs ?? 8;
  let done = 0;
  let pauses = 0;
  let sliceStart = options.now();
  for (const item of items) {
    if (options.token?.isCancellationRequested) return { done, cancelled: true, pauses };
    each(item);
    done++;
    if (options.now() - sliceStart >= sliceMs) {
      await options.pause();
      pauses++;
      sliceStart = options.now();
    }
  }
  return { done, cancelled: options.token?.isCancellationRequested === true, pauses };
}
