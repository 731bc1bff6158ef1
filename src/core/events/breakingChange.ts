/**
 * Breaking payload changes between two versions of a schema, as a consumer
 * sees them: a required field added or removed, or a field's type changed.
 * Works on JSON Schemas and on module 4 field maps (`orderId: UUID`).
 */
import type { JsonObject } from './schemas';
import { looksLikeJsonSchema } from './model';

interface Shape {
  readonly required: Set<string>;
  readonly types: Map<string, string>;
}

export function payloadChanges(before: JsonObject, after: JsonObject): string[] {
  const a = shapeOf(before);
  const b = shapeOf(after);
  const changes: string[] = [];
  for (const f of b.required) if (!a.required.has(f)) changes.push(`required field \`${f}\` added`);
  for (const f of a.required) if (!b.required.has(f)) changes.push(`required field \`${f}\` removed`);
  for (const [f, t] of a.types) {
    const u = b.types.get(f);
    if (u !== undefined && u !== t) changes.push(`\`${f}\` changed from ${t} to ${u}`);
  }
  return changes;
}

function shapeOf(schema: JsonObject): Shape {
  const shape: Shape = { required: new Set(), types: new Map() };
  if (looksLikeJsonSchema(schema)) walkSchema(schema, '', shape, 0);
  else walkFields(schema, '', shape, 0);
  return shape;
}

function walkSchema(s: JsonObject, prefix: string, shape: Shape, depth: number): void {
  if (depth > 20) return;
  const props = (s.properties ?? {}) as Record<string, JsonObject>;
  const required = Array.isArray(s.required) ? (s.required as unknown[]).map(String) : [];
  for (const r of required) shape.required.add(prefix + r);
  for (const [name, p] of Object.entries(props)) {
    if (typeof p !== 'object' || p === null) continue;
    const type = Array.isArray(p.type) ? (p.type as unknown[]).join('|') : typeof p.type === 'string' ? p.type : undefined;
    if (type) shape.types.set(prefix + name, type);
    // Nested fields only matter if their parent is required.
    if (required.includes(name) && (p.properties || p.type === 'object')) walkSchema(p, `${prefix}${name}.`, shape, depth + 1);
  }
}

function walkFields(fields: JsonObject, prefix: string, shape: Shape, depth: number): void {
  if (depth > 20) return;
  for (const [name, t] of Object.entries(fields)) {
    // Module 4 fields are all required unless written `type?` or `optional <type>`.
    const optional = typeof t === 'string' && (t.endsWith('?') || /^optional\b/i.test(t));
    if (!optional) shape.required.add(prefix + name);
    if (typeof t === 'string') shape.types.set(prefix + name, t.replace(/\?$/, ''));
    else if (t && typeof t === 'object' && !Array.isArray(t)) walkFields(t as JsonObject, `${prefix}${name}.`, shape, depth + 1);
  }
}
