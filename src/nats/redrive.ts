/**
 * Re-publishes a dead-lettered message to its original subject, and removes a
 * handled one from its stream (the caller asks for confirmation first).
 */
import { shownMessageProblem, type DeadLetterRef } from '../core/inspector/deadLetters';
import type { RawMessage } from '../core/inspector/message';
import { planRedrive, type RedrivePlan } from '../core/inspector/redrive';
import type { NatsSession, PublishResult } from './types';

export interface RedriveOutcome {
  readonly plan: RedrivePlan;
  readonly result: PublishResult;
}

/** The stored dead letter and its plan, to show before asking; a string says why it cannot be re-driven. `attempt` counts the re-drives confirmed so far plus one. */
export async function prepareRedrive(session: NatsSession, stream: string, seq: number, attempt = 1): Promise<(RedrivePlan & { readonly dead: RawMessage }) | string> {
  const dead = await session.getMessage(stream, seq);
  if (!dead) return `message ${seq} is no longer in stream ${stream}`;
  const plan = planRedrive(dead, attempt);
  return typeof plan === 'string' ? plan : { ...plan, dead };
}

export async function redrive(session: NatsSession, plan: RedrivePlan): Promise<RedriveOutcome> {
  return { plan, result: await session.publish(plan.subject, plan.data, plan.headers) };
}

/** Deletes the dead letter the learner saw, and only that one; a string says why it was not deleted. */
export async function removeDeadLetter(session: NatsSession, ref: DeadLetterRef): Promise<string | undefined> {
  const problem = shownMessageProblem(ref, await session.getMessage(ref.stream, ref.seq));
  if (problem) return problem;
  return (await session.deleteMessage(ref.stream, ref.seq)) ? undefined : `the server did not delete message #${ref.seq} of ${ref.stream}`;
}
