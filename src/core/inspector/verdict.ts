/**
 * The contract check of one message: valid, invalid (each schema error with the
 * contract's file and line), undocumented (no contract for its type), or
 * unchecked (the payload could not be read, or the contract has no JSON Schema).
 */
import type { ErrorObject } from 'ajv';
import type { Contract, ContractCatalog } from './contracts';
import type { InspectedMessage } from './message';

export interface SchemaViolation {
  /** Where in the payload, as a JSON pointer (`/items/0/quantity`); '' for the payload itself. */
  readonly at: string;
  readonly message: string;
  /** The file and zero-based line of the rule that was broken. */
  readonly file: string;
  readonly line: number;
}

export type Verdict =
  | { readonly kind: 'valid'; readonly contract: Contract }
  | { readonly kind: 'invalid'; readonly contract: Contract; readonly violations: readonly SchemaViolation[] }
  | { readonly kind: 'undocumented'; readonly reason: string }
  | { readonly kind: 'unchecked'; readonly reason: string; readonly contract?: Contract };

/** Whether a verdict counts as a contract violation (what `--fail-on-violation` fails on). */
export function isViolation(v: Verdict): boolean {
  return v.kind === 'invalid' || v.kind === 'undocumented';
}

const maxViolations = 20;

export function checkMessage(msg: InspectedMessage, catalog: ContractCatalog): Verdict {
  const contract = catalog.find(msg.type, msg.version);
  if (!contract) {
    const known = catalog.versions(msg.type);
    const reason = known.length ? `no contract for ${msg.type} version ${msg.version} (the workspace has ${known.join(', ')})` : `no event contract in the workspace has the type ${msg.type}`;
    return { kind: 'undocumented', reason };
  }
  if (msg.decodeProblem && !msg.hasData) return { kind: 'unchecked', reason: msg.decodeProblem, contract };
  if (msg.envelope && msg.decodeProblem) {
    return { kind: 'invalid', contract, violations: [{ at: '', message: `envelope: ${msg.decodeProblem}`, file: contract.file, line: contract.line }] };
  }
  if (typeof contract.validate === 'string') return { kind: 'unchecked', reason: `the contract cannot check payloads: ${contract.validate}`, contract };
  if (!msg.hasData) return { kind: 'invalid', contract, violations: [{ at: '', message: 'the envelope has no data', file: contract.file, line: contract.line }] };
  if (contract.validate(msg.data)) return { kind: 'valid', contract };
  const errors = (contract.validate.errors ?? []).slice(0, maxViolations);
  return { kind: 'invalid', contract, violations: errors.map((e) => toViolation(e, contract, catalog)) };
}

function toViolation(e: ErrorObject, contract: Contract, catalog: ContractCatalog): SchemaViolation {
  return { at: e.instancePath, message: describe(e), file: contract.schemaFile, line: catalog.ruleLine(contract, e.schemaPath) };
}

/** Ajv's error in a learner's words, naming the field. */
function describe(e: ErrorObject): string {
  const where = e.instancePath ? `${e.instancePath.slice(1).replace(/\//g, '.')}` : 'the payload';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${where} lacks the required property ${String(p.missingProperty)}`;
    case 'additionalProperties':
      return `${where} has the property ${String(p.additionalProperty)}, which the contract does not allow`;
    case 'type':
      return `${where} must be ${String(p.type)}`;
    case 'enum':
      return `${where} must be one of ${JSON.stringify(p.allowedValues)}`;
    case 'format':
      return `${where} must be a ${String(p.format)}`;
    default:
      return `${where} ${e.message ?? `breaks ${e.keyword}`}`;
  }
}
