/**
 * The event model: an event YAML file (module 4 short form or the full form)
 * loaded into one typed `EventDefinition`. Loading is lenient: it never throws
 * and never validates (that is `validateEventText`'s job); it keeps whatever it
 * can read so the docs/catalog generator can render half-finished files too.
 *
 * Stable API (imported by the docs generator): `EventDefinition`,
 * `EventPayload`, `FieldType`, `loadEventDefinition`, `loadEventDefinitions`.
 */
import { parseAllDocuments, parseDocument } from 'yaml';

/** A module 4 field type: a type name (`UUID`, `Money`, `string`) or nested fields. */
export type FieldType = string | { readonly [field: string]: FieldType } | readonly FieldType[];

/** A JSON Schema object, as written in the file. */
export type JsonSchema = { readonly [key: string]: unknown };

/** The event's payload in one of the three shapes the course uses. */
export type EventPayload =
  /** Module 4: `payload: { orderId: UUID, total: Money }`. */
  | { readonly kind: 'fields'; readonly fields: { readonly [field: string]: FieldType } }
  /** Full form: an inline JSON Schema (`type: object`, `properties`, ...). */
  | { readonly kind: 'schema'; readonly schema: JsonSchema }
  /** Full form: `payload: { $ref: ./order-created.schema.json }`, relative to the event file. */
  | { readonly kind: 'ref'; readonly ref: string };

export interface EventDefinition {
  /** `name` of the full form, or `eventType` of the module 4 form, e.g. `order.created`. */
  readonly name: string;
  /** Which key carried the name. */
  readonly form: 'full' | 'module4';
  /** Semver string as written (`1.0.0`); a number such as `1.0` is turned into its text. */
  readonly version?: string | undefined;
  readonly title?: string | undefined;
  readonly summary?: string | undefined;
  readonly owners: readonly string[];
  readonly producers: readonly string[];
  readonly consumers: readonly string[];
  readonly payload?: EventPayload | undefined;
  /** CloudEvents attributes (`type`, `source`, `specversion`, ...) or module 4 metadata fields. */
  readonly metadata: { readonly [key: string]: unknown };
  readonly examples: readonly unknown[];
  /** Path or URI of the file the definition came from. */
  readonly sourceFile: string;
  /** Zero-based line of the definition's first key in that file. */
  readonly line: number;
}

const maxAliases = 100;

/**
 * Loads the first event of a YAML text. Returns undefined when the text holds
 * no mapping with a `name` or `eventType` (or is not YAML at all).
 */
export function loadEventDefinition(text: string, sourceFile: string): EventDefinition | undefined {
  try {
    const doc = parseDocument(text, { prettyErrors: false });
    const value: unknown = doc.toJS({ maxAliasCount: maxAliases });
    const line = firstLine(text, doc.contents?.range?.[0] ?? 0);
    return toEventDefinition(value, sourceFile, line);
  } catch {
    return undefined;
  }
}

/**
 * Loads every event of a YAML text: one event per document of a multi-document
 * stream (`---`), or each entry of a top-level list, or of an `events:` list.
 */
export function loadEventDefinitions(text: string, sourceFile: string): EventDefinition[] {
  const out: EventDefinition[] = [];
  try {
    for (const doc of parseAllDocuments(text)) {
      if (!('toJS' in doc)) continue;
      const value: unknown = doc.toJS({ maxAliasCount: maxAliases });
      const line = firstLine(text, doc.contents?.range?.[0] ?? 0);
      const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.events) ? value.events : [value];
      for (const item of list) {
        const event = toEventDefinition(item, sourceFile, line);
        if (event) out.push(event);
      }
    }
  } catch {
    // A broken file yields what was read before the break.
  }
  return out;
}

/** Turns a parsed YAML value into an event, or undefined when it is not one. */
export function toEventDefinition(value: unknown, sourceFile: string, line = 0): EventDefinition | undefined {
  if (!isRecord(value)) return undefined;
  const fullName = text(value.name);
  const eventType = text(value.eventType);
  const name = fullName ?? eventType;
  if (name === undefined) return undefined;
  return {
    name,
    form: fullName !== undefined ? 'full' : 'module4',
    version: text(value.version),
    title: text(value.title),
    summary: text(value.summary),
    owners: names(value.owners),
    producers: names(value.producers),
    consumers: names(value.consumers),
    payload: toPayload(value.payload),
    metadata: isRecord(value.metadata) ? value.metadata : {},
    examples: Array.isArray(value.examples) ? value.examples : value.examples !== undefined ? [value.examples] : [],
    sourceFile,
    line,
  };
}

/** Tells the three payload shapes apart. */
export function toPayload(value: unknown): EventPayload | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.$ref === 'string') return { kind: 'ref', ref: value.$ref };
  if (looksLikeJsonSchema(value)) return { kind: 'schema', schema: value };
  return { kind: 'fields', fields: value as { [field: string]: FieldType } };
}

const schemaKeywords = ['type', 'properties', '$schema', 'allOf', 'anyOf', 'oneOf', 'items', 'required'];

/** A payload is a JSON Schema when it uses JSON Schema keywords with schema-shaped values. */
export function looksLikeJsonSchema(value: { readonly [key: string]: unknown }): boolean {
  if (typeof value.$schema === 'string') return true;
  if (isRecord(value.properties)) return true;
  if (typeof value.type === 'string' && ['object', 'array'].includes(value.type) && Object.keys(value).some((k) => k !== 'type' && schemaKeywords.includes(k))) return true;
  return ['allOf', 'anyOf', 'oneOf'].some((k) => Array.isArray(value[k]));
}

function isRecord(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** `owners: [a, b]`, `owners: a`, `owners: [{id: a}]` or `[{name: a}]` all give ['a', 'b']. */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const out: string[] = [];
  for (const item of list) {
    const n = isRecord(item) ? (text(item.id) ?? text(item.name) ?? text(item.service)) : text(item);
    if (n !== undefined) out.push(n);
  }
  return out;
}

function firstLine(source: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}
