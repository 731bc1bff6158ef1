// Browser side of the preview panel. It is bundled on its own (with Mermaid)
// and talks to the extension only through postMessage.
declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscodeApi = acquireVsCodeApi();
vscodeApi.postMessage({ type: 'ready' });
