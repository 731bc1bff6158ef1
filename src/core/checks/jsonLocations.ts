/**
 * Where a value sits in a JSON text, so a problem in `module.json` is reported at
 * its file, line and column. Runs only on text `JSON.parse` accepted.
 */

export type JsonPath = readonly (string | number)[];

/** 1-based line and column of each path's key (object members) or value (array items). */
export function jsonOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: (string | number)[]): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      while (text[i] !== '}' && i < text.length) {
        ws();
        const at = i;
        const key = str();
        offsets.set(JSON.stringify([...path, key]), at);
        ws();
        i++; // ':'
        value([...path, key]);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      ws();
      for (let n = 0; text[i] !== ']' && i < text.length; n++) {
        ws();
        offsets.set(JSON.stringify([...path, n]), i);
        value([...path, n]);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') {
      str();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  };
  value([]);
  return offsets;
}

/** The line and column of `path`, or of its nearest ancestor that exists (a missing field points at its object). */
export function locateJsonPath(text: string, path: JsonPath, offsets = jsonOffsets(text)): { line: number; column: number } | undefined {
  for (let n = path.length; n > 0; n--) {
    const offset = offsets.get(JSON.stringify(path.slice(0, n)));
    if (offset === undefined) continue;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  }
  return undefined;
}

/** `checks[2].packages[0]` → `['checks', 2, 'packages', 0]` (a trailing ` (kind)` note is ignored). */
export function parseJsonPath(at: string): JsonPath {
  const out: (string | number)[] = [];
  for (const m of at.replace(/\s*\(.*\)$/, '').matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** `['checks', 2, 'packages', 0]` → `checks[2].packages[0]`. */
export function formatJsonPath(path: JsonPath): string {
  return path.map((p, n) => (typeof p === 'number' ? `[${p}]` : n === 0 ? p : `.${p}`)).join('');
}
