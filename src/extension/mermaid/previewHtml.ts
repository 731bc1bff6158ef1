import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { previewPageHtml } from './previewPage';

/** The panel's page for this webview, with a fresh nonce. */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return previewPageHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'mermaid-preview.css')).toString(),
    nonce: crypto.randomBytes(16).toString('base64'),
  });
}
