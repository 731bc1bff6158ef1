/**
 * A sample payload for "Publish a sample event": the contract's first example,
 * or else a value generated from its JSON Schema (required properties, formats,
 * minimums), and the CloudEvents envelope the course's services write around it.
 */
import type { Contract } from './contracts';

export function samplePayload(contract: Contract): unknown {
  if (contract.definition.examples.length > 0) return contract.definition.examples[0];
  const payload = contract.definition.payload;
  if (payload?.kind === 'schema') return fromSchema(payload.schema, payload.schema, 0);
  if (payload?.kind === 'fields') return Object.fromEntries(Object.keys(payload.fields).map((k) => [k, '']));
  return {};
}

type Schema = { readonly [key: string]: unknown };

function fromSchema(root: Schema, schema: Schema, depth: number): unknown {
  if (depth > 8) return null;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/')) {
    let target: unknown = root;
    for (const part of schema.$ref.slice(2).split('/')) target = (target as Schema | undefined)?.[part];
    if (target && typeof target === 'object') return fromSchema(root, target as Schema, depth + 1);
  }
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const first = (schema[key] as Schema[] | undefined)?.[0];
    if (first) return fromSchema(root, first, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
    case undefined: {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      if (type === undefined && !schema.properties) return null;
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(props)) out[k] = fromSchema(root, s, depth + 1);
      return out;
    }
    case 'array': {
      const n = typeof schema.minItems === 'number' ? Math.max(1, schema.minItems) : 1;
      return schema.items && typeof schema.items === 'object' ? Array.from({ length: n }, () => fromSchema(root, schema.items as Schema, depth + 1)) : [];
    }
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(schema);
  }
}

function sampleString(schema: Schema): string {
  switch (schema.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000001';
    case 'date-time':
      return '2026-01-31T12:00:00Z';
    case 'date':
      return '2026-01-31';
    case 'email':
      return 'learner@example.com';
    case 'uri':
      return 'https://example.com/';
  }
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  return 'sample'.padEnd(min, 'x');
}

export interface SampleEnvelope {
  readonly specversion: '1.0';
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: unknown;
}

/** The envelope around a payload, as module 5's and the capstone's services write it. */
export function envelopeFor(contract: Contract, data: unknown, id: string, now: Date): SampleEnvelope {
  const source = typeof contract.definition.metadata.source === 'string' ? contract.definition.metadata.source : '/edgo/inspector';
  const type = typeof contract.definition.metadata.type === 'string' ? contract.definition.metadata.type : contract.name;
  return { specversion: '1.0', id, type, source, time: now.toISOString(), datacontenttype: 'application/json', data };
}
