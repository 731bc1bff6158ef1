// Browser side of the Mermaid previews, bundled on its own with Mermaid (no CDN).
// It runs in two places: the Mermaid preview panel (whose page has
// #edgo-mermaid-preview) and VS Code's Markdown preview (as a preview script).
// It talks to the extension only through postMessage.
import { startMarkdownPreview } from './markdownPreview';
import { startPreviewApp } from './previewApp';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; setState(state: unknown): void };

const panelRoot = document.getElementById('edgo-mermaid-preview');
if (panelRoot) {
  startPreviewApp(panelRoot, acquireVsCodeApi());
} else {
  startMarkdownPreview();
}
