/**
 * Mermaid's parser running in Node. Mermaid expects a browser: DOMPurify needs
 * a `window` when it is imported, and a few diagram databases use `document`
 * or `Option` while parsing. jsdom provides them. This module is heavy (mermaid
 * and jsdom); it is built into its own bundle (`dist/mermaid-node.js`) and
 * loaded only when the first diagram is checked (see nodeParser.ts).
 */
import type { MermaidParser } from './diagnostics';

export async function createMermaidEngine(): Promise<MermaidParser> {
  const { JSDOM } = await import('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const globals = globalThis as Record<string, unknown>;
  const win = dom.window as unknown as Record<string, unknown>;
  // Only what Mermaid needs, and never over something the host already has.
  for (const name of ['window', 'document', 'Option', 'DOMParser', 'Element', 'HTMLElement', 'SVGElement', 'Node', 'MutationObserver']) {
    if (globals[name] === undefined) globals[name] = name === 'window' ? dom.window : win[name];
  }
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
