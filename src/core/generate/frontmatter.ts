/**
 * MDX files the catalog generator writes: the YAML frontmatter is the
 * generator's (merged with keys the learner added), the body is the learner's.
 */
import { parse, stringify } from 'yaml';

export interface MdxParts {
  /** Parsed frontmatter; undefined when there is none or it is not a mapping. */
  readonly data: Record<string, unknown> | undefined;
  /** Everything after the closing `---` line (or the whole text without frontmatter). */
  readonly body: string;
}

const fence = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitMdx(text: string): MdxParts {
  const m = fence.exec(text);
  if (!m) return { data: undefined, body: text };
  let data: unknown;
  try {
    data = parse(m[1]!);
  } catch {
    data = undefined;
  }
  const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  return { data: record, body: text.slice(m[0].length) };
}

export function joinMdx(data: Record<string, unknown>, body: string): string {
  const yaml = stringify(data, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }).trimEnd();
  return `---\n${yaml}\n---\n${body.startsWith('\n') ? body : `\n${body}`}`;
}

/**
 * How a key is merged when the file already exists:
 * - `generated`: always the generator's value (ids, versions, references);
 * - `learner`: the learner's value when present (names, summaries, badges);
 * - `union`: both lists, the learner's first (owners).
 */
export type MergePolicy = Record<string, 'generated' | 'learner' | 'union'>;

/**
 * Merges generated frontmatter into existing frontmatter. Keys the generator
 * does not know are kept, after the generated ones, in their order.
 */
export function mergeFrontmatter(generated: Record<string, unknown>, existing: Record<string, unknown> | undefined, policy: MergePolicy): Record<string, unknown> {
  if (existing === undefined) return generated;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(generated)) {
    const mine = existing[key];
    const rule = policy[key] ?? 'generated';
    if (rule === 'learner' && mine !== undefined && mine !== null && mine !== '') out[key] = mine;
    else if (rule === 'union' && Array.isArray(mine) && Array.isArray(value)) out[key] = unionBy(mine, value);
    else out[key] = value;
  }
  for (const [key, value] of Object.entries(existing)) if (!(key in out)) out[key] = value;
  return out;
}

function unionBy(first: unknown[], second: unknown[]): unknown[] {
  const keyOf = (v: unknown): string => JSON.stringify(v);
  const seen = new Set(first.map(keyOf));
  return [...first, ...second.filter((v) => !seen.has(keyOf(v)))];
}
