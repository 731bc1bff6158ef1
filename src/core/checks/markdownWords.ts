/**
 * The learner's own words under a Markdown heading: what `markdown-sections`
 * counts when a check asks for real text (`minWords`). Not counted: blocks the
 * docs generator owns (`<!-- edgo:begin x -->`...`<!-- edgo:end x -->`), its
 * placeholders (a whole line in italics, "(fill in)", bare labels such as
 * `**Request**`), HTML comments, fenced code, tables' separator rows, and lines
 * saying TODO (which are reported, as unfinished work).
 */

export interface SectionText {
  /** Words of the learner's own prose in the section (sub-sections included). */
  readonly words: number;
  /** 1-based lines in the section that still say TODO. */
  readonly todoLines: readonly number[];
}

const placeholderLine = (line: string): boolean =>
  /^_[^_].*_$/.test(line) || // the generator's italic prompts: "_What it does, ..._"
  /\(fill in\)/i.test(line) ||
  /^\*\*[^*]+\*\*:?$/.test(line) || // a bare label: "**Request**"
  /^\|?[\s:|-]+\|?$/.test(line); // a table's separator row

/** The section under the heading on `headingLine` (1-based), up to the next heading of the same or a higher level. */
export function sectionText(text: string, headingLine: number): SectionText {
  const lines = text.split(/\r?\n/);
  const level = /^\s{0,3}(#{1,6})\s/.exec(lines[headingLine - 1] ?? '')?.[1]?.length ?? 1;
  let words = 0;
  const todoLines: number[] = [];
  let fence: string | undefined;
  let generated = false;
  let comment = false;
  for (let i = headingLine; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (f) {
      const mark = f[1] ?? '';
      if (fence === undefined) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const h = /^\s{0,3}(#{1,6})\s/.exec(raw);
    if (h && (h[1]?.length ?? 0) <= level && !generated) break;
    if (/<!-- edgo:begin [\w.-]+ -->/.test(line)) generated = true;
    if (/<!-- edgo:end [\w.-]+ -->/.test(line)) {
      generated = false;
      continue;
    }
    if (generated) continue;
    if (/\bTODO\b/.test(line)) {
      todoLines.push(i + 1);
      continue;
    }
    // HTML comments, which may span lines.
    let prose = line;
    if (comment) {
      const end = prose.indexOf('-->');
      if (end < 0) continue;
      comment = false;
      prose = prose.slice(end + 3);
    }
    prose = prose.replace(/<!--[\s\S]*?-->/g, '');
    const open = prose.indexOf('<!--');
    if (open >= 0) {
      comment = true;
      prose = prose.slice(0, open);
    }
    if (h || placeholderLine(prose.trim())) continue;
    words += (prose.match(/[\p{L}\p{N}][\p{L}\p{N}'’./{}-]*/gu) ?? []).length;
  }
  return { words, todoLines };
}
