/**
 * Finds the YAML frontmatter of a Markdown/MDX file: the lines between a first
 * line `---` and the next `---` (or `...`). Positions stay in the Markdown
 * file's coordinates through `lineOffset`.
 */
export interface Frontmatter {
  /** The YAML between the fences. */
  readonly yaml: string;
  /** Line of the first YAML line in the Markdown file (1 when the file starts with `---`). */
  readonly lineOffset: number;
  /** Line of the closing fence, or undefined when it is missing. */
  readonly closeLine?: number;
}

export function extractFrontmatter(markdown: string): Frontmatter | undefined {
  const text = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const firstNl = text.indexOf('\n');
  const firstLine = (firstNl === -1 ? text : text.slice(0, firstNl)).replace(/\r$/, '');
  if (firstLine.trimEnd() !== '---') return undefined;
  let pos = firstNl + 1;
  let line = 1;
  while (pos <= text.length && firstNl !== -1) {
    const nl = text.indexOf('\n', pos);
    const current = (nl === -1 ? text.slice(pos) : text.slice(pos, nl)).replace(/\r$/, '');
    if (current.trimEnd() === '---' || current.trimEnd() === '...') {
      return { yaml: text.slice(firstNl + 1, pos), lineOffset: 1, closeLine: line };
    }
    if (nl === -1) break;
    pos = nl + 1;
    line++;
  }
  return { yaml: text.slice(firstNl + 1), lineOffset: 1 };
}
