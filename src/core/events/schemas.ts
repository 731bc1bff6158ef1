/**
 * The bundled JSON Schemas and their compiled validators. Ajv compiles each
 * schema once, on first use, and keeps it for the life of the process.
 */
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { ajvFor as registryAjv } from '../schema/ajvRegistry';
import eventSchema from '../../../schemas/event.schema.json';
import eventCatalogSchema from '../../../schemas/event-catalog.schema.json';
import adr from '../../../schemas/eventcatalog/adr.schema.json';
import channel from '../../../schemas/eventcatalog/channel.schema.json';
import command from '../../../schemas/eventcatalog/command.schema.json';
import container from '../../../schemas/eventcatalog/container.schema.json';
import doc from '../../../schemas/eventcatalog/doc.schema.json';
import domain from '../../../schemas/eventcatalog/domain.schema.json';
import entity from '../../../schemas/eventcatalog/entity.schema.json';
import event from '../../../schemas/eventcatalog/event.schema.json';
import flow from '../../../schemas/eventcatalog/flow.schema.json';
import query from '../../../schemas/eventcatalog/query.schema.json';
import service from '../../../schemas/eventcatalog/service.schema.json';
import system from '../../../schemas/eventcatalog/system.schema.json';
import team from '../../../schemas/eventcatalog/team.schema.json';
import user from '../../../schemas/eventcatalog/user.schema.json';
import type { CatalogKind } from './fileKinds';
import { errorMessage } from '../errorMessage';

export type JsonObject = { [key: string]: unknown };

/** Every schema we ship, by a short id. */
export const bundledSchemas: Readonly<Record<string, JsonObject>> = {
  event: eventSchema,
  'event-catalog': eventCatalogSchema,
  'catalog/adr': adr,
  'catalog/channel': channel,
  'catalog/command': command,
  'catalog/container': container,
  'catalog/doc': doc,
  'catalog/domain': domain,
  'catalog/entity': entity,
  'catalog/event': event,
  'catalog/flow': flow,
  'catalog/query': query,
  'catalog/service': service,
  'catalog/system': system,
  'catalog/team': team,
  'catalog/user': user,
};

export function catalogSchemaId(kind: CatalogKind): string {
  return `catalog/${kind}`;
}

const compiled = new Map<string, ValidateFunction>();

/** The shared Ajv instance: all errors (several per file), verbose (for messages), formats. */
export function getAjv(): Ajv {
  return registryAjv('draft-07');
}

/** The compiled validator of a bundled schema. */
export function validatorFor(schemaId: string): ValidateFunction {
  let fn = compiled.get(schemaId);
  if (!fn) {
    const schema = bundledSchemas[schemaId];
    if (!schema) throw new Error(`unknown schema ${schemaId}`);
    fn = getAjv().compile(schema);
    compiled.set(schemaId, fn);
  }
  return fn;
}

const custom = new Map<string, ValidateFunction | string>();

/**
 * Compiles a learner's schema (from a `$ref`, `schemaPath` or modeline), cached by
 * its text. Returns the validator, or a message saying why it is not a valid schema.
 */
export function compileCustomSchema(text: string): ValidateFunction | string {
  const cached = custom.get(text);
  if (cached !== undefined) return cached;
  let result: ValidateFunction | string;
  try {
    const schema: unknown = JSON.parse(text);
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) result = 'a JSON Schema must be a JSON object';
    else result = compileObject(schema as JsonObject);
  } catch (err) {
    result = notJson(err);
  }
  if (custom.size > 500) custom.clear();
  custom.set(text, result);
  return result;
}

const problems = new Map<string, string | undefined>();

/**
 * What is wrong with a schema file's text (not JSON, not an object, not a
 * valid JSON Schema), or undefined. Checked against the meta-schema without
 * compiling: a catalog links a thousand different schemas, and compiling
 * costs about a millisecond each; `compileCustomSchema` is for examples.
 */
export function schemaTextProblem(text: string): string | undefined {
  if (problems.has(text)) return problems.get(text);
  let result: string | undefined;
  try {
    const schema: unknown = JSON.parse(text);
    result = typeof schema !== 'object' || schema === null || Array.isArray(schema) ? 'a JSON Schema must be a JSON object' : schemaProblem(schema as JsonObject);
  } catch (err) {
    result = notJson(err);
  }
  if (problems.size >= 5000) problems.clear();
  problems.set(text, result);
  return result;
}

/** Says where JSON.parse stopped without quoting the text (it may be anything, even secrets). */
export function notJson(err: unknown): string {
  const at = /position (\d+)/.exec(err instanceof Error ? err.message : '')?.[1];
  return `it is not valid JSON${at !== undefined ? ` (the error is at character ${Number(at) + 1})` : ''}`;
}

/** Checks a schema against its meta-schema without compiling it: a message, or undefined when valid. */
export function schemaProblem(schema: JsonObject): string | undefined {
  const instance = ajvFor(schema);
  const { $schema: _s, ...rest } = schema;
  try {
    if (instance.validateSchema(rest)) return undefined;
    return instance.errorsText(instance.errors, { dataVar: 'schema' });
  } catch (err) {
    return errorMessage(err);
  }
}

/** Ajv for the schema's dialect: draft 2019-09/2020-12 need their own instance. */
function ajvFor(schema: JsonObject): Ajv {
  const dialect = typeof schema.$schema === 'string' ? schema.$schema : '';
  return registryAjv(/20(19-09|20-12)/.test(dialect) ? '2020-12' : 'draft-07');
}

/** Compiles an inline schema object (e.g. an event's `payload`), without caching by identity. */
export function compileObject(schema: JsonObject): ValidateFunction | string {
  try {
    // A schema's own `$id` would clash when the same file is compiled twice;
    // draft-04/06 `$schema` URIs are unknown to Ajv 8 but their keywords work.
    const { $id: _id, ...rest } = schema;
    const instance = ajvFor(schema);
    if (instance === getAjv() && typeof rest.$schema === 'string' && !/draft-07/.test(rest.$schema)) delete rest.$schema;
    const validate = instance.compile(rest);
    // Ajv keeps every schema it compiled; ours are cached (or not) by the callers, so Ajv forgets them.
    instance.removeSchema(rest);
    return validate;
  } catch (err) {
    return errorMessage(err);
  }
}

/** The sub-schema describing the value at `pointer` (for hover and completion). */
export function schemaAt(schemaId: string, pointer: string): JsonObject | undefined {
  const root = bundledSchemas[schemaId];
  if (!root) return undefined;
  let node: JsonObject | undefined = root;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/');
  for (const seg of segments) {
    if (!node) return undefined;
    node = step(root, node, seg);
  }
  return node ? deref(root, node) : undefined;
}

function step(root: JsonObject, schema: JsonObject, seg: string): JsonObject | undefined {
  const s = deref(root, schema);
  const props = s.properties as Record<string, JsonObject> | undefined;
  if (props && props[seg]) return props[seg];
  if (/^\d+$/.test(seg) && s.items && typeof s.items === 'object') return s.items as JsonObject;
  if (seg.startsWith('x-')) return { description: 'A custom extension property.' };
  for (const key of ['anyOf', 'oneOf']) {
    const branches = s[key] as JsonObject[] | undefined;
    for (const b of branches ?? []) {
      const found = step(root, b, seg);
      if (found) return found;
    }
  }
  if (s.then && typeof s.then === 'object') return step(root, s.then as JsonObject, seg);
  return undefined;
}

/** Follows a local `#/definitions/...` reference. */
export function deref(root: JsonObject, schema: JsonObject): JsonObject {
  let s = schema;
  for (let i = 0; i < 10 && typeof s.$ref === 'string' && s.$ref.startsWith('#/'); i++) {
    let target: unknown = root;
    for (const part of s.$ref.slice(2).split('/')) target = (target as JsonObject | undefined)?.[part];
    if (!target || typeof target !== 'object') break;
    s = target as JsonObject;
  }
  return s;
}

/** Property names a schema allows (following anyOf branches and `then`). */
export function propertyNames(root: JsonObject, schema: JsonObject): string[] {
  const s = deref(root, schema);
  const names = new Set(Object.keys((s.properties as JsonObject | undefined) ?? {}));
  for (const key of ['anyOf', 'oneOf']) for (const b of (s[key] as JsonObject[] | undefined) ?? []) for (const n of propertyNames(root, b)) names.add(n);
  if (s.then && typeof s.then === 'object') for (const n of propertyNames(root, s.then as JsonObject)) names.add(n);
  return [...names];
}
