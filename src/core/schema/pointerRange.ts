/**
 * The one locator from a JSON pointer to a source range in parsed YAML, for
 * every kind's schema and rule findings: the line reader first (no AST), the
 * YAML AST only when the line reader is unsure.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Range } from '../diagnostic';
import { toPointer } from '../events/cursor';
import { nodeRange, offsetRange, type ParsedYaml } from '../events/yamlText';

export type Segment = string | number;

/** `/jobs/build/steps/0` → `['jobs', 'build', 'steps', 0]`. */
export function pointerSegments(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `['spec', 'ports', 0]` → `/spec/ports/0`. */
export const segmentsPointer = (segments: readonly Segment[]): string => toPointer(segments.map(String));

/**
 * The range at `pointer`, or at the closest ancestor that exists (a missing
 * key is reported where it belongs). `prefer: 'key'` marks a map entry by its
 * key (a whole job by its name); `'value'` marks the value itself.
 */
export function rangeAtPointer(parsed: ParsedYaml, docIndex: number, pointer: string, prefer: 'key' | 'value'): Range {
  const fast = parsed.locate(docIndex, pointer);
  // A block collection's value spans lines the line reader does not measure: the AST knows its end.
  const sameLineValue = fast?.value && (!fast.key || fast.value.start.line === fast.key.start.line) ? fast.value : undefined;
  const quick = prefer === 'key' ? (fast?.key ?? sameLineValue) : sameLineValue;
  if (quick) return quick;
  const doc = parsed.docs[docIndex]?.doc;
  const start = doc?.range?.[0] ?? 0;
  if (!doc) return offsetRange(parsed, start, start);
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const seg of pointerSegments(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      keyNode = undefined;
      node = node.items[seg];
    } else break;
  }
  const target = prefer === 'key' ? (keyNode ?? (node as Node | null)) : ((node as Node | null) ?? keyNode);
  return nodeRange(parsed, target) ?? offsetRange(parsed, start, start);
}
