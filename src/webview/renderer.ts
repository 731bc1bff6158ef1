/**
 * Renders diagram text to SVG with Mermaid, one at a time (Mermaid keeps global
 * state), and remembers results by theme and text so an unchanged diagram is
 * never rendered twice.
 */
import mermaid from 'mermaid';
import { locateMermaidError } from '../core/mermaid/errors';
import { mermaidThemeConfig, type VsCodeThemeKind } from './theme';

export type RenderResult = { readonly svg: string } | { readonly error: { readonly message: string; readonly line: number; readonly character: number } };

let configuredTheme: VsCodeThemeKind | undefined;
let renderCount = 0;
let queue: Promise<unknown> = Promise.resolve();
const cache = new Map<string, RenderResult>();
const cacheLimit = 200;

function configure(theme: VsCodeThemeKind, htmlLabels = true): void {
  mermaid.initialize({
    startOnLoad: false,
    // Labels are text: no HTML, no click callbacks, no javascript: links.
    securityLevel: 'strict',
    htmlLabels,
    flowchart: { htmlLabels },
    // Mermaid 12 would lay flowcharts out with ELK, which this bundle leaves out to
    // keep the VSIX small (esbuild.mjs): dagre unless a diagram asks for ELK itself.
    layout: 'dagre',
    ...mermaidThemeConfig(theme),
  });
  configuredTheme = htmlLabels ? theme : undefined;
}

function serialize<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/** The cached result for this text and theme, if any. */
export function cachedRender(text: string, theme: VsCodeThemeKind): RenderResult | undefined {
  return cache.get(`${theme}\n${text}`);
}

/** Renders `text`; errors are located in the diagram's own lines (zero-based). */
export function renderDiagram(text: string, theme: VsCodeThemeKind): Promise<RenderResult> {
  const key = `${theme}\n${text}`;
  const hit = cache.get(key);
  if (hit) return Promise.resolve(hit);
  return serialize(async () => {
    if (configuredTheme !== theme) configure(theme);
    const result = await renderUncached(text);
    if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, result);
    return result;
  });
}

async function renderUncached(text: string): Promise<RenderResult> {
  const id = `edgo-mermaid-${++renderCount}`;
  try {
    await mermaid.parse(text);
    const { svg } = await mermaid.render(id, text);
    return { svg };
  } catch (error) {
    const located = locateMermaidError(text, error);
    return { error: { message: located.message, line: located.start.line, character: located.start.character } };
  } finally {
    // Mermaid leaves its scratch element behind when rendering fails.
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
  }
}

/**
 * SVG for export as PNG: canvases refuse SVG with HTML labels (foreignObject),
 * so the diagram is rendered once more with text labels.
 */
export function renderForImage(text: string, theme: VsCodeThemeKind): Promise<string> {
  return serialize(async () => {
    configure(theme, false);
    try {
      const result = await renderUncached(text);
      if ('error' in result) throw new Error(result.error.message);
      return result.svg;
    } finally {
      configure(theme);
    }
  });
}
