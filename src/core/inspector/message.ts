/**
 * One message as the inspector sees it, decoded from what NATS delivered:
 * the CloudEvents-style envelope of module 5 and the capstone (structured JSON
 * mode, `specversion`/`id`/`type`/`source`/`time`/`data`), its headers (trace
 * context, `Nats-Msg-Id`, dead-letter reasons) and a printable payload.
 * Pure: bytes in, plain data out; never throws on bad input.
 */
import { decodeProtobuf, type ProtoSchema } from './protobuf';
import { errorMessage } from '../errorMessage';

/** What a NATS client hands over, without any client type. */
export interface RawMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  /** Header name → values, names as sent. */
  readonly headers?: Readonly<Record<string, readonly string[]>>;
  /** When the server stored it (JetStream), else when it was received. */
  readonly time?: Date;
  readonly stream?: string;
  readonly streamSequence?: number;
}

export interface Envelope {
  readonly specversion?: string | undefined;
  readonly id?: string | undefined;
  readonly type?: string | undefined;
  readonly source?: string | undefined;
  readonly subject?: string | undefined;
  readonly time?: string | undefined;
  readonly datacontenttype?: string | undefined;
  /** A version the producer stated: a `dataversion`/`version` attribute, or `ce-dataversion`. */
  readonly version?: string | undefined;
}

export interface InspectedMessage {
  readonly subject: string;
  readonly time: Date;
  readonly size: number;
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly stream?: string | undefined;
  readonly streamSequence?: number | undefined;
  /** Event type: the envelope's `type`, a `ce-type` header, or else the subject. */
  readonly type: string;
  /** Where the type came from: a subject-only guess is weaker evidence. */
  readonly typeFrom: 'envelope' | 'header' | 'subject';
  readonly id?: string | undefined;
  readonly version?: string | undefined;
  readonly envelope?: Envelope | undefined;
  /** The event data (the envelope's `data`, or the whole body when there is no envelope), when it is JSON or decoded Protobuf. */
  readonly data?: unknown;
  readonly hasData: boolean;
  /** The payload for a human: pretty JSON, text, or hex for bytes that are not UTF-8. */
  readonly display: string;
  readonly displayKind: 'json' | 'text' | 'hex' | 'protobuf';
  /** The body was longer than the limit: `display` holds its start only. */
  readonly truncated: boolean;
  /** Why the body is not an event envelope (not JSON, missing attributes), when it is not. */
  readonly decodeProblem?: string | undefined;
  /** W3C trace context from the headers, when present. */
  readonly traceparent?: string | undefined;
  /** Set on dead-lettered messages: where the event was first published. */
  readonly originalSubject?: string | undefined;
  readonly deadLetterReason?: string | undefined;
}

export interface DecodeOptions {
  /** Bytes shown at most; longer bodies are truncated (and not validated). */
  readonly maxDisplayBytes?: number | undefined;
  /** Protobuf messages by event type, for bodies sent as `application/protobuf`. */
  readonly protobuf?: ReadonlyMap<string, ProtoSchema> | undefined;
  /** Subject prefixes of dead-letter streams: `deadletter.booking.requested` → `booking.requested`. */
  readonly deadLetterPrefixes?: readonly string[] | undefined;
}

export const defaultMaxDisplayBytes = 64 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A header's first value, matched without regard to case (NATS keeps the case it was sent with). */
export function header(headers: Readonly<Record<string, readonly string[]>> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const direct = headers[name];
  if (direct) return direct[0];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v[0];
  return undefined;
}

export function inspectMessage(raw: RawMessage, options: DecodeOptions = {}): InspectedMessage {
  const limit = options.maxDisplayBytes ?? defaultMaxDisplayBytes;
  const headers = raw.headers ?? {};
  const size = raw.data.byteLength;
  const truncated = size > limit;
  const body = truncated ? raw.data.subarray(0, limit) : raw.data;
  const base = {
    subject: raw.subject,
    time: raw.time ?? new Date(),
    size,
    headers,
    stream: raw.stream,
    streamSequence: raw.streamSequence,
    truncated,
    traceparent: header(headers, 'traceparent'),
    originalSubject: header(headers, 'Edgo-Original-Subject') ?? deadLetterOrigin(raw.subject, options.deadLetterPrefixes),
    deadLetterReason: header(headers, 'Edgo-Error') ?? header(headers, 'Dead-Letter-Reason'),
  };
  const headerType = header(headers, 'ce-type') ?? header(headers, 'ce_type');
  const headerVersion = header(headers, 'ce-dataversion') ?? header(headers, 'Edgo-Event-Version');
  const typeOf = (envType?: string) =>
    envType ? { type: envType, typeFrom: 'envelope' as const } : headerType ? { type: headerType, typeFrom: 'header' as const } : { type: base.originalSubject ?? raw.subject, typeFrom: 'subject' as const };

  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    // Not UTF-8: a Protobuf body when we know the type, else hex.
    const proto = options.protobuf?.get(headerType ?? base.originalSubject ?? raw.subject);
    if (proto && !truncated) {
      const decoded = decodeProtobuf(raw.data, proto);
      if (decoded.ok) {
        return { ...base, ...typeOf(), id: header(headers, 'Nats-Msg-Id') ?? header(headers, 'ce-id'), version: headerVersion, data: decoded.value, hasData: true, display: JSON.stringify(decoded.value, null, 2), displayKind: 'protobuf' };
      }
    }
    return { ...base, ...typeOf(), id: header(headers, 'Nats-Msg-Id'), version: headerVersion, hasData: false, display: hex(body), displayKind: 'hex', decodeProblem: 'the payload is not UTF-8 text' };
  }
  if (truncated) {
    return {
      ...base,
      ...typeOf(),
      id: header(headers, 'Nats-Msg-Id'),
      version: headerVersion,
      hasData: false,
      display: text,
      displayKind: 'text',
      decodeProblem: `the payload is ${size} bytes, over the ${limit}-byte limit; shown truncated and not checked`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { ...base, ...typeOf(), id: header(headers, 'Nats-Msg-Id'), version: headerVersion, hasData: false, display: text, displayKind: 'text', decodeProblem: `the payload is not JSON (${errorMessage(err)})` };
  }
  const envelope = asEnvelope(parsed);
  if (!envelope) {
    // Binary mode (attributes in ce-* headers) or a bare payload.
    return {
      ...base,
      ...typeOf(),
      id: header(headers, 'ce-id') ?? header(headers, 'Nats-Msg-Id'),
      version: headerVersion,
      data: parsed,
      hasData: true,
      display: JSON.stringify(parsed, null, 2),
      displayKind: 'json',
      decodeProblem: headerType ? undefined : 'no CloudEvents envelope (specversion, id, type, source)',
    };
  }
  const missing = (['specversion', 'id', 'type', 'source'] as const).filter((k) => !envelope[k]);
  const record = parsed as Record<string, unknown>;
  return {
    ...base,
    ...typeOf(envelope.type),
    id: envelope.id ?? header(headers, 'Nats-Msg-Id'),
    version: envelope.version ?? headerVersion,
    envelope,
    data: record.data,
    hasData: 'data' in record,
    display: JSON.stringify(parsed, null, 2),
    displayKind: 'json',
    decodeProblem: missing.length ? `the envelope lacks ${missing.join(', ')}` : undefined,
  };
}

function asEnvelope(value: unknown): Envelope | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (!('specversion' in v) && !('data' in v && 'type' in v)) return undefined;
  const str = (x: unknown) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : undefined);
  return {
    specversion: str(v.specversion),
    id: str(v.id),
    type: str(v.type),
    source: str(v.source),
    subject: str(v.subject),
    time: str(v.time),
    datacontenttype: str(v.datacontenttype),
    version: str(v.dataversion) ?? str(v.version),
  };
}

function deadLetterOrigin(subject: string, prefixes: readonly string[] = ['deadletter.']): string | undefined {
  for (const p of prefixes) if (subject.startsWith(p) && subject.length > p.length) return subject.slice(p.length);
  return undefined;
}

/** `7b 22 69 ...`, 16 bytes a line, with an offset column. */
export function hex(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const row = Array.from(bytes.subarray(i, i + 16), (b) => b.toString(16).padStart(2, '0')).join(' ');
    lines.push(`${i.toString(16).padStart(6, '0')}  ${row}`);
  }
  return lines.join('\n');
}
