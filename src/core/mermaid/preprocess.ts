/**
 * Mermaid parses a cleaned copy of the diagram: line ends normalised, YAML
 * frontmatter, `%%{init}%%` directives and `%%` comment lines removed, leading
 * blank lines trimmed (mermaid 12 `preprocessDiagram`). Its error lines count
 * in that copy. This module repeats the same cleaning while remembering where
 * every character came from, so an error can be put back on the learner's line.
 */

export interface SourcePosition {
  readonly line: number;
  readonly character: number;
}

export interface CleanedDiagram {
  /** The text Mermaid's parsers see. */
  readonly text: string;
  /** Maps a zero-based line/character of `text` to the original diagram text. */
  toOriginal(line: number, character: number): SourcePosition;
  /** Zero-based original line of the diagram's first meaningful line (its type keyword). */
  readonly firstLine: number;
}

/** A string in which every character knows its original position. */
interface Tracked {
  chars: string;
  origin: SourcePosition[];
}

const directiveRegex = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const commentRegex = /^\s*%%(?!{)[^\n]+\n?/gm;

export function cleanDiagram(original: string): CleanedDiagram {
  let tracked = track(original);
  tracked = removePrefix(tracked, frontmatterLength(tracked.chars));
  tracked = removeMatches(tracked, directiveRegex);
  tracked = removeMatches(tracked, commentRegex);
  tracked = removePrefix(tracked, tracked.chars.length - tracked.chars.trimStart().length);
  const { chars, origin } = tracked;
  const lineStarts = [0];
  for (let i = 0; i < chars.length; i++) if (chars[i] === '\n') lineStarts.push(i + 1);
  const endOfText = endPosition(original);

  const toOriginal = (line: number, character: number): SourcePosition => {
    const start = lineStarts[Math.max(0, Math.min(line, lineStarts.length - 1))] ?? 0;
    const index = start + Math.max(0, character);
    const lineEnd = chars.indexOf('\n', start);
    const limit = lineEnd === -1 ? chars.length : lineEnd;
    if (index < limit) return origin[index] ?? endOfText;
    // Past the end of the line: the end of that original line.
    const anchor = origin[Math.min(limit, chars.length - 1)] ?? endOfText;
    if (limit === chars.length) return chars.length === 0 ? endOfText : { line: anchor.line, character: anchor.character + 1 };
    return anchor;
  };
  return { text: chars, toOriginal, firstLine: toOriginal(0, 0).line };
}

function track(text: string): Tracked {
  let chars = '';
  const origin: SourcePosition[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\r') {
      // CRLF and lone CR become one '\n', as in Mermaid's cleanupText.
      chars += '\n';
      origin.push({ line, character });
      if (text[i + 1] === '\n') i++;
      line++;
      character = 0;
      continue;
    }
    chars += c;
    origin.push({ line, character });
    if (c === '\n') {
      line++;
      character = 0;
    } else {
      character++;
    }
  }
  return { chars, origin };
}

function endPosition(text: string): SourcePosition {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
}

function removePrefix(t: Tracked, length: number): Tracked {
  if (length <= 0) return t;
  return { chars: t.chars.slice(length), origin: t.origin.slice(length) };
}

function removeMatches(t: Tracked, regex: RegExp): Tracked {
  let chars = '';
  // Copied one by one, not `push(...slice)`: one argument per character overflows the stack on long diagrams.
  const origin: SourcePosition[] = [];
  const keep = (from: number, to: number) => {
    chars += t.chars.slice(from, to);
    for (let i = from; i < to; i++) origin.push(t.origin[i] as SourcePosition);
  };
  let last = 0;
  regex.lastIndex = 0;
  for (const match of t.chars.matchAll(regex)) {
    const start = match.index ?? 0;
    keep(last, start);
    last = start + match[0].length;
  }
  keep(last, t.chars.length);
  return { chars, origin };
}

/**
 * Length of the YAML frontmatter Mermaid strips: an optionally indented `---`
 * line, the body, and the first following line that is the same indent plus
 * `---`, together with the blank lines after it.
 */
export function frontmatterLength(text: string): number {
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const open = new RegExp(`^${indent}---[ \\t]*\\n`).exec(text);
  if (!open) return 0;
  const closing = new RegExp(`\\n${indent}---([ \\t]*\\n)+`, 'g');
  closing.lastIndex = open[0].length - 1;
  const close = closing.exec(text);
  if (!close) return 0;
  const end = close.index + close[0].length;
  return end;
}
