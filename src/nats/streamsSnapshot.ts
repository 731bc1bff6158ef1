/** What one refresh of the Event Streams view reads: the streams, and the latest messages of each dead-letter stream. */
import type { RawMessage } from '../core/inspector/message';
import type { NatsSession, StreamSummary } from './types';

/** Latest dead letters the view lists per dead-letter stream. */
export const deadLettersShown = 20;

export interface StreamsSnapshot {
  readonly streams: StreamSummary[];
  /** Dead-letter stream → its latest messages, newest first. */
  readonly deadLetters: Map<string, RawMessage[]>;
}

export async function readStreamsSnapshot(session: NatsSession, shown = deadLettersShown): Promise<StreamsSnapshot> {
  const streams = await session.listStreams();
  const deadLetters = new Map<string, RawMessage[]>();
  for (const s of streams.filter((x) => x.deadLetter && x.messages > 0)) {
    const list: RawMessage[] = [];
    for (let seq = s.lastSeq; seq >= s.firstSeq && list.length < shown; seq--) {
      const m = await session.getMessage(s.name, seq);
      if (m) list.push(m);
    }
    deadLetters.set(s.name, list);
  }
  return { streams, deadLetters };
}
