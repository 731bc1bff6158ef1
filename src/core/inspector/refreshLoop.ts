/**
 * When the Event Streams view asks the server again: every `periodMs` while it
 * is shown, and between those as soon as a message is published on one of its
 * streams (a listener armed after each refresh, that wakes once), but never
 * sooner than `wakeGapMs` after the last refresh, so a busy stream does not
 * make the view spin. Stopped (hidden), it neither asks nor listens.
 * Pure scheduling: what a refresh does and how to listen are passed in, so the
 * bench runs the very loop the view runs.
 */

/** Refreshes that a published message asks for are at least this far apart (the view's value). */
export const defaultWakeGapMs = 500;
/** The view's poll while shown, when `edgo.inspector.refreshSeconds` is not set. */
export const defaultRefreshSeconds = 3;

export interface RefreshLoopOptions {
  /** Does one refresh; true when it succeeded and the wake may be armed. */
  readonly run: () => Promise<boolean>;
  /** Arms a one-time wake on the next published message; undefined when there is nothing to listen to. */
  readonly listen: (wake: () => void) => { stop(): void } | undefined;
  readonly periodMs: () => number;
  readonly wakeGapMs: number;
}

export class RefreshLoop {
  #timer: ReturnType<typeof setInterval> | undefined;
  #refreshing = false;
  /** A message arrived while a refresh was under way: refresh once more after it. */
  #again = false;
  #lastRefresh = 0;
  #wake: { stop(): void } | undefined;
  #wakeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Refreshes run and wakes received, for the bench. */
  refreshes = 0;
  wakes = 0;

  constructor(private readonly options: RefreshLoopOptions) {}

  get running(): boolean {
    return this.#timer !== undefined;
  }

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.refresh(), this.options.periodMs());
    void this.refresh();
  }

  stop(): void {
    if (!this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    clearTimeout(this.#wakeTimer);
    this.#wakeTimer = undefined;
    this.#wake?.stop();
    this.#wake = undefined;
  }

  async refresh(): Promise<void> {
    if (this.#refreshing) return;
    this.#refreshing = true;
    this.#again = false;
    this.#lastRefresh = Date.now();
    this.refreshes++;
    try {
      this.#arm(await this.options.run());
    } finally {
      this.#refreshing = false;
      if (this.#again) this.#soon();
    }
  }

  #arm(ok: boolean): void {
    this.#wake?.stop();
    this.#wake = undefined;
    if (!this.#timer || !ok) return;
    this.#wake = this.options.listen(() => {
      this.#wake = undefined;
      this.wakes++;
      this.#soon();
    });
  }

  /** Refreshes now, or once the last refresh is `wakeGapMs` old. */
  #soon(): void {
    if (!this.#timer || this.#wakeTimer) return;
    const wait = Math.max(0, this.#lastRefresh + this.options.wakeGapMs - Date.now());
    this.#wakeTimer = setTimeout(() => {
      this.#wakeTimer = undefined;
      // The refresh under way may have listed the streams before the message landed.
      if (this.#refreshing) this.#again = true;
      else void this.refresh();
    }, wait);
  }
}
