/**
 * Runs inside VS Code's own Markdown preview (contributed as a preview script):
 * the markdown-it plugin leaves each diagram's source in a `pre.edgo-mermaid`,
 * and this draws it in place, in the preview's theme.
 */
import { renderDiagram } from './renderer';
import { currentThemeKind, watchTheme } from './theme';

const sourceClass = 'edgo-mermaid';
const diagramClass = 'edgo-mermaid-diagram';

export function startMarkdownPreview(): void {
  let generation = 0;
  const renderAll = async (): Promise<void> => {
    const mine = ++generation;
    const theme = currentThemeKind();
    for (const pre of Array.from(document.querySelectorAll<HTMLElement>(`pre.${sourceClass}`))) {
      const text = pre.textContent ?? '';
      const result = await renderDiagram(text, theme);
      if (mine !== generation) return;
      let target = pre.nextElementSibling;
      if (!(target instanceof HTMLElement) || !target.classList.contains(diagramClass)) {
        target = document.createElement('div');
        target.className = diagramClass;
        pre.after(target);
      }
      const out = target as HTMLElement;
      if ('svg' in result) {
        out.innerHTML = result.svg;
        pre.hidden = true;
      } else {
        out.textContent = `Mermaid: line ${result.error.line + 1} of the diagram: ${result.error.message}`;
        out.classList.add('edgo-mermaid-error');
        pre.hidden = false;
      }
    }
  };
  const run = (): void => {
    renderAll().catch((error: unknown) => console.error('Mermaid preview failed', error));
  };
  window.addEventListener('vscode.markdown.updateContent', run);
  watchTheme(run);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
}
