/**
 * One declaration of a check kind's fields, three uses: the TypeScript type of a
 * validated spec (`FieldValues`), the validation of `module.json` with the path of
 * each bad field (`validateFields`), and the JSON Schema VS Code completes with
 * (`fieldsJsonSchema`). A kind declares each field once, in `defineCheckKind`.
 */
import { closestName } from '../events/closest';

interface FieldCommon {
  /** Shown in VS Code's completion and hover, and in the README's table of kinds. */
  readonly description?: string;
  readonly required?: boolean;
}

export type Field = FieldCommon &
  (
    | { readonly type: 'string'; readonly pattern?: string; readonly patternHint?: string }
    | { readonly type: 'integer'; readonly minimum?: number }
    | { readonly type: 'boolean' }
    | { readonly type: 'array'; readonly items: Field; readonly minItems?: number }
    | { readonly type: 'object'; readonly properties: FieldDecls }
    /** Any JSON value (an expected value to compare with). */
    | { readonly type: 'any' }
  );

export type FieldDecls = Readonly<Record<string, Field>>;

/** The value a field holds once validated. */
export type FieldValue<F> = F extends { type: 'string' }
  ? string
  : F extends { type: 'integer' }
    ? number
    : F extends { type: 'boolean' }
      ? boolean
      : F extends { type: 'array'; items: infer I }
        ? readonly FieldValue<I>[]
        : F extends { type: 'object'; properties: infer P }
          ? FieldValues<P>
          : unknown;

/** The typed spec a set of declarations describes: required fields present, the others optional. */
export type FieldValues<P> = {
  readonly [K in keyof P as P[K] extends { required: true } ? K : never]: FieldValue<P[K]>;
} & {
  readonly [K in keyof P as P[K] extends { required: true } ? never : K]?: FieldValue<P[K]>;
};

/** A problem at a path inside the validated value (`['packages', 1]`). */
export interface FieldProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function expected(f: Field): string {
  switch (f.type) {
    case 'string':
      return 'a non-empty string';
    case 'integer':
      return `a whole number, ${f.minimum ?? 0} or more`;
    case 'boolean':
      return 'true or false';
    case 'array':
      return `a list of ${expected(f.items).replace(/^an? /, '')}s${f.minItems ? ` (at least ${f.minItems})` : ''}`;
    case 'object':
      return `an object with ${Object.keys(f.properties)
        .map((k) => `"${k}"`)
        .join(', ')}`;
    case 'any':
      return 'a value';
  }
}

function validateValue(value: unknown, f: Field, at: (string | number)[], out: FieldProblem[]): void {
  const fail = (message: string) => out.push({ path: at, message });
  switch (f.type) {
    case 'string':
      if (typeof value !== 'string' || value.trim() === '') return void fail(`must be ${expected(f)}`);
      if (f.pattern && !new RegExp(f.pattern).test(value)) fail(`"${value}" must look like ${f.patternHint ?? `/${f.pattern}/`}`);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < (f.minimum ?? 0)) fail(`must be ${expected(f)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(`must be ${expected(f)}`);
      return;
    case 'array':
      if (!Array.isArray(value)) return void fail(`must be ${expected(f)}`);
      if (f.minItems && value.length < f.minItems) return void fail(`must have at least ${f.minItems} entr${f.minItems === 1 ? 'y' : 'ies'}`);
      value.forEach((v, i) => validateValue(v, f.items, [...at, i], out));
      return;
    case 'object':
      if (!isObject(value)) return void fail(`must be ${expected(f)}`);
      out.push(...validateFields(value, f.properties, [], at));
      return;
    case 'any':
      return;
  }
}

/**
 * Validates `value`'s fields against `decls`. Fields in `allowed` (a check's
 * common fields) are someone else's; any other unknown field is reported with
 * the nearest declared name.
 */
export function validateFields(value: Readonly<Record<string, unknown>>, decls: FieldDecls, allowed: readonly string[] = [], at: readonly (string | number)[] = []): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [name, f] of Object.entries(decls)) {
    if (value[name] === undefined) {
      if (f.required) out.push({ path: [...at, name], message: `is required${f.description ? ` (${f.description})` : ''}` });
      continue;
    }
    validateValue(value[name], f, [...at, name], out);
  }
  const known = [...Object.keys(decls), ...allowed];
  for (const name of Object.keys(value)) {
    if (known.includes(name)) continue;
    const near = didYouMean(name, Object.keys(decls));
    out.push({
      path: [...at, name],
      message: `is not a field here${near ? ` (did you mean "${near}"?)` : ''}; the fields are ${
        Object.keys(decls)
          .map((k) => `"${k}"`)
          .join(', ') || 'none'
      }`,
    });
  }
  return out;
}

/** The candidate a typo most likely meant: the one "did you mean" of the project (src/core/events/closest.ts). */
export const didYouMean = closestName;

type Schema = Record<string, unknown>;

/** The JSON Schema of one declared field. */
export function fieldJsonSchema(f: Field): Schema {
  const d = f.description ? { description: f.description } : {};
  switch (f.type) {
    case 'string':
      return { type: 'string', minLength: 1, ...(f.pattern ? { pattern: f.pattern } : {}), ...d };
    case 'integer':
      return { type: 'integer', minimum: f.minimum ?? 0, ...d };
    case 'boolean':
      return { type: 'boolean', ...d };
    case 'array':
      return { type: 'array', items: fieldJsonSchema(f.items), ...(f.minItems ? { minItems: f.minItems } : {}), ...d };
    case 'object':
      return { ...fieldsJsonSchema(f.properties), ...d };
    case 'any':
      return { ...d };
  }
}

/** An object schema: the declared properties, the required ones, nothing else (beyond `allowed`). */
export function fieldsJsonSchema(decls: FieldDecls, allowed: readonly string[] = []): Schema {
  const required = Object.entries(decls)
    .filter(([, f]) => f.required)
    .map(([k]) => k);
  return {
    type: 'object',
    properties: { ...Object.fromEntries(allowed.map((k) => [k, true])), ...Object.fromEntries(Object.entries(decls).map(([k, f]) => [k, fieldJsonSchema(f)])) },
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

/** One line naming the fields for the README's table: `packages`, `run` (a -run pattern), ... */
export function fieldsSummary(decls: FieldDecls): string {
  return Object.entries(decls)
    .map(([k, f]) => `\`${k}\`${f.required ? '' : ' (optional)'}`)
    .join(', ');
}
