/**
 * `defineCheckKind`: a check kind declares its fields once. From that declaration
 * come the typed spec its `run` receives, the validation of `module.json` (each
 * problem at its field's path, "did you mean" for a typo), the kind's part of
 * `schemas/module.schema.json` and its row in the README's table of kinds.
 */
import { fieldJsonSchema, validateFields, type FieldDecls, type FieldProblem, type FieldValues } from './checkFields';
import { formatJsonPath } from './jsonLocations';
import type { CheckContext, CheckKind, CheckOutcome, CheckSpec } from './types';

/** Fields every check has, whatever its kind (validated by moduleSpec.ts). */
export const commonCheckFields = ['id', 'kind', 'title', 'step', 'hints', 'solutionFiles'] as const;

/** A check's spec with its kind's fields typed. */
export type TypedCheckSpec<P> = CheckSpec & FieldValues<P>;

export interface CheckKindDeclaration<P extends FieldDecls> {
  /** The `kind` value in `module.json`, e.g. `go-test`. */
  readonly kind: string;
  /** One line for the README's table and error messages. */
  readonly summary: string;
  readonly fields: P;
  /** What a field's type cannot say (a pattern that must compile); runs only when the fields are well typed. */
  refine?(spec: TypedCheckSpec<P>): FieldProblem[];
  run(spec: TypedCheckSpec<P>, ctx: CheckContext): Promise<CheckOutcome>;
}

export function defineCheckKind<const P extends FieldDecls>(d: CheckKindDeclaration<P>): CheckKind {
  const validateAt = (spec: CheckSpec): FieldProblem[] => {
    const problems = validateFields(spec, d.fields, commonCheckFields);
    if (problems.length === 0 && d.refine) problems.push(...d.refine(spec as TypedCheckSpec<P>));
    return problems;
  };
  return {
    kind: d.kind,
    summary: d.summary,
    declaredFields: d.fields,
    fields: Object.fromEntries(Object.entries(d.fields).map(([k, f]) => [k, fieldJsonSchema(f)])),
    validateAt,
    validate: (spec) => validateAt(spec).map((p) => `"${formatJsonPath(p.path)}" ${p.message}`),
    run: (spec, ctx) => d.run(spec as TypedCheckSpec<P>, ctx),
  };
}
