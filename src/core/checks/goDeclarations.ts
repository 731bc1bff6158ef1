/**
 * Where a Go function or method is declared in a file, found by reading the
 * declarations (not by a line number written down once), so a learner who moves
 * the function within the file is still found. Comments and string literals are
 * blanked first, so a `func` inside them is never taken for a declaration.
 */

/** A declaration's place: 1-based line of `func`, 1-based column of the name. */
export interface GoDeclPosition {
  readonly line: number;
  readonly column: number;
}

/** The text with comments, strings and runes replaced by spaces; line breaks kept, so positions do not move. */
export function blankGoLiterals(text: string): string {
  let out = '';
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    let end = -1;
    if (c === '/' && next === '/') {
      end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
    } else if (c === '/' && next === '*') {
      end = text.indexOf('*/', i + 2);
      end = end < 0 ? text.length : end + 2;
    } else if (c === '`') {
      end = text.indexOf('`', i + 1);
      end = end < 0 ? text.length : end + 1;
    } else if (c === '"' || c === "'") {
      // An interpreted string or a rune ends at its unescaped quote, or at the line's end when it is unterminated.
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      end = Math.min(j + 1, text.length);
    }
    if (end < 0) {
      out += c;
      i++;
    } else {
      out += blank(text.slice(i, end));
      i = end;
    }
  }
  return out;
}

/** `Name` or `Type.Method` (a pointer or value receiver, type parameters allowed). */
const declaration = /^[ \t]*func[ \t]*(?:\([ \t]*(?:[A-Za-z_]\w*[ \t]+)?\*?[ \t]*([A-Za-z_]\w*)[ \t]*(?:\[[^\]\n]*\])?[ \t]*\)[ \t]*)?([A-Za-z_]\w*)[ \t]*[[(]/gm;

/** Where `name` (`DisplayName`, `MemoryService.List`) is declared in the Go source `text`, or undefined. */
export function findGoFunc(text: string, name: string): GoDeclPosition | undefined {
  const [receiver, method] = name.includes('.') ? (name.split('.', 2) as [string, string]) : [undefined, name];
  const code = blankGoLiterals(text);
  for (const m of code.matchAll(declaration)) {
    if (m[2] !== method || m[1] !== receiver) continue;
    const before = code.slice(0, m.index);
    const line = before.split('\n').length;
    const nameAt = m.index + m[0].lastIndexOf(method, m[0].length - 1);
    return { line, column: nameAt - (before.lastIndexOf('\n') + 1) + 1 };
  }
  return undefined;
}
