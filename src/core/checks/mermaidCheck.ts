/** `mermaid`: every Mermaid diagram in the matching files parses, and there are at least `min`. */
import { optionalCount, requiredString, num, str } from './fields';
import { matchFiles, readText } from './files';
import { failWith } from './goTool';
import type { CheckKind, CheckProblem } from './types';

export interface MermaidBlock {
  readonly text: string;
  /** 0-based line of the diagram's first line in the file. */
  readonly line: number;
}

/** The ```mermaid fences of a Markdown file, or the whole text of a `.mmd` file. */
export function mermaidBlocks(fileName: string, text: string): MermaidBlock[] {
  if (/\.mmd$/i.test(fileName)) return text.trim() ? [{ text, line: 0 }] : [];
  const blocks: MermaidBlock[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s{0,3}(`{3,}|~{3,})\s*mermaid\b/.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[1] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^\s{0,3}(`{3,}|~{3,})\s*$/.exec(lines[j] ?? '');
      if (close && (close[1] ?? '')[0] === fence[0] && (close[1] ?? '').length >= fence.length) break;
      body.push(lines[j] ?? '');
    }
    blocks.push({ text: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

export const mermaidCheck: CheckKind = {
  kind: 'mermaid',
  summary: 'Every ```mermaid block (and `.mmd` file) in files matching `glob` parses; at least `min` (default 1) diagrams.',
  validate(spec) {
    const problems: string[] = [];
    requiredString(spec, 'glob', problems);
    optionalCount(spec, 'min', problems);
    return problems;
  },
  async run(spec, ctx) {
    const glob = str(spec, 'glob') ?? '';
    const min = num(spec, 'min') ?? 1;
    const problems: CheckProblem[] = [];
    let count = 0;
    for (const file of matchFiles(ctx.folder, glob)) {
      for (const block of mermaidBlocks(file, readText(ctx.folder, file) ?? '')) {
        count++;
        const diags = (await ctx.mermaid.validate(block.text)).filter((d) => d.severity === 'error');
        for (const d of diags) problems.push({ message: d.message, location: { file, line: block.line + d.range.start.line + 1 } });
      }
    }
    if (problems.length > 0) return failWith(`${problems.length} Mermaid problem${problems.length > 1 ? 's' : ''}`, problems);
    if (count < min) return { status: 'fail', message: `Found ${count} Mermaid diagram${count === 1 ? '' : 's'} in ${glob}; the step asks for at least ${min}.`, problems: [] };
    return { status: 'pass', message: `${count} Mermaid diagram${count === 1 ? '' : 's'} parse.` };
  },
};
