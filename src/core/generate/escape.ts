/**
 * Text from the learner's YAML and Go code, escaped for the place it lands in a
 * generated file. Each target reads different characters as syntax: a newline
 * starts a new table row or Markdown line, `{` starts a JavaScript expression
 * in MDX, a line starting with `import` is a module statement in MDX, `|` ends
 * a table cell, a backtick ends a code span. Frontmatter needs no helper: the
 * YAML library quotes what it writes.
 */

/** Line breaks, tabs and every other control character (C0, DEL, C1, line/paragraph separators). */
const controlChars = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const controlRuns = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g;

export function hasControlChars(text: string): boolean {
  return controlChars.test(text);
}

/** One line: every run of whitespace or control characters becomes one space. */
export function oneLine(text: string): string {
  return text.replace(controlRuns, ' ').trim();
}

/** Shows control characters as escapes (`\n`, `\u0007`) in a message, so a name cannot draw on the terminal. */
export function visible(text: string): string {
  return text.replace(new RegExp(controlChars.source, 'g'), (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Markdown inline text: one line, and `<` cannot open HTML (or fake an `edgo:end` marker). */
export function markdownText(text: string): string {
  return oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** A Markdown table cell: inline text whose `|` does not end the cell. */
export function tableCell(text: string): string {
  return markdownText(text).replace(/\|/g, '\\|');
}

/** Link text: inline text whose `]` does not end the link (nor `|` the cell, `inTable`). */
export function linkText(text: string, inTable = false): string {
  const escaped = markdownText(text).replace(/[[\]]/g, (c) => `\\${c}`);
  return inTable ? escaped.replace(/\|/g, '\\|') : escaped;
}

/**
 * A code span that shows `text` verbatim: fenced by one backtick more than the
 * longest backtick run inside, padded when it starts or ends with a backtick.
 * `inTable` escapes `|`, which GFM splits cells on even inside code.
 */
export function codeSpan(text: string, inTable = false): string {
  const line = oneLine(text);
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  const body = inTable ? line.replace(/\|/g, '\\|') : line;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * MDX body text: one line; `{`/`}` are not expressions, `<` is not JSX, and
 * a leading `import`/`export` is not a module statement (its first letter is
 * written as a character reference, which MDX shows as the letter).
 */
export function mdxText(text: string): string {
  const escaped = markdownText(text).replace(/[{}]/g, (c) => `\\${c}`);
  return /^(import|export)\b/.test(escaped) ? `&#${escaped.charCodeAt(0)};${escaped.slice(1)}` : escaped;
}

/** A Mermaid label or message: one line, without the characters Mermaid reads as syntax there. */
export function mermaidLabel(text: string): string {
  return oneLine(text)
    .replace(/["#;`]/g, "'")
    .replace(/[<>{}]/g, '');
}
