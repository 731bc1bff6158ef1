/**
 * The Mermaid preview panel in the browser: one card per diagram with its
 * toolbar, errors shown in the file's lines, the old picture kept until the
 * new one is ready, and only changed diagrams rendered again.
 */
import { blockToFile } from '../core/mermaid/blocks';
import type { HostToWebview, PreviewBlock, RenderedDiagram, UpdateMessage, WebviewToHost } from '../core/mermaid/previewProtocol';
import { svgToPngBase64 } from './exportImage';
import { attachPanZoom, type PanZoom } from './panZoom';
import { cachedRender, renderDiagram, renderForImage } from './renderer';
import { currentThemeKind, watchTheme } from './theme';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  setState(state: unknown): void;
}

interface Card {
  readonly root: HTMLElement;
  readonly error: HTMLElement;
  readonly canvas: HTMLElement;
  readonly panZoom: PanZoom;
  /** Theme and text of the picture currently shown. */
  shownKey?: string;
  svg?: string;
  block: PreviewBlock;
}

export function startPreviewApp(root: HTMLElement, api: VsCodeApi): void {
  const header = el('header', 'toolbar');
  const title = el('span', 'file-name');
  const lockButton = button('Lock', 'Keep showing this file when another editor becomes active', () => api.postMessage({ type: 'toggleLock' }));
  header.append(title, lockButton);
  const list = el('main', 'diagrams');
  const empty = el('p', 'empty');
  empty.textContent = 'Open a .mmd file or a Markdown file with ```mermaid fences.';
  root.append(header, empty, list);

  const cards: Card[] = [];
  let latest: UpdateMessage | undefined;
  let rendering = Promise.resolve();

  const setLocked = (locked: boolean): void => {
    lockButton.textContent = locked ? 'Locked' : 'Lock';
    lockButton.setAttribute('aria-pressed', String(locked));
    root.classList.toggle('locked', locked);
  };

  const cardFor = (block: PreviewBlock, position: number): Card => {
    const existing = cards[position];
    if (existing) {
      existing.block = block;
      return existing;
    }
    const card = createCard(block, api);
    cards[position] = card;
    list.append(card.root);
    return card;
  };

  const render = async (message: UpdateMessage): Promise<void> => {
    const started = performance.now();
    const theme = currentThemeKind();
    title.textContent = message.fileName;
    empty.hidden = message.blocks.length > 0;
    const results: RenderedDiagram[] = [];
    for (const [position, block] of message.blocks.entries()) {
      const card = cardFor(block, position);
      card.root.dataset.index = String(block.index);
      const key = `${theme}\n${block.text}`;
      const rerendered = card.shownKey !== key && cachedRender(block.text, theme) === undefined;
      const result = await renderDiagram(block.text, theme);
      // A newer update arrived while rendering: it will finish the job.
      if (latest !== message) return;
      card.shownKey = key;
      // Which theme the picture was drawn in (tests and screenshots wait on it).
      card.root.dataset.theme = theme;
      if ('svg' in result) {
        if (card.svg !== result.svg) {
          const first = card.svg === undefined;
          card.canvas.innerHTML = result.svg;
          card.svg = result.svg;
          naturalSize(card.canvas);
          card.panZoom.refresh();
          // A diagram wider than the panel starts fitted; later edits keep the learner's zoom.
          if (first && card.canvas.offsetWidth > card.root.clientWidth) card.panZoom.fitWidth();
        }
        card.error.hidden = true;
        card.root.classList.remove('has-error');
        results.push({ index: block.index, svg: result.svg, rerendered });
      } else {
        const at = blockToFile(block, result.error.line, result.error.character);
        card.error.textContent = `Line ${at.line + 1}: ${result.error.message}`;
        card.error.dataset.line = String(at.line);
        card.error.hidden = false;
        // The last good picture stays, dimmed, so the learner keeps their bearings.
        card.root.classList.add('has-error');
        results.push({ index: block.index, error: { message: result.error.message, line: at.line }, rerendered });
      }
    }
    for (const stale of cards.splice(message.blocks.length)) stale.root.remove();
    api.postMessage({
      type: 'rendered',
      uri: message.uri,
      version: message.version,
      diagrams: results,
      theme,
      durationMs: Math.round(performance.now() - started),
    });
  };

  const schedule = (message: UpdateMessage): void => {
    latest = message;
    rendering = rendering
      .then(() => (latest === message ? render(message) : undefined))
      .catch((error: unknown) => {
        console.error('Mermaid preview failed', error);
      });
  };

  window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
    const message = event.data;
    switch (message.type) {
      case 'update':
        setLocked(message.locked);
        api.setState({ uri: message.uri, locked: message.locked });
        schedule(message);
        break;
      case 'locked':
        setLocked(message.locked);
        if (latest) api.setState({ uri: latest.uri, locked: message.locked });
        break;
      case 'exportRequest':
        void exportDiagram(
          cards.find((c) => c.block.index === message.index),
          message.format,
        ).then(
          (data) => api.postMessage({ type: 'exportResult', requestId: message.requestId, data }),
          (error: unknown) => api.postMessage({ type: 'exportResult', requestId: message.requestId, error: String(error instanceof Error ? error.message : error) }),
        );
        break;
    }
  });

  watchTheme(() => {
    if (latest) schedule({ ...latest });
  });
  api.postMessage({ type: 'ready' });
}

async function exportDiagram(card: Card | undefined, format: 'svg' | 'png'): Promise<string> {
  if (!card?.svg) throw new Error('This diagram has not rendered (fix its errors first).');
  if (format === 'svg') return card.svg;
  const background = getComputedStyle(document.body).backgroundColor || '#ffffff';
  try {
    return await svgToPngBase64(card.svg, background);
  } catch {
    // HTML labels taint the canvas in some browsers: draw a text-label rendering instead.
    return svgToPngBase64(await renderForImage(card.block.text, currentThemeKind()), background);
  }
}

function createCard(block: PreviewBlock, api: VsCodeApi): Card {
  const root = el('section', 'diagram');
  const bar = el('div', 'diagram-toolbar');
  const error = el('pre', 'diagram-error');
  error.hidden = true;
  const viewport = el('div', 'viewport');
  const canvas = el('div', 'canvas');
  viewport.append(canvas);
  const index = (): number => card.block.index;
  const reveal = (): void => {
    const line = error.hidden ? undefined : Number(error.dataset.line);
    api.postMessage({ type: 'reveal', index: index(), line });
  };
  const panZoom = attachPanZoom(viewport, canvas, reveal);
  error.addEventListener('click', reveal);
  bar.append(
    button('−', 'Zoom out', () => panZoom.zoomBy(1 / 1.25)),
    button('+', 'Zoom in', () => panZoom.zoomBy(1.25)),
    button('Fit', 'Fit to width', () => panZoom.fitWidth()),
    button('1:1', 'Reset zoom and position', () => panZoom.reset()),
    button('SVG', 'Export as .svg', () => api.postMessage({ type: 'export', index: index(), format: 'svg' })),
    button('PNG', 'Export as .png', () => api.postMessage({ type: 'export', index: index(), format: 'png' })),
    button('Copy', 'Copy the SVG to the clipboard', () => {
      if (card.svg) api.postMessage({ type: 'copySvg', index: index(), svg: card.svg });
    }),
    button('Source', 'Show this diagram in the editor', reveal),
  );
  root.append(bar, error, viewport);
  const card: Card = { root, error, canvas, panZoom, block };
  return card;
}

/** Mermaid's SVG says width="100%"; zooming needs its real size. */
function naturalSize(canvas: HTMLElement): void {
  const svg = canvas.querySelector('svg');
  const box = svg?.viewBox.baseVal;
  if (!svg || !box || box.width === 0) return;
  svg.setAttribute('width', String(box.width));
  svg.setAttribute('height', String(box.height));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

function button(label: string, tooltip: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', 'tool');
  b.type = 'button';
  b.textContent = label;
  b.title = tooltip;
  b.setAttribute('aria-label', tooltip);
  b.addEventListener('click', onClick);
  return b;
}
