import * as crypto from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The panel's page: a strict Content-Security-Policy (scripts only with this
 * page's nonce, nothing from the network), the bundled script and stylesheet.
 * Mermaid's SVG carries its own <style> element, hence 'unsafe-inline' for styles only.
 */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'mermaid-preview.css'));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `img-src ${webview.cspSource} data: blob:`,
    `font-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Mermaid Preview</title>
</head>
<body>
<div id="edgo-mermaid-preview"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
