/**
 * Turns an event's payload (module 4 typed fields, an inline JSON Schema or a
 * `$ref` to a file) into one self-contained JSON Schema, plus a field list for
 * the Markdown docs.
 */
import type { EventPayload, FieldType } from '../events/model';
import type { FieldDoc, JsonSchema } from './input';

/** The module 4 type names the course uses, as JSON Schema. */
const namedTypes: Record<string, JsonSchema> = {
  uuid: { type: 'string', format: 'uuid' },
  string: { type: 'string' },
  text: { type: 'string' },
  int: { type: 'integer' },
  int32: { type: 'integer' },
  int64: { type: 'integer' },
  integer: { type: 'integer' },
  uint: { type: 'integer', minimum: 0 },
  number: { type: 'number' },
  float: { type: 'number' },
  float64: { type: 'number' },
  decimal: { type: 'number' },
  bool: { type: 'boolean' },
  boolean: { type: 'boolean' },
  timestamp: { type: 'string', format: 'date-time' },
  datetime: { type: 'string', format: 'date-time' },
  'time.time': { type: 'string', format: 'date-time' },
  date: { type: 'string', format: 'date' },
  email: { type: 'string', format: 'email' },
  url: { type: 'string', format: 'uri' },
  uri: { type: 'string', format: 'uri' },
  money: {
    type: 'object',
    description: 'An amount of money in minor units (cents) and its ISO 4217 currency.',
    properties: { amount: { type: 'integer' }, currency: { type: 'string', minLength: 3, maxLength: 3 } },
    required: ['amount', 'currency'],
  },
};

/** JSON Schema for one module 4 field type (`UUID`, `[]string`, `int?`, nested fields). */
export function fieldTypeSchema(type: FieldType): JsonSchema {
  if (Array.isArray(type)) return { type: 'array', items: type.length > 0 ? fieldTypeSchema(type[0] as FieldType) : {} };
  if (typeof type === 'object') return fieldsSchema(type as { readonly [field: string]: FieldType });
  let name = String(type).trim().replace(/\?$/, '');
  const list = /^\[\](.+)$/.exec(name) ?? /^(.+)\[\]$/.exec(name) ?? /^(?:list|array)<(.+)>$/i.exec(name);
  if (list) return { type: 'array', items: fieldTypeSchema(list[1]!) };
  name = name.replace(/^\*/, '');
  const known = namedTypes[name.toLowerCase()];
  if (known) return structuredClone(known);
  // An unknown name (a value object of the learner's domain) stays visible as a description.
  return { type: 'string', description: name };
}

/** An object schema for a module 4 field map; a field whose type ends in `?` is optional. */
export function fieldsSchema(fields: { readonly [field: string]: FieldType }): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, type] of Object.entries(fields)) {
    properties[name] = fieldTypeSchema(type);
    if (!(typeof type === 'string' && type.trim().endsWith('?'))) required.push(name);
  }
  return { type: 'object', properties, required };
}

/** Reads a `$ref`'d schema file; returns undefined when it cannot. */
export type RefReader = (ref: string) => Promise<JsonSchema | undefined>;

/** The payload as a JSON Schema; an empty object schema when there is none. */
export async function payloadSchema(payload: EventPayload | undefined, readRef: RefReader): Promise<{ schema: JsonSchema; warning?: string }> {
  const withDraft = (s: JsonSchema): JsonSchema => ({ $schema: 'http://json-schema.org/draft-07/schema#', ...s });
  if (payload === undefined) return { schema: withDraft({ type: 'object', properties: {} }), warning: 'has no payload' };
  if (payload.kind === 'fields') return { schema: withDraft(fieldsSchema(payload.fields)) };
  if (payload.kind === 'schema') return { schema: withDraft(structuredClone(payload.schema) as JsonSchema) };
  const read = await readRef(payload.ref);
  if (read === undefined) return { schema: withDraft({ type: 'object', properties: {} }), warning: `payload $ref ${payload.ref} could not be read` };
  const { $schema: _ignored, ...rest } = read;
  return { schema: withDraft(rest) };
}

/** The top-level fields of a payload, for docs: module 4 type names where the learner wrote them. */
export function payloadFields(payload: EventPayload | undefined, schema: JsonSchema): FieldDoc[] {
  if (payload?.kind === 'fields') {
    return Object.entries(payload.fields).map(([name, type]) => ({
      name,
      type: typeof type === 'string' ? type.replace(/\?$/, '') : Array.isArray(type) ? 'array' : 'object',
      required: !(typeof type === 'string' && type.trim().endsWith('?')),
    }));
  }
  return schemaFields(schema);
}

/** Top-level properties of an object schema. */
export function schemaFields(schema: JsonSchema): FieldDoc[] {
  const props = schema.properties;
  if (typeof props !== 'object' || props === null) return [];
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
  return Object.entries(props as Record<string, JsonSchema>).map(([name, s]) => {
    const description = typeof s?.description === 'string' ? s.description : undefined;
    return { name, type: schemaTypeName(s), required: required.includes(name), ...(description !== undefined ? { description } : {}) };
  });
}

function schemaTypeName(s: JsonSchema | undefined): string {
  if (s === undefined || typeof s !== 'object') return 'any';
  if (typeof s.$ref === 'string') return s.$ref.split('/').pop() ?? 'object';
  const type = Array.isArray(s.type) ? s.type.join(' | ') : typeof s.type === 'string' ? s.type : 'any';
  if (type === 'array' && typeof s.items === 'object' && s.items !== null) return `${schemaTypeName(s.items as JsonSchema)}[]`;
  if (typeof s.format === 'string') return `${type} (${s.format})`;
  return type;
}

/** Metadata fields: module 4 `occurredAt: timestamp` or CloudEvents attributes with their values. */
export function metadataFields(metadata: { readonly [key: string]: unknown }): FieldDoc[] {
  return Object.entries(metadata).map(([name, value]) => ({
    name,
    type: typeof value === 'string' ? value : typeof value === 'object' && value !== null ? 'object' : String(value),
    required: true,
  }));
}
