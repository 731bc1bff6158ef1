/**
 * Generated blocks inside a learner's Markdown file:
 *   <!-- edgo:begin name -->
 *   ...generated...
 *   <!-- edgo:end name -->
 * Regenerating replaces what is between the markers and nothing else.
 */

const blockRe = (name: string): RegExp =>
  new RegExp(`<!-- edgo:begin ${escapeRe(name)} -->[\\s\\S]*?<!-- edgo:end ${escapeRe(name)} -->`);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function fenceBlock(name: string, content: string): string {
  return `<!-- edgo:begin ${name} -->\n${content.trim()}\n<!-- edgo:end ${name} -->`;
}

/** The names of the generated blocks in a text, in order. */
export function blockNames(text: string): string[] {
  return [...text.matchAll(/<!-- edgo:begin ([\w.-]+) -->/g)].map((m) => m[1]!);
}

/**
 * Puts each block in `text`: replaces a block that is there; appends one that
 * is not (after `heading` when given and absent). The learner's text is kept.
 */
export function upsertBlocks(text: string, blocks: readonly { name: string; content: string; heading?: string }[]): string {
  let out = text;
  for (const b of blocks) {
    const fenced = fenceBlock(b.name, b.content);
    const re = blockRe(b.name);
    if (re.test(out)) {
      out = out.replace(re, () => fenced);
    } else {
      const prefix = out.trimEnd() === '' ? '' : `${out.trimEnd()}\n\n`;
      out = `${prefix}${b.heading ? `${b.heading}\n\n` : ''}${fenced}\n`;
    }
  }
  return out.endsWith('\n') ? out : `${out}\n`;
}
