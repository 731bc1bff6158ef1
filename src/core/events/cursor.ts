/**
 * Where the cursor is in a YAML text that may be half-typed (so the parser
 * cannot be trusted): the property path from indentation, and whether the
 * cursor is on a key or on a value.
 */
import type { Position } from '../diagnostic';

export interface CursorContext {
  /** Path of the mapping that holds the cursor's key, e.g. ['sends', '0']. */
  readonly parent: readonly string[];
  /** The key on the cursor's line (complete for a value, partial for a key). */
  readonly key: string;
  /** Whether the cursor is after `key:` (a value) or on the key itself. */
  readonly onValue: boolean;
  /** Text typed so far of the key or value. */
  readonly prefix: string;
  /** Column where the key starts (for inserting siblings). */
  readonly keyColumn: number;
  /** Whether the line starts a sequence item (`- `). */
  readonly inItem: boolean;
}

const lineRe = /^(\s*)((?:-\s+)*)(?:("[^"]*"|'[^']*'|[^\s:#"'][^:#]*?)\s*:(?:\s|$))?/;

/**
 * Reads the cursor context from `lines` (the YAML part only: `firstLine` and
 * `lastLine` bound a frontmatter block). Returns undefined on a comment.
 */
export function cursorContext(lines: readonly string[], pos: Position, firstLine = 0): CursorContext | undefined {
  const line = lines[pos.line] ?? '';
  const before = line.slice(0, pos.character);
  if (/^\s*#/.test(before)) return undefined;
  const valueMatch = /^(\s*)((?:-\s+)*)("[^"]*"|'[^']*'|[^\s:#"'][^:#]*?)\s*:\s+(\S*)$/.exec(before) ?? /^(\s*)((?:-\s+)*)("[^"]*"|'[^']*'|[^\s:#"'][^:#]*?):()$/.exec(before);
  let indent: number;
  let key: string;
  let onValue: boolean;
  let prefix: string;
  let inItem: boolean;
  /** Column of the line's first `-`: an earlier item's dash of the same list is no parent. */
  let dashColumn: number;
  if (valueMatch) {
    dashColumn = (valueMatch[1] ?? '').length;
    indent = (valueMatch[1] ?? '').length + (valueMatch[2] ?? '').length;
    key = unquote(valueMatch[3] ?? '');
    onValue = true;
    prefix = valueMatch[4] ?? '';
    inItem = (valueMatch[2] ?? '') !== '';
  } else {
    const keyMatch = /^(\s*)((?:-\s+)*)([\w$.-]*)$/.exec(before);
    if (!keyMatch) {
      // A list item value: `  - ord|` under `owners:`.
      const item = /^(\s*)-\s+([\w.-]*)$/.exec(before);
      if (!item) return undefined;
      const parent = parentPath(lines, pos.line, (item[1] ?? '').length + 1, firstLine);
      return { parent: parent.slice(0, -1), key: parent[parent.length - 1] ?? '', onValue: true, prefix: item[2] ?? '', keyColumn: (item[1] ?? '').length, inItem: true };
    }
    dashColumn = (keyMatch[1] ?? '').length;
    indent = (keyMatch[1] ?? '').length + (keyMatch[2] ?? '').length;
    key = keyMatch[3] ?? '';
    onValue = false;
    prefix = key;
    inItem = (keyMatch[2] ?? '') !== '';
  }
  const parent = parentPath(lines, pos.line, inItem ? dashColumn : indent, firstLine);
  return { parent: inItem ? [...parent, '0'] : parent, key, onValue, prefix, keyColumn: indent, inItem };
}

/** Keys of the enclosing mappings, found by walking up to less-indented lines. */
export function parentPath(lines: readonly string[], lineNo: number, indent: number, firstLine = 0): string[] {
  const segments: string[] = [];
  let need = indent;
  for (let i = lineNo - 1; i >= firstLine && need > 0; i--) {
    const text = lines[i] ?? '';
    if (!text.trim() || /^\s*#/.test(text)) continue;
    const m = lineRe.exec(text);
    if (!m) continue;
    const dashIndent = (m[1] ?? '').length;
    const keyIndent = dashIndent + (m[2] ?? '').length;
    const hasDash = (m[2] ?? '') !== '';
    if (m[3] !== undefined && keyIndent < need) {
      segments.push(unquote(m[3]));
      need = keyIndent;
      if (hasDash && dashIndent < need) {
        segments.push('0');
        need = dashIndent;
      }
    } else if (hasDash && dashIndent < need) {
      segments.push('0');
      need = dashIndent;
    } else if (m[3] === undefined && !hasDash && dashIndent < need) {
      // A continuation line of a block scalar or flow value: not a parent.
      continue;
    }
  }
  return segments.reverse();
}

/** The key under the cursor on its line (for hover), with its column range. */
export function keyAt(line: string, character: number): { key: string; start: number; end: number } | undefined {
  const m = /^(\s*)((?:-\s+)*)("[^"]*"|'[^']*'|[^\s:#"'][^:#]*?)\s*:(?:\s|$)/.exec(line);
  if (!m) return undefined;
  const start = (m[1] ?? '').length + (m[2] ?? '').length;
  const end = start + (m[3] ?? '').length;
  if (character < start || character > end) return undefined;
  return { key: unquote(m[3] ?? ''), start, end };
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

/** JSON pointer of path segments. */
export function toPointer(segments: readonly string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
