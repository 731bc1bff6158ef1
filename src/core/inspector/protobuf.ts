/**
 * Just enough Protobuf to show module 5's `order.created` in its binary form:
 * a reader for the messages of a proto3 `.proto` file (scalar, message and
 * repeated fields, `google.protobuf.Timestamp`) and a wire-format decoder that
 * gives the proto3 JSON mapping (lowerCamelCase names, Timestamp as RFC 3339),
 * so the result can be validated against the same JSON Schema as the JSON event.
 * Not a general Protobuf library: no maps, oneofs, groups, imports of user files.
 */
import { errorMessage } from '../errorMessage';

export interface ProtoField {
  readonly name: string;
  readonly number: number;
  readonly type: string;
  readonly repeated: boolean;
}

export interface ProtoSchema {
  /** Message name (without package) → its fields by number. */
  readonly messages: ReadonlyMap<string, ReadonlyMap<number, ProtoField>>;
  /** The message a body is decoded as. */
  readonly root: string;
}

/** Reads the messages of a `.proto` text; `root` defaults to its first message. */
export function parseProto(text: string, root?: string): ProtoSchema | string {
  const source = text.replace(/\/\/[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const messages = new Map<string, Map<number, ProtoField>>();
  const messageRe = /\bmessage\s+(\w+)\s*\{([^{}]*)\}/g;
  for (let m = messageRe.exec(source); m; m = messageRe.exec(source)) {
    const fields = new Map<number, ProtoField>();
    const fieldRe = /(repeated\s+|optional\s+)?([\w.]+)\s+(\w+)\s*=\s*(\d+)\s*(?:\[[^\]]*\])?\s*;/g;
    for (let f = fieldRe.exec(m[2] as string); f; f = fieldRe.exec(m[2] as string)) {
      fields.set(Number(f[4]), { name: f[3] as string, number: Number(f[4]), type: (f[2] as string).split('.').pop() as string, repeated: f[1]?.trim() === 'repeated' });
    }
    messages.set(m[1] as string, fields);
  }
  const first = messages.keys().next().value;
  if (first === undefined) return 'no message definition found in the .proto file';
  if (root !== undefined && !messages.has(root)) return `message ${root} is not defined in the .proto file`;
  return { messages, root: root ?? first };
}

export type ProtoResult = { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly error: string };

export function decodeProtobuf(bytes: Uint8Array, schema: ProtoSchema): ProtoResult {
  try {
    return { ok: true, value: decodeMessage(bytes, schema, schema.root, 0) };
  } catch (err) {
    return { ok: false, error: errorMessage(err) };
  }
}

const varintTypes = new Set(['int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'bool']);

function decodeMessage(bytes: Uint8Array, schema: ProtoSchema, name: string, depth: number): Record<string, unknown> {
  if (depth > 32) throw new Error('messages nested too deeply');
  if (name === 'Timestamp' && !schema.messages.has('Timestamp')) return decodeTimestamp(bytes) as unknown as Record<string, unknown>;
  const fields = schema.messages.get(name);
  const out: Record<string, unknown> = {};
  const r = new Reader(bytes);
  while (!r.done()) {
    const tag = r.varint();
    const number = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    const field = fields?.get(number);
    if (!field) {
      r.skip(wire);
      continue;
    }
    const key = camel(field.name);
    const values: unknown[] = [];
    if (wire === 2 && (varintTypes.has(field.type) || field.type === 'enum')) {
      const packed = new Reader(r.bytes()); // packed repeated scalars
      while (!packed.done()) values.push(scalar(field.type, packed.varint()));
    } else if (wire === 0) values.push(scalar(field.type, r.varint()));
    else if (wire === 2) {
      const chunk = r.bytes();
      if (field.type === 'string') values.push(new TextDecoder('utf-8', { fatal: true }).decode(chunk));
      else if (field.type === 'bytes') values.push(Buffer.from(chunk).toString('base64'));
      else values.push(field.type === 'Timestamp' && !schema.messages.has('Timestamp') ? decodeTimestamp(chunk) : decodeMessage(chunk, schema, field.type, depth + 1));
    } else if (wire === 1) values.push(field.type === 'double' ? r.view(8).getFloat64(0, true) : Number(r.view(8).getBigInt64(0, true)));
    else if (wire === 5) values.push(field.type === 'float' ? r.view(4).getFloat32(0, true) : r.view(4).getInt32(0, true));
    else throw new Error(`unsupported wire type ${wire} for field ${field.name}`);
    if (field.repeated) out[key] = [...((out[key] as unknown[] | undefined) ?? []), ...values];
    else out[key] = values[values.length - 1];
  }
  return out;
}

function scalar(type: string, v: bigint): unknown {
  switch (type) {
    case 'bool':
      return v !== 0n;
    case 'sint32':
    case 'sint64':
      return Number((v >> 1n) ^ -(v & 1n));
    case 'int32':
      return Number(BigInt.asIntN(32, v));
    case 'int64':
      return Number(BigInt.asIntN(64, v));
    default:
      return Number(v);
  }
}

function decodeTimestamp(bytes: Uint8Array): string {
  let seconds = 0n;
  let nanos = 0n;
  const r = new Reader(bytes);
  while (!r.done()) {
    const tag = r.varint();
    if (tag === 8n) seconds = BigInt.asIntN(64, r.varint());
    else if (tag === 16n) nanos = r.varint();
    else r.skip(Number(tag & 7n));
  }
  return new Date(Number(seconds) * 1000 + Math.floor(Number(nanos) / 1e6)).toISOString().replace('.000Z', 'Z');
}

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

class Reader {
  #pos = 0;
  constructor(private readonly buf: Uint8Array) {}
  done(): boolean {
    return this.#pos >= this.buf.length;
  }
  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.#pos >= this.buf.length) throw new Error('truncated varint');
      const b = this.buf[this.#pos++] as number;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return result;
    }
    throw new Error('varint too long');
  }
  bytes(): Uint8Array {
    const len = Number(this.varint());
    if (this.#pos + len > this.buf.length) throw new Error('length-delimited field runs past the end');
    const out = this.buf.subarray(this.#pos, this.#pos + len);
    this.#pos += len;
    return out;
  }
  view(n: number): DataView {
    if (this.#pos + n > this.buf.length) throw new Error('fixed-size field runs past the end');
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.#pos, n);
    this.#pos += n;
    return v;
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.view(8);
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.view(4);
    else throw new Error(`unsupported wire type ${wire}`);
  }
}
