/**
 * Finds the Mermaid diagrams of a file: the whole text of a `.mmd` file, or the
 * ```mermaid / ~~~mermaid fences and `:::mermaid` blocks of a Markdown file.
 * Every block remembers where its lines came from so errors can be reported in
 * the file's own lines and columns.
 */

export type MermaidBlockKind = 'file' | 'backtick' | 'tilde' | 'colon';

export interface MermaidBlock {
  /** Position of the block in the file, counting from 0. */
  readonly index: number;
  readonly kind: MermaidBlockKind;
  /** Zero-based line of the opening fence (equal to `contentLine` for a whole file). */
  readonly openLine: number;
  /** Zero-based line of the first diagram line. */
  readonly contentLine: number;
  /** Zero-based line of the closing fence, or undefined when the fence is never closed. */
  readonly closeLine: number | undefined;
  /** The diagram text, with the fence's indentation removed and `\n` line ends. */
  readonly text: string;
  /** How many characters were removed from the start of each diagram line. */
  readonly removedIndent: readonly number[];
}

/** Splits on LF, CRLF and lone CR, as editors and Mermaid do. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** A `.mmd` / `.mermaid` file is one diagram. */
export function wholeFileBlock(text: string): MermaidBlock {
  const lines = splitLines(text);
  return {
    index: 0,
    kind: 'file',
    openLine: 0,
    contentLine: 0,
    closeLine: undefined,
    text: lines.join('\n'),
    removedIndent: lines.map(() => 0),
  };
}

const fenceOpen = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)?(.*)$/;
const colonOpen = /^(\s*):{3,}\s*mermaid\s*$/i;
const colonClose = /^\s*:{3,}\s*$/;

/**
 * The Mermaid blocks of a Markdown (or MDX) document. Fences may be indented
 * (inside lists or `<details>`), the info string may have trailing spaces, and
 * a mermaid fence inside another fence (a Markdown example) is not a diagram.
 */
export function extractMarkdownBlocks(markdown: string): MermaidBlock[] {
  const lines = splitLines(markdown);
  const blocks: MermaidBlock[] = [];
  let i = 0;
  // Set when a fence was opened only to show a ```mermaid fence as an example
  // (see below): the bare fence after the diagram closes it.
  let wrapperOpen = false;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const fence = fenceOpen.exec(line);
    if (fence) {
      const indent = (fence[1] ?? '').length;
      const marker = fence[2] ?? '```';
      const info = (fence[3] ?? '').toLowerCase();
      // A backtick fence's info string may not contain backticks (CommonMark).
      if (marker.startsWith('`') && (fence[4] ?? '').includes('`')) {
        i++;
        continue;
      }
      if (info === 'mermaid') {
        // Lenient close: docs sites use tricks such as "```_" to end an example.
        const close = findFenceClose(lines, i + 1, marker, true);
        blocks.push(makeBlock(blocks.length, marker.startsWith('`') ? 'backtick' : 'tilde', lines, i, close, indent));
        i = close === undefined ? lines.length : close + 1;
        if (wrapperOpen && i < lines.length && isBareFence(lines[i] ?? '', marker)) i++;
        wrapperOpen = false;
        continue;
      }
      // "```markdown" directly followed by "```mermaid" is how many docs show a
      // diagram's source next to it; people (and doc sites) read the inner fence as the diagram.
      const next = fenceOpen.exec(lines[i + 1] ?? '');
      if (next && (next[3] ?? '').toLowerCase() === 'mermaid' && next[2] === marker) {
        wrapperOpen = true;
        i++;
        continue;
      }
      const close = findFenceClose(lines, i + 1, marker, false);
      i = close === undefined ? lines.length : close + 1;
      continue;
    }
    const colon = colonOpen.exec(line);
    if (colon) {
      let close: number | undefined;
      for (let j = i + 1; j < lines.length; j++) {
        if (colonClose.test(lines[j] ?? '')) {
          close = j;
          break;
        }
      }
      blocks.push(makeBlock(blocks.length, 'colon', lines, i, close, (colon[1] ?? '').length));
      i = close === undefined ? lines.length : close + 1;
      continue;
    }
    i++;
  }
  return blocks;
}

function isBareFence(line: string, marker: string): boolean {
  return new RegExp(`^\\s*\\${marker[0] ?? '`'}{${marker.length},}\\s*$`).test(line);
}

function findFenceClose(lines: readonly string[], from: number, marker: string, lenient: boolean): number | undefined {
  const char = marker[0] === '`' ? '`' : '~';
  const closing = new RegExp(`^\\s*\\${char}{${marker.length},}${lenient ? '[^`~]*' : '\\s*'}$`);
  for (let j = from; j < lines.length; j++) {
    if (closing.test(lines[j] ?? '')) return j;
  }
  return undefined;
}

function makeBlock(index: number, kind: MermaidBlockKind, lines: readonly string[], openLine: number, closeLine: number | undefined, indent: number): MermaidBlock {
  const end = closeLine ?? lines.length;
  const body: string[] = [];
  const removedIndent: number[] = [];
  for (let j = openLine + 1; j < end; j++) {
    const line = lines[j] ?? '';
    // Remove up to the fence's own indentation, as CommonMark does.
    let cut = 0;
    while (cut < indent && cut < line.length && (line[cut] === ' ' || line[cut] === '\t')) cut++;
    body.push(line.slice(cut));
    removedIndent.push(cut);
  }
  return { index, kind, openLine, contentLine: openLine + 1, closeLine, text: body.join('\n'), removedIndent };
}

/** Maps a zero-based line/character inside a block's text to the file. */
export function blockToFile(block: Pick<MermaidBlock, 'contentLine' | 'removedIndent'>, line: number, character: number): { line: number; character: number } {
  const lineCount = block.removedIndent.length;
  const clamped = Math.max(0, Math.min(line, Math.max(0, lineCount - 1)));
  return { line: block.contentLine + clamped, character: character + (block.removedIndent[clamped] ?? 0) };
}

/** True for file names Mermaid editors use for whole-file diagrams. */
export function isMermaidFileName(fileName: string): boolean {
  return /\.(mmd|mermaid)$/i.test(fileName);
}

/** True for Markdown-like files whose fences may hold diagrams. */
export function isMarkdownFileName(fileName: string): boolean {
  return /\.(md|markdown|mdx)$/i.test(fileName);
}

/** The blocks of any supported file, chosen by its name. */
export function extractBlocks(fileName: string, text: string): MermaidBlock[] {
  if (isMermaidFileName(fileName)) return [wholeFileBlock(text)];
  if (isMarkdownFileName(fileName)) return extractMarkdownBlocks(text);
  return [];
}
