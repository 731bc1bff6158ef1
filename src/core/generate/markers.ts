/**
 * Generated blocks inside a learner's Markdown file:
 *   <!-- edgo:begin name -->
 *   ...generated...
 *   <!-- edgo:end name -->
 * Regenerating replaces what is between the markers and nothing else.
 */

const blockRe = (name: string): RegExp => new RegExp(`<!-- edgo:begin ${escapeRe(name)} -->[\\s\\S]*?<!-- edgo:end ${escapeRe(name)} -->`);

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

/**
 * Adds each section whose heading line is not in `text` yet, right after the
 * block `afterBlock` (or at the end). Sections are the learner's from then on:
 * an existing heading is never touched, so what was written under it stays.
 */
export function ensureSections(text: string, sections: readonly { heading: string; body: string }[], afterBlock?: string): string {
  const lines = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  const missing = sections.filter((s) => !lines.has(s.heading.trim()));
  if (missing.length === 0) return text;
  const addition = missing.map((s) => `${s.heading}\n\n${s.body.trim()}\n`).join('\n');
  const endMarker = afterBlock !== undefined ? `<!-- edgo:end ${afterBlock} -->` : undefined;
  const at = endMarker !== undefined ? text.indexOf(endMarker) : -1;
  if (at < 0) return `${text.trimEnd()}\n\n${addition}`;
  const cut = at + endMarker!.length;
  return `${text.slice(0, cut)}\n\n${addition.trimEnd()}${text.slice(cut).startsWith('\n') ? '' : '\n'}${text.slice(cut)}`;
}
