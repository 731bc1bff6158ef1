/** The Mermaid diagrams of a file, for the fallback validator (the real one has its own, in src/core/mermaid). */
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
