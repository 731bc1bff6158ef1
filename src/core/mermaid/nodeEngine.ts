/**
 * Mermaid's parser running in Node, for diagnostics only: nothing is rendered.
 * Mermaid expects a browser; a small shim (domShim.ts) gives its parsers the
 * few DOM names they touch, and DOMPurify, which finds no DOM, is made the
 * identity. Mermaid is heavy; this module is built into its own bundle
 * (`dist/mermaid-node.js`, layout and math libraries left out) and loaded only
 * when the first diagram is checked (see nodeParser.ts).
 */
import type { MermaidParser } from './diagnostics';
import { installDomShim, neutralizePurify } from './domShim';

export async function createMermaidEngine(): Promise<MermaidParser> {
  installDomShim();
  // The same module instance Mermaid imports, so its calls see the patch.
  const purify = (await import('dompurify')).default as unknown as Record<string, unknown>;
  neutralizePurify(purify);
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  return {
    async parse(diagram: string) {
      const result = await mermaid.parse(diagram);
      if (!result) throw new Error('Mermaid could not parse this diagram.');
      return { diagramType: result.diagramType };
    },
  };
}
