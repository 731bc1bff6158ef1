/** Re-publishes a dead-lettered message to its original subject (the caller asks for confirmation first). */
import { planRedrive, type RedrivePlan } from '../core/inspector/redrive';
import type { NatsSession, PublishResult } from './types';

export interface RedriveOutcome {
  readonly plan: RedrivePlan;
  readonly result: PublishResult;
}

/** The plan for a stored dead letter, to show before asking; a string says why it cannot be re-driven. */
export async function prepareRedrive(session: NatsSession, stream: string, seq: number): Promise<RedrivePlan | string> {
  const dead = await session.getMessage(stream, seq);
  if (!dead) return `message ${seq} is no longer in stream ${stream}`;
  return planRedrive(dead);
}

export async function redrive(session: NatsSession, plan: RedrivePlan): Promise<RedriveOutcome> {
  return { plan, result: await session.publish(plan.subject, plan.data, plan.headers) };
}
