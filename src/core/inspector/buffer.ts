/**
 * What a live tail keeps: the last N messages (oldest dropped first) and the
 * running counts of verdicts, so the view stays small however long it runs.
 */
import { isViolation, type Verdict } from './verdict';

export class RingBuffer<T> {
  #items: (T | undefined)[];
  #start = 0;
  #length = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
    this.#items = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.#length;
  }

  /** Adds an item; returns the one it pushed out, if any. */
  push(item: T): T | undefined {
    if (this.#length < this.capacity) {
      this.#items[(this.#start + this.#length++) % this.capacity] = item;
      return undefined;
    }
    const dropped = this.#items[this.#start];
    this.#items[this.#start] = item;
    this.#start = (this.#start + 1) % this.capacity;
    return dropped;
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.#length; i++) out.push(this.#items[(this.#start + i) % this.capacity] as T);
    return out;
  }

  clear(): void {
    this.#items = new Array<T | undefined>(this.capacity);
    this.#start = 0;
    this.#length = 0;
  }
}

/** Counts of verdicts since the tail started (not only those still in the buffer). */
export class VerdictTally {
  valid = 0;
  invalid = 0;
  undocumented = 0;
  unchecked = 0;
  /** Violations by event type, for the "contract violations" summary. */
  readonly violationsByType = new Map<string, number>();

  add(type: string, verdict: Verdict): void {
    this[verdict.kind]++;
    if (isViolation(verdict)) this.violationsByType.set(type, (this.violationsByType.get(type) ?? 0) + 1);
  }

  get total(): number {
    return this.valid + this.invalid + this.undocumented + this.unchecked;
  }

  get violations(): number {
    return this.invalid + this.undocumented;
  }
}
