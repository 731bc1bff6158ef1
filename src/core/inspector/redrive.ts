/**
 * Re-driving a dead-lettered message: where it goes back to and with which
 * headers. Module 5 names the original subject in `Edgo-Original-Subject`; the
 * capstone's subject is `deadletter.<original>`. The dead-letter headers are
 * dropped and the message id is derived from the dead letter's position, so a
 * second click on the same message inside the duplicate window is dropped; a
 * re-drive the learner confirmed again (`attempt` 2, 3, …) gets its own id.
 */
import { header, inspectMessage, type RawMessage } from './message';

export interface RedrivePlan {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly headers: Readonly<Record<string, string>>;
}

const deadLetterHeaders = /^(edgo-original-subject|edgo-error|edgo-deliveries|dead-letter-.*|nats-msg-id|nats-expected-.*)$/i;

/** The plan, or a sentence saying why the message cannot be re-driven. */
export function planRedrive(dead: RawMessage, attempt = 1): RedrivePlan | string {
  const inspected = inspectMessage(dead);
  const subject = inspected.originalSubject ?? (/^dlq\./.test(dead.subject) && inspected.typeFrom === 'envelope' ? inspected.type : undefined);
  if (!subject) return `the original subject of ${dead.subject} is not known (no Edgo-Original-Subject header, no deadletter. prefix, no event type)`;
  if (/[*> ]/.test(subject)) return `the original subject "${subject}" is not a plain subject`;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(dead.headers ?? {})) if (!deadLetterHeaders.test(k) && v[0] !== undefined) headers[k] = v[0];
  const id = inspected.id ?? header(dead.headers, 'Nats-Msg-Id') ?? 'event';
  headers['Nats-Msg-Id'] = `${id}-redrive-${dead.stream ?? 'dl'}-${dead.streamSequence ?? 0}${attempt > 1 ? `-${attempt}` : ''}`;
  headers['Edgo-Redriven-From'] = `${dead.stream ?? ''}#${dead.streamSequence ?? ''}`;
  return { subject, data: dead.data, headers };
}
