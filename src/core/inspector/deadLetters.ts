/**
 * What the inspector remembers about dead letters the learner handled: which
 * were re-driven (when, to which subject and stream sequence), so the view can
 * mark them, a second re-drive asks again naming the first, and a removal says
 * what is being removed.
 *
 * Why a ledger in the workspace state and not only the `Edgo-Redriven-From`
 * header on the copy: the copy lives on another stream (ORDERS), which the view
 * would have to scan on every refresh to find it, and a work-queue or
 * size-limited stream drops the copy once consumed, taking the mark with it.
 * The ledger is read in O(1) per dead letter and survives a window reload. The
 * header stays on the copy, so a tail still shows where it came from.
 *
 * A dead letter is keyed by server, stream, sequence and the time the server
 * stored it: a stream deleted and created again reuses sequence 1, and its new
 * message must not inherit the old one's mark.
 */

/** The Memento-shaped store the ledger lives in (VS Code's workspaceState in the extension). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface DeadLetterRef {
  /** The NATS server URL the inspector is connected to. */
  readonly server: string;
  readonly stream: string;
  readonly seq: number;
  /** When the server stored the dead letter (ms since the epoch). */
  readonly storedAt: number | undefined;
}

export interface RedriveMark {
  /** ISO time of the last re-drive. */
  readonly at: string;
  readonly subject: string;
  /** Where the copy landed. */
  readonly stream: string;
  readonly seq: number;
  /** How many times this dead letter was re-driven. */
  readonly count: number;
}

export const redriveLedgerKey = 'edgo.inspector.redriven';
/** Marks kept at most; the oldest go first (a workspace state must stay small). */
export const redriveLedgerLimit = 500;

/** `nats://127.0.0.1:4222/` and `127.0.0.1:4222` are the same server; a `user:password@` in the URL is never kept. */
export function serverKey(url: string): string {
  return url
    .trim()
    .replace(/^nats:\/\//i, '')
    .replace(/^[^@/]*@/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

export function deadLetterKey(ref: DeadLetterRef): string {
  return `${serverKey(ref.server)} ${ref.stream} #${ref.seq} @${ref.storedAt ?? '?'}`;
}

function isMark(v: unknown): v is RedriveMark {
  const m = v as Partial<RedriveMark> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.at === 'string' &&
    !Number.isNaN(Date.parse(m.at)) &&
    typeof m.subject === 'string' &&
    typeof m.stream === 'string' &&
    Number.isInteger(m.seq) &&
    Number.isInteger(m.count) &&
    (m.count ?? 0) > 0
  );
}

/** The ledger's marks, from whatever the store holds (a hand-edited or older state is read as far as it is sound, never thrown on). */
function readMarks(value: unknown): Map<string, RedriveMark> {
  const out = new Map<string, RedriveMark>();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (isMark(v)) out.set(k, v);
  return out;
}

export class RedriveLedger {
  constructor(
    private readonly store: KeyValueStore,
    private readonly limit = redriveLedgerLimit,
  ) {}

  #marks(): Map<string, RedriveMark> {
    return readMarks(this.store.get<unknown>(redriveLedgerKey));
  }

  markOf(ref: DeadLetterRef): RedriveMark | undefined {
    return this.#marks().get(deadLetterKey(ref));
  }

  /** Records a re-drive that the stream accepted; returns the mark now kept. */
  async record(ref: DeadLetterRef, copy: { readonly subject: string; readonly stream: string; readonly seq: number }, at: Date): Promise<RedriveMark> {
    const marks = this.#marks();
    const key = deadLetterKey(ref);
    const mark: RedriveMark = { at: at.toISOString(), subject: copy.subject, stream: copy.stream, seq: copy.seq, count: (marks.get(key)?.count ?? 0) + 1 };
    // Re-inserted last: the Map's order is the age order used to trim.
    marks.delete(key);
    marks.set(key, mark);
    while (marks.size > this.limit) marks.delete(marks.keys().next().value as string);
    await this.store.update(redriveLedgerKey, Object.fromEntries(marks));
    return mark;
  }

  /** Forgets a dead letter that was removed from its stream. */
  async forget(ref: DeadLetterRef): Promise<void> {
    const marks = this.#marks();
    if (marks.delete(deadLetterKey(ref))) await this.store.update(redriveLedgerKey, Object.fromEntries(marks));
  }
}

/** A local date and time to the second: "2026-12-05 08:41:07". */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** "re-driven 2026-12-05 08:41:07 to order.created (ORDERS #4)", with "2 times" when it was more than once. */
export function describeRedrive(mark: RedriveMark): string {
  return `re-driven${mark.count > 1 ? ` ${mark.count} times, last` : ''} ${localTime(mark.at)} to ${mark.subject} (${mark.stream} #${mark.seq})`;
}

/** The mark in a narrow tree row: a label suffix (never cut) and the start of the description; the time alone when it is today. */
export function redriveRowMark(mark: RedriveMark, now: Date): { readonly suffix: string; readonly description: string } {
  const when = localTime(mark.at);
  const today = localTime(now.toISOString()).slice(0, 10) === when.slice(0, 10);
  return { suffix: `✓ re-driven${mark.count > 1 ? ` ×${mark.count}` : ''}`, description: `→ ${mark.subject} (${mark.stream} #${mark.seq}) at ${today ? when.slice(11) : when}` };
}

export interface Question {
  readonly message: string;
  readonly detail: string;
  /** The button that goes ahead. */
  readonly confirm: string;
}

/** The confirmation before a re-drive; a dead letter re-driven before is named as such. */
export function redriveQuestion(ref: DeadLetterRef, subject: string, reason: string | undefined, mark: RedriveMark | undefined): Question {
  const why = reason ? `It failed with: ${reason}\n\n` : '';
  if (mark) {
    return {
      message: `Dead letter #${ref.seq} of ${ref.stream} was already ${describeRedrive(mark)}. Re-drive it again?`,
      detail: `${why}Its consumers would receive the same event once more. If the first copy failed again, it is a new dead letter: re-drive that one instead.`,
      confirm: 'Re-drive Again',
    };
  }
  return {
    message: `Re-publish dead letter #${ref.seq} of ${ref.stream} to ${subject}?`,
    detail: `${why}Its consumers will receive it again. Fix the cause first, or it will come back here.`,
    confirm: 'Re-drive',
  };
}

/** The confirmation before removing a dead letter from its stream: stronger when it was never re-driven. */
export function removalQuestion(ref: DeadLetterRef, type: string, mark: RedriveMark | undefined): Question {
  const message = `Remove dead letter #${ref.seq} (${type}) from ${ref.stream}?`;
  if (mark) return { message, detail: `It was ${describeRedrive(mark)}. The copy there stays; only the dead letter is deleted from ${ref.stream} on the server.`, confirm: 'Remove' };
  return {
    message,
    detail: `It was never re-driven from this workspace: once removed, this event is gone from the server for good. Re-drive it first if its consumers still need it.`,
    confirm: 'Remove Without Re-driving',
  };
}

/**
 * Why the message now at the dead letter's sequence must not be re-driven or removed: it is
 * gone already, or it is another message than the one the learner saw (the
 * stream was purged and created again). Undefined: it is the same one.
 */
export function shownMessageProblem(ref: DeadLetterRef, now: { readonly time?: Date | undefined } | undefined): string | undefined {
  if (!now) return `dead letter #${ref.seq} is no longer in ${ref.stream}`;
  const storedAt = now.time?.getTime();
  if (ref.storedAt !== undefined && storedAt !== ref.storedAt) {
    return `message #${ref.seq} of ${ref.stream} is not the dead letter shown (stored ${storedAt === undefined ? 'at an unknown time' : new Date(storedAt).toISOString()}, not ${new Date(ref.storedAt).toISOString()}); refresh the view`;
  }
  return undefined;
}
