/**
 * Finds the source range of a JSON pointer in block-style YAML by reading
 * indentation, without building a YAML AST. It answers only when it is sure
 * (plain keys, block maps and sequences, values on the key's line) and says
 * `undefined` otherwise, so the caller falls back to the full parser.
 */
import type { Range } from '../diagnostic';

export interface Located {
  readonly key?: Range | undefined;
  readonly value?: Range | undefined;
}

interface Line {
  readonly indent: number;
  /** Column after any `- ` prefixes (where a key or scalar starts). */
  readonly contentCol: number;
  /** Columns of the `-` markers on this line. */
  readonly dashes: readonly number[];
  readonly key?: string | undefined;
  /** Column where the value after `key:` starts, when something follows on the line. */
  readonly valueCol?: number | undefined;
  readonly blank: boolean;
}

const keyRe = /^([A-Za-z0-9_$][\w$.\-/]*|"[^"\\]*"|'[^']*')[ \t]*:(?=\s|$)/;

export class LineLocator {
  readonly #lines: string[];
  readonly #parsed: Array<Line | undefined> = [];
  /** [start, end) line numbers of each YAML document. */
  readonly #docs: Array<[number, number]> = [];

  constructor(
    text: string,
    private readonly lineOffset = 0,
  ) {
    this.#lines = text.split('\n');
    let start = 0;
    let sawContent = false;
    let sawMarker = false;
    for (let i = 0; i < this.#lines.length; i++) {
      const l = this.#lines[i] as string;
      // Most lines are neither a marker nor needed to know whether a document has content yet.
      if (l.charCodeAt(0) !== 45 && sawContent) continue;
      if (/^---(\s|$)/.test(l)) {
        // Comments before the first `---` belong to its document; after a marker, even an empty section is one.
        if (sawContent || sawMarker) this.#docs.push([start, i]);
        start = i + 1;
        sawContent = false;
        sawMarker = true;
        // `--- value` on the marker line is not handled here.
        if (l.replace(/\s+#.*$/, '').trim() !== '---') this.#docs.push([-1, -1]);
      } else if (l.trim() && !l.trimStart().startsWith('#')) sawContent = true;
    }
    this.#docs.push([start, this.#lines.length]);
  }

  /** How many documents the lines were split into; a parser that counts otherwise must not use this locator. */
  get documentCount(): number {
    return this.#docs.length;
  }

  private line(i: number): Line {
    let l = this.#parsed[i];
    if (l) return l;
    const text = (this.#lines[i] ?? '').replace(/\r$/, '');
    const trimmed = text.trimStart();
    const indent = text.length - trimmed.length;
    const blank = trimmed === '' || trimmed.startsWith('#');
    const dashes: number[] = [];
    let col = indent;
    while (text[col] === '-' && (text[col + 1] === ' ' || col + 1 === text.length)) {
      dashes.push(col);
      col += 1;
      while (text[col] === ' ') col++;
    }
    const m = keyRe.exec(text.slice(col));
    let valueCol: number | undefined;
    if (m) {
      let v = col + m[0].length;
      while (text[v] === ' ' || text[v] === '\t') v++;
      if (v < text.length && text[v] !== '#') valueCol = v;
    }
    l = { indent, contentCol: col, dashes, key: m ? unquote(m[1] as string) : undefined, valueCol, blank };
    this.#parsed[i] = l;
    return l;
  }

  /** The key and value ranges at `pointer` in document `docIndex`, or undefined when unsure. */
  locate(docIndex: number, pointer: string): Located | undefined {
    const doc = this.#docs[docIndex];
    if (!doc || doc[0] < 0) return undefined;
    const segments =
      pointer === ''
        ? []
        : pointer
            .slice(1)
            .split('/')
            .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let from = doc[0];
    let to = doc[1];
    let keyLine = -1;
    let keyCol = -1;
    let keyText = '';
    let valueLine = -1;
    let valueCol = -1;
    let inFlow = false;
    for (const seg of segments) {
      // The container's first content line decides map or sequence, and its column.
      let first = from;
      while (first < to && this.line(first).blank) first++;
      if (first >= to) return undefined;
      const head = this.line(first);
      // A same-line value: only a flow sequence of plain scalars (`[a, b]`) can be descended into.
      if (valueLine >= 0) {
        const item = flowItem((this.#lines[valueLine] ?? '').replace(/\r$/, ''), valueCol, seg);
        if (!item) return undefined;
        keyLine = -1;
        valueCol = item;
        inFlow = true;
        continue;
      }
      const isSeqItem = head.dashes.length > 0 && (keyLine < 0 || head.dashes[0] !== undefined);
      if (/^\d+$/.test(seg) && isSeqItem) {
        const dashCol = head.dashes[0] as number;
        const items = this.seqItems(first, to, dashCol);
        const at = items?.[Number(seg)];
        if (at === undefined || !items) return undefined;
        let end = items[Number(seg) + 1] ?? at + 1;
        if (Number(seg) + 1 >= items.length) while (end < to && (this.line(end).blank || this.line(end).indent > dashCol)) end++;
        const itemLine = this.line(at);
        if (itemLine.dashes.length > 1) return undefined;
        // The item's content: a map whose first key is on the dash line, a scalar, or nested lines.
        keyLine = -1;
        if (itemLine.key === undefined && itemLine.contentCol < (this.#lines[at] ?? '').replace(/\r$/, '').length) {
          valueLine = at;
          valueCol = itemLine.contentCol;
          if (/^[[{&*!|>]/.test((this.#lines[at] ?? '').slice(valueCol))) return undefined;
        } else {
          valueLine = -1;
          // Re-scan the item as a map starting at its first key: treat the dash line as indented to the key.
          from = at;
          to = end;
          this.#itemStart = { line: at, col: itemLine.contentCol };
        }
        continue;
      }
      if (/^\d+$/.test(seg) && !isSeqItem) return undefined;
      // Map lookup at the column of the first key.
      const col = this.#itemStart && this.#itemStart.line === first ? this.#itemStart.col : head.dashes.length ? undefined : head.indent;
      this.#itemStart = undefined;
      if (col === undefined) return undefined;
      const hit = this.mapKey(first, to, col, seg);
      if (!hit) return undefined;
      const { found, end } = hit;
      const fl = this.line(found);
      keyLine = found;
      keyCol = found === first ? fl.contentCol : fl.indent;
      keyText = (this.#lines[found] ?? '').slice(keyCol).match(keyRe)?.[1] ?? seg;
      if (fl.valueCol !== undefined) {
        const rest = (this.#lines[found] ?? '').slice(fl.valueCol);
        if (/^[&*!|>]/.test(rest)) return undefined; // anchors, aliases, tags, block scalars
        valueLine = found;
        valueCol = fl.valueCol;
        // A value continued on the next lines (multi-line plain or quoted scalar) is fine for its start.
      } else {
        valueLine = -1;
        from = found + 1;
        to = end;
      }
    }
    this.#itemStart = undefined;
    const key = keyLine >= 0 ? this.range(keyLine, keyCol, keyCol + keyText.length) : undefined;
    let value: Range | undefined;
    if (valueLine >= 0) {
      const text = (this.#lines[valueLine] ?? '').replace(/\r$/, '');
      const rest = text.slice(valueCol);
      value = this.range(valueLine, valueCol, valueCol + (inFlow ? (/^[^,\]]*/.exec(rest)?.[0] ?? '').trimEnd().length : scalarLength(rest)));
    } else if (segments.length > 0 && keyLine >= 0) {
      // A block collection value: from its first content line.
      let first = from;
      while (first < to && this.line(first).blank) first++;
      if (first < to) value = this.range(first, this.line(first).indent, this.line(first).indent + 1);
    }
    if (segments.length === 0) return undefined;
    return { key, value };
  }

  #itemStart: { line: number; col: number } | undefined;

  /**
   * Memos of the scans below, so that locating every entry of a long list
   * costs one pass over it, not one per entry (1,000 entries: 6,000 lines).
   */
  readonly #seqMemo = new Map<string, number[] | undefined>();
  readonly #keyMemo = new Map<string, Map<string, { found: number; end: number }>>();

  /** Start lines of the items of the block sequence whose dashes are at `dashCol`, or undefined when unsure. */
  private seqItems(first: number, to: number, dashCol: number): number[] | undefined {
    const memoKey = `${first}:${to}:${dashCol}`;
    if (this.#seqMemo.has(memoKey)) return this.#seqMemo.get(memoKey);
    const items: number[] = [];
    for (let i = first; i < to; i++) {
      // Lines indented past the dashes are the items' insides: skipped without parsing them.
      if (this.deeperThan(i, dashCol)) continue;
      const l = this.line(i);
      if (l.blank) continue;
      if (l.indent < dashCol) break;
      if (l.indent === dashCol && l.dashes[0] === dashCol) items.push(i);
      else if (l.indent === dashCol) break; // not a sequence from here on: later items are unknown
    }
    this.#seqMemo.set(memoKey, items);
    return items;
  }

  /** Whether line `i` starts with more than `col` spaces (so it is inside whatever starts at `col`), known without parsing it. */
  private deeperThan(i: number, col: number): boolean {
    const text = this.#lines[i] as string;
    let n = 0;
    while (n <= col && text.charCodeAt(n) === 32) n++;
    return n > col;
  }

  /** The line of key `seg` of the block map whose keys are at `col`, and the end of its value (both memoised). */
  private mapKey(first: number, to: number, col: number, seg: string): { found: number; end: number } | undefined {
    const memoKey = `${first}:${to}:${col}`;
    let keys = this.#keyMemo.get(memoKey);
    if (!keys) {
      // One pass records the first line of every key at `col`, up to where the map ends.
      keys = new Map();
      for (let i = first; i < to; i++) {
        if (i !== first && this.deeperThan(i, col)) continue;
        const l = this.line(i);
        if (l.blank) continue;
        const c = i === first ? l.contentCol : l.dashes.length ? -1 : l.indent;
        if (c === col && l.key !== undefined && !keys.has(l.key)) keys.set(l.key, { found: i, end: -1 });
        if (i !== first && l.indent < col) break;
      }
      this.#keyMemo.set(memoKey, keys);
    }
    const hit = keys.get(seg);
    if (!hit) return undefined;
    if (hit.end < 0) {
      let end = hit.found + 1;
      while (end < to && (this.deeperThan(end, col) || this.line(end).blank || this.line(end).indent > col || (this.line(end).indent === col && this.line(end).dashes[0] === col))) end++;
      hit.end = end;
    }
    return hit;
  }

  private range(line: number, start: number, end: number): Range {
    return { start: { line: line + this.lineOffset, character: start }, end: { line: line + this.lineOffset, character: Math.max(end, start + 1) } };
  }
}

/** Column of item `seg` of a one-line flow sequence of plain scalars starting at `col`, if that is what is there. */
function flowItem(line: string, col: number, seg: string): number | undefined {
  if (!/^\d+$/.test(seg) || line[col] !== '[') return undefined;
  const close = line.indexOf(']', col);
  if (close < 0) return undefined;
  const inner = line.slice(col + 1, close);
  if (/[[\]{}"'#&*!]/.test(inner)) return undefined;
  let start = col + 1;
  const parts = inner.split(',');
  const n = Number(seg);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const lead = part.length - part.trimStart().length;
    if (i === n) return part.trim() ? start + lead : undefined;
    start += part.length + 1;
  }
  return undefined;
}

/** Length of the scalar or flow value at the start of `rest`, without a trailing comment. */
function scalarLength(rest: string): number {
  const q = rest[0];
  if (q === '"' || q === "'") {
    for (let i = 1; i < rest.length; i++) {
      if (q === '"' && rest[i] === '\\') {
        i++;
        continue;
      }
      if (rest[i] === q) {
        if (q === "'" && rest[i + 1] === "'") {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    return rest.length;
  }
  if (q === '[' || q === '{') {
    let depth = 0;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '[' || rest[i] === '{') depth++;
      else if (rest[i] === ']' || rest[i] === '}') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return rest.trimEnd().length;
  }
  const comment = rest.search(/\s#/);
  return (comment >= 0 ? rest.slice(0, comment) : rest).trimEnd().length;
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}
