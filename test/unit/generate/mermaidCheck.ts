/** Mermaid diagnostics of a Markdown text, through the project's Mermaid core (mermaid 12.3.0 under jsdom). */
export interface MermaidChecker {
  validate(fileName: string, text: string): Promise<{ line: number; message: string }[]>;
  blocks(fileName: string, text: string): Promise<number>;
}

export async function loadMermaidChecker(): Promise<MermaidChecker> {
  // Loaded lazily: mermaid + jsdom take a second to start.
  const diagnostics = (await import('../../../src/core/mermaid/diagnostics')) as typeof import('../../../src/core/mermaid/diagnostics');
  const parser = (await import('../../../src/core/host/nodeMermaidParser')) as typeof import('../../../src/core/host/nodeMermaidParser');
  const blocks = (await import('../../../src/core/mermaid/blocks')) as typeof import('../../../src/core/mermaid/blocks');
  return {
    async validate(fileName, text) {
      const found = await diagnostics.validateMermaidText(fileName, text, parser.nodeMermaidParser);
      return found.map((d) => ({ line: d.range.start.line + 1, message: d.message }));
    },
    async blocks(fileName, text) {
      return blocks.extractBlocks(fileName, text).length;
    },
  };
}
