/**
 * Reading a check's kind-specific fields. Each `validate` of a check kind uses
 * these to turn a wrong `module.json` into one clear sentence per problem.
 */
import type { CheckSpec } from './types';

export function optionalString(spec: CheckSpec, field: string, problems: string[]): string | undefined {
  const value = spec[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`"${field}" must be a non-empty string`);
    return undefined;
  }
  return value;
}

export function requiredString(spec: CheckSpec, field: string, problems: string[]): string | undefined {
  if (spec[field] === undefined) {
    problems.push(`"${field}" is required`);
    return undefined;
  }
  return optionalString(spec, field, problems);
}

export function optionalStringArray(spec: CheckSpec, field: string, problems: string[]): string[] | undefined {
  const value = spec[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    problems.push(`"${field}" must be an array of non-empty strings`);
    return undefined;
  }
  return value as string[];
}

export function requiredStringArray(spec: CheckSpec, field: string, problems: string[]): string[] | undefined {
  if (spec[field] === undefined) {
    problems.push(`"${field}" is required`);
    return undefined;
  }
  const value = optionalStringArray(spec, field, problems);
  if (value && value.length === 0) problems.push(`"${field}" must not be empty`);
  return value;
}

export function optionalCount(spec: CheckSpec, field: string, problems: string[]): number | undefined {
  const value = spec[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    problems.push(`"${field}" must be a whole number, 0 or more`);
    return undefined;
  }
  return value;
}

/** The field values after `validate` accepted the spec (so the casts hold). */
export function str(spec: CheckSpec, field: string): string | undefined {
  const v = spec[field];
  return typeof v === 'string' ? v : undefined;
}

export function strs(spec: CheckSpec, field: string): string[] | undefined {
  const v = spec[field];
  return Array.isArray(v) ? (v as string[]) : undefined;
}

export function num(spec: CheckSpec, field: string): number | undefined {
  const v = spec[field];
  return typeof v === 'number' ? v : undefined;
}
