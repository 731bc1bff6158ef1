/**
 * The preview panel's page, without the VS Code API so a browser test can load
 * the very same page: a strict Content-Security-Policy (scripts only with this
 * page's nonce, nothing from the network), the bundled script and stylesheet.
 * Mermaid's SVG carries its own <style> element, hence 'unsafe-inline' for styles only.
 */
export interface PreviewPageOptions {
  /** `webview.cspSource`: where the panel may load its own files from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
}

export function previewPageHtml(o: PreviewPageOptions): string {
  const csp = ["default-src 'none'", `script-src 'nonce-${o.nonce}'`, `style-src ${o.cspSource} 'unsafe-inline'`, `img-src ${o.cspSource} data: blob:`, `font-src ${o.cspSource} data:`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${o.styleUri}">
<title>Mermaid Preview</title>
</head>
<body>
<div id="edgo-mermaid-preview"></div>
<script nonce="${o.nonce}" src="${o.scriptUri}"></script>
</body>
</html>`;
}
