/**
 * Turns Ajv errors into learner-friendly diagnostics at the exact YAML range:
 * the offending value, the unknown key, or (for a missing property) the parent key.
 */
import type { ErrorObject } from 'ajv';
import type { CoreDiagnostic, Range, Severity } from '../diagnostic';
import { closestName } from './closest';
import { findPointer as findInDoc, nodeRange, offsetRange, eventsSource, type ParsedDoc, type ParsedYaml, type PointerTarget } from './yamlText';
import { schemaAt, type JsonObject } from './schemas';

/** Data carried by diagnostics that have a quick fix (read by the code-action provider). */
export type FixData =
  | { readonly fix: 'quote-version'; readonly text: string }
  | { readonly fix: 'complete-version'; readonly to: string }
  | { readonly fix: 'add-property'; readonly property: string; readonly snippet: string; readonly parentPointer: string }
  | { readonly fix: 'rename-property'; readonly from: string; readonly to: string };

export interface SchemaContext {
  readonly parsed: ParsedYaml;
  /** The document (its AST is built only if a range is not found without it). */
  readonly parsedDoc: ParsedDoc;
  /** What the file is, in words: "event", "EventCatalog service". */
  readonly what: string;
  /** The code prefix, e.g. `event` or `catalog`. */
  readonly codePrefix: string;
  /** The bundled schema id, to find descriptions the error's own schema lacks. */
  readonly schemaId?: string;
}

export function schemaErrorsToDiagnostics(errors: readonly ErrorObject[], ctx: SchemaContext): CoreDiagnostic[] {
  const kept = dropBranchNoise(errors);
  const out: CoreDiagnostic[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const d = toDiagnostic(e, ctx);
    if (!d) continue;
    const key = `${d.code}|${d.pointer}|${d.range.start.line}:${d.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/**
 * With `allErrors`, a failed `anyOf` also reports every branch's errors; keep
 * the single `anyOf` error (its message lists the choices) and drop the rest.
 * `if` errors only wrap their `then` errors, which stay.
 */
function dropBranchNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    return !anyOfPaths.some((p) => e.schemaPath !== p && e.schemaPath.startsWith(`${p}/`));
  });
}

/** AST lookups, parsing the document on first use. */
function findPointer(ctx: SchemaContext, pointer: string): PointerTarget {
  return findInDoc(ctx.parsedDoc.doc, pointer);
}

function toDiagnostic(e: ErrorObject, ctx: SchemaContext): CoreDiagnostic | undefined {
  const pointer = e.instancePath;
  const fast = ctx.parsed.locate(ctx.parsedDoc.index, pointer);
  let cached: PointerTarget | undefined;
  const target = () => (cached ??= findPointer(ctx, pointer));
  const lazyValueRange = () => fast?.value ?? fast?.key ?? nodeRange(ctx.parsed, target().value) ?? keyRange(ctx, target().key) ?? parentKeyRange(ctx, pointer);
  const label = propertyLabel(pointer);
  const schema = (e.parentSchema ?? {}) as JsonObject;
  const example = exampleOf(schema);
  const base = { source: eventsSource, pointer };
  switch (e.keyword) {
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      const propSchema = ((schema.properties as JsonObject | undefined)?.[missing] ?? (ctx.schemaId ? schemaAt(ctx.schemaId, `${pointer}/${missing}`) : undefined) ?? {}) as JsonObject;
      const ex = exampleOf(propSchema);
      const snippet = `${missing}: ${ex !== undefined ? yamlInline(ex) : '""'}`;
      return {
        ...base,
        range: /\/\d+$/.test(pointer) ? (itemStartRange(ctx, target().value) ?? parentKeyRange(ctx, pointer)) : (fast?.key ?? (target().key ? (keyRange(ctx, target().key) as Range) : parentKeyRange(ctx, pointer))),
        severity: 'error',
        code: `${ctx.codePrefix}/missing-property`,
        message: `${pointer === '' ? `This ${ctx.what}` : label} is missing the required property \`${missing}\`${propSchema.description ? ` (${lowerFirst(String(propSchema.description))})` : ''}. Add for example \`${snippet}\`.`,
        pointer: `${pointer}/${missing}`,
        data: { fix: 'add-property', property: missing, snippet, parentPointer: pointer } satisfies FixData,
      };
    }
    case 'additionalProperties': {
      const prop = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((schema.properties as JsonObject | undefined) ?? {});
      const suggestion = closestName(prop, allowed);
      const childPointer = `${pointer}/${prop.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const childKey = ctx.parsed.locate(ctx.parsedDoc.index, childPointer)?.key;
      return {
        ...base,
        pointer: childPointer,
        range: childKey ?? keyRange(ctx, findPointer(ctx, childPointer).key) ?? lazyValueRange(),
        severity: suggestion ? 'error' : 'warning',
        code: `${ctx.codePrefix}/unknown-property`,
        message: suggestion
          ? `Unknown property \`${prop}\`: did you mean \`${suggestion}\`?`
          : `Unknown property \`${prop}\` in ${pointer === '' ? `this ${ctx.what}` : label}. Allowed: ${allowed
              .slice(0, 12)
              .map((a) => `\`${a}\``)
              .join(', ')}. Prefix custom keys with \`x-\`.`,
        data: suggestion ? ({ fix: 'rename-property', from: prop, to: suggestion } satisfies FixData) : undefined,
      };
    }
    case 'type': {
      const expected = String((e.params as { type: string | string[] }).type);
      const actual = describeValue(e.data);
      if (/\/version$/.test(pointer) && (typeof e.data === 'number' || typeof e.data === 'boolean')) {
        const r = lazyValueRange();
        const line = ctx.parsed.text.split('\n')[r.start.line - ctx.parsed.lineOffset] ?? '';
        const written = r.start.line === r.end.line ? line.slice(r.start.character, r.end.character) || String(e.data) : String(e.data);
        return {
          ...base,
          range: r,
          severity: 'error',
          code: `${ctx.codePrefix}/version-not-string`,
          message: `\`version: ${written}\` is read as a number, so it loses its meaning (1.10 becomes 1.1). Write a semver string in quotes, e.g. \`version: "${written.split('.').length === 2 ? `${written}.0` : written}"\`.`,
          data: { fix: 'quote-version', text: written } satisfies FixData,
        };
      }
      return {
        ...base,
        range: lazyValueRange(),
        severity: 'error',
        code: `${ctx.codePrefix}/wrong-type`,
        message: `${label} must be ${article(expected)}, but it is ${actual}.${example !== undefined ? ` Example: \`${yamlInline(example)}\`.` : ''}`,
      };
    }
    case 'pattern':
      // The syllabus writes `version: "1.0"` in the course's own YAML: a warning there, with the fix, not an error.
      if (/\/version$/.test(pointer) && typeof e.data === 'string' && /^\d+\.\d+$/.test(e.data) && (ctx.schemaId === 'event' || ctx.schemaId === 'event-catalog')) {
        return {
          ...base,
          range: lazyValueRange(),
          severity: 'warning',
          code: `${ctx.codePrefix}/two-part-version`,
          message: `${label} \`${e.data}\` has two parts; semver has three (MAJOR.MINOR.PATCH): write \`"${e.data}.0"\`.`,
          data: { fix: 'complete-version', to: `${e.data}.0` } satisfies FixData,
        };
      }
      return {
        ...base,
        range: lazyValueRange(),
        severity: 'error',
        code: /\/version$/.test(pointer) ? `${ctx.codePrefix}/invalid-version` : `${ctx.codePrefix}/invalid-format`,
        message: /\/version$/.test(pointer)
          ? `${label} \`${String(e.data)}\` is not a semver version: use three numbers MAJOR.MINOR.PATCH, e.g. \`1.0.0\`.`
          : `${label} \`${String(e.data)}\` is not in the expected form${schema.description ? `: ${lowerFirst(String(schema.description))}.` : '.'}${example !== undefined ? ` Example: \`${yamlInline(example)}\`.` : ''}`,
      };
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => `\`${String(v)}\``).join(', ');
      const suggestion = typeof e.data === 'string' ? closestName(e.data, ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String)) : undefined;
      return {
        ...base,
        range: lazyValueRange(),
        severity: 'error',
        code: `${ctx.codePrefix}/invalid-value`,
        message: `${label} is \`${String(e.data)}\`, which is not allowed. Use one of ${allowed}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
      };
    }
    case 'format': {
      const format = String((e.params as { format: string }).format);
      const human = format === 'date-time' ? 'an RFC 3339 timestamp such as `2025-01-31T12:00:00Z`' : format === 'uri-reference' || format === 'uri' ? 'a URI such as `/services/order-service`' : `in ${format} format`;
      return { ...base, range: lazyValueRange(), severity: 'error', code: `${ctx.codePrefix}/invalid-format`, message: `${label} \`${String(e.data)}\` must be ${human}.` };
    }
    case 'anyOf':
    case 'oneOf': {
      const branches = (schema[e.keyword] as JsonObject[] | undefined) ?? [];
      if (branches.length && branches.every((b) => Array.isArray(b.required) && Object.keys(b).length === 1)) {
        const names = branches.map((b) => `\`${String((b.required as string[])[0])}\``);
        return {
          ...base,
          range: pointer === '' ? firstKeyRange(ctx) : lazyValueRange(),
          severity: 'error',
          code: `${ctx.codePrefix}/missing-property`,
          message: `This ${ctx.what} needs ${names.join(' or ')}${ctx.codePrefix === 'event' ? ': `name: order.created` (full form) or `eventType: order.created` (module 4 form)' : ''}.`,
          data: { fix: 'add-property', property: String((branches[0]?.required as string[])[0]), snippet: `${String((branches[0]?.required as string[])[0])}: ""`, parentPointer: pointer } satisfies FixData,
        };
      }
      return {
        ...base,
        range: lazyValueRange(),
        severity: 'error',
        code: `${ctx.codePrefix}/wrong-shape`,
        message: `${label} has the wrong shape${schema.description ? `: ${lowerFirst(String(schema.description))}.` : '.'}`,
      };
    }
    case 'minLength':
      return { ...base, range: lazyValueRange(), severity: 'error', code: `${ctx.codePrefix}/empty-value`, message: `${label} must not be empty.` };
    default:
      return { ...base, range: lazyValueRange(), severity: severityOf(e), code: `${ctx.codePrefix}/schema`, message: `${label} ${e.message ?? 'is invalid'}.` };
  }
}

function severityOf(_e: ErrorObject): Severity {
  return 'error';
}

function keyRange(ctx: SchemaContext, key: unknown): Range | undefined {
  return nodeRange(ctx.parsed, key as Parameters<typeof nodeRange>[1]);
}

/** For a problem inside `pointer` with no node of its own: the key holding it, else the first key. */
function parentKeyRange(ctx: SchemaContext, pointer: string): Range {
  const target = findPointer(ctx, pointer);
  const pair = target.pair ?? target.parentPair;
  const r = keyRange(ctx, pair?.key);
  if (r) return r;
  // A sequence item: point at its first key (or the item itself).
  const v = nodeRange(ctx.parsed, target.value);
  if (v && pointer !== '') return { start: v.start, end: v.start.line === v.end.line ? v.end : { line: v.start.line, character: v.start.character + 1 } };
  return firstKeyRange(ctx);
}

/** The first key of a sequence item (`- content: x` → `content`), or the item's first character. */
function itemStartRange(ctx: SchemaContext, item: unknown): Range | undefined {
  const first = (item as { items?: Array<{ key?: unknown }> } | undefined)?.items?.[0]?.key;
  return keyRange(ctx, first) ?? nodeRange(ctx.parsed, item as Parameters<typeof nodeRange>[1]);
}

function firstKeyRange(ctx: SchemaContext): Range {
  const contents = ctx.parsedDoc.doc.contents as { items?: Array<{ key?: unknown }>; range?: [number, number, number] } | null;
  const firstKey = contents?.items?.[0]?.key;
  const r = keyRange(ctx, firstKey);
  if (r) return r;
  const start = contents?.range?.[0] ?? 0;
  return offsetRange(ctx.parsed, start, start + 1);
}

/** `/payload/properties/total` → "`payload.properties.total`"; `/owners/0` → "`owners[0]`". */
export function propertyLabel(pointer: string): string {
  if (pointer === '') return 'The document';
  const parts = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return `\`${out}\``;
}

function exampleOf(schema: JsonObject): unknown {
  const ex = schema.examples;
  if (Array.isArray(ex) && ex.length) return ex[0];
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  return undefined;
}

function describeValue(v: unknown): string {
  if (v === null) return 'empty (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping (key: value pairs)';
  if (typeof v === 'string') return `the text \`${v.length > 40 ? `${v.slice(0, 40)}…` : v}\``;
  return `${article(typeof v)} (\`${String(v)}\`)`;
}

function article(type: string): string {
  const words: Record<string, string> = { string: 'a text (string)', number: 'a number', integer: 'a whole number', boolean: 'true or false', object: 'a mapping (key: value pairs)', array: 'a list', null: 'empty' };
  return type
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}

/** One-line YAML for an example value. */
export function yamlInline(v: unknown): string {
  if (typeof v === 'string') return /^[\w./-]+$/.test(v) && !/^\d/.test(v) ? v : JSON.stringify(v);
  return JSON.stringify(v);
}

function lowerFirst(s: string): string {
  const t = s.replace(/\.$/, '');
  // Keep acronyms and proper names (`CloudEvents`, `JSON`) as written.
  return /^[A-Z][a-z]/.test(t) && !/^[A-Z][a-z]+[A-Z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}
