import * as vscode from 'vscode';
import { extractBlocks, type MermaidBlock } from '../../core/mermaid/blocks';
import { isExportData, parseWebviewMessage, type HostToWebview, type PreviewState, type RenderedMessage, type WebviewToHost } from '../../core/mermaid/previewProtocol';
import { previewHtml } from './previewHtml';

export const previewViewType = 'edgo.mermaidPreview';

/** What the panel hands out when the webview finished drawing (tests and export wait on it). */
export type RenderedEvent = RenderedMessage;

/**
 * The Mermaid preview beside the editor. It follows the active editor (unless
 * locked), sends the file's diagrams to the webview after a short pause in
 * typing, and answers the webview's requests (reveal, copy, export).
 */
export class MermaidPreviewPanel implements vscode.Disposable {
  #document: vscode.TextDocument | undefined;
  #blocks: MermaidBlock[] = [];
  #locked: boolean;
  #ready = false;
  #disposed = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #nextRequest = 1;
  readonly #pending = new Map<number, { format: 'svg' | 'png'; resolve(data: string): void; reject(error: Error): void }>();
  readonly #disposables: vscode.Disposable[] = [];
  readonly #onDidRender = new vscode.EventEmitter<RenderedEvent>();
  readonly #onDidDispose = new vscode.EventEmitter<void>();
  readonly onDidRender = this.#onDidRender.event;
  readonly onDidDispose = this.#onDidDispose.event;
  lastRender: RenderedEvent | undefined;
  /** Messages from the webview that did not fit the protocol (kept for tests and the output). */
  droppedMessages = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly requestExport: (panel: MermaidPreviewPanel, index: number, format: 'svg' | 'png') => void,
    document: vscode.TextDocument | undefined,
    locked = false,
  ) {
    this.#locked = locked;
    this.#document = document;
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
    };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'mermaid-preview.svg');
    panel.webview.html = previewHtml(panel.webview, extensionUri);
    this.#updateTitle();

    this.#disposables.push(
      this.#onDidRender,
      this.#onDidDispose,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        // The webview is not trusted: a message that does not fit the protocol is dropped.
        const message = parseWebviewMessage(raw);
        if (message) this.#onMessage(message);
        else this.droppedMessages++;
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && !this.#locked && isDiagramDocument(editor.document) && editor.document !== this.#document) this.show(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.#document && e.contentChanges.length > 0) this.#scheduleUpdate(e.document);
      }),
    );
  }

  get document(): vscode.TextDocument | undefined {
    return this.#document;
  }

  get locked(): boolean {
    return this.#locked;
  }

  get blocks(): readonly MermaidBlock[] {
    return this.#blocks;
  }

  /** Shows `document` now (no debounce). */
  show(document: vscode.TextDocument): void {
    this.#document = document;
    this.#updateTitle();
    this.#postUpdate();
  }

  setLocked(locked: boolean): void {
    this.#locked = locked;
    this.#updateTitle();
    this.#post({ type: 'locked', locked });
    if (!locked) {
      const active = vscode.window.activeTextEditor?.document;
      if (active && isDiagramDocument(active) && active !== this.#document) this.show(active);
    }
  }

  /** Asks the webview for a diagram's SVG text or PNG bytes (base64). */
  requestImage(index: number, format: 'svg' | 'png'): Promise<string> {
    const requestId = this.#nextRequest++;
    return new Promise<string>((resolve, reject) => {
      this.#pending.set(requestId, { format, resolve, reject });
      this.#post({ type: 'exportRequest', requestId, index, format });
    });
  }

  #scheduleUpdate(document: vscode.TextDocument): void {
    if (this.#timer) clearTimeout(this.#timer);
    const delay = vscode.workspace.getConfiguration('edgo.mermaid').get<number>('previewDelay', 300);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (document === this.#document) this.#postUpdate();
    }, delay);
  }

  #postUpdate(): void {
    const document = this.#document;
    if (!document || !this.#ready) return;
    this.#blocks = extractBlocks(document.fileName, document.getText());
    this.#post({
      type: 'update',
      uri: document.uri.toString(),
      fileName: vscode.workspace.asRelativePath(document.uri),
      version: document.version,
      locked: this.#locked,
      blocks: this.#blocks.map(({ index, kind, contentLine, text, removedIndent }) => ({ index, kind, contentLine, text, removedIndent })),
    });
  }

  #post(message: HostToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  #updateTitle(): void {
    const name = this.#document ? this.#document.uri.path.split('/').pop() : undefined;
    this.panel.title = `${this.#locked ? '[Locked] ' : ''}Mermaid${name ? `: ${name}` : ''}`;
  }

  #onMessage(message: WebviewToHost): void {
    switch (message.type) {
      case 'ready':
        this.#ready = true;
        this.#postUpdate();
        break;
      case 'rendered':
        // Only a render of the file shown now counts; the URI is compared, never opened.
        if (message.uri !== this.#document?.uri.toString()) break;
        this.lastRender = message;
        this.#onDidRender.fire(message);
        break;
      case 'reveal':
        void this.#reveal(message.index, message.line);
        break;
      case 'copySvg':
        if (!isExportData(message.svg, 'svg')) break;
        void vscode.env.clipboard.writeText(message.svg).then(() => vscode.window.setStatusBarMessage('Mermaid SVG copied to the clipboard', 3000));
        break;
      case 'export':
        // The host picks the path (beside the file, asking before replacing); the webview names only a diagram and a format.
        if (this.#blocks.some((b) => b.index === message.index)) this.requestExport(this, message.index, message.format);
        break;
      case 'exportResult': {
        const pending = this.#pending.get(message.requestId);
        if (!pending) break;
        this.#pending.delete(message.requestId);
        if (message.data !== undefined && isExportData(message.data, pending.format)) pending.resolve(message.data);
        else pending.reject(new Error(message.data !== undefined ? `the preview sent something that is not ${pending.format === 'svg' ? 'an SVG' : 'a PNG'} image` : (message.error ?? 'Export failed')));
        break;
      }
      case 'toggleLock':
        this.setLocked(!this.#locked);
        break;
    }
  }

  async #reveal(index: number, line: number | undefined): Promise<void> {
    const block = this.#blocks.find((b) => b.index === index);
    if (!this.#document || !block || (line !== undefined && line >= this.#document.lineCount)) return;
    const target = line ?? block.contentLine;
    const editor = await vscode.window.showTextDocument(this.#document, { viewColumn: this.#editorColumn(), preserveFocus: false });
    const end = block.contentLine + Math.max(0, block.removedIndent.length - 1);
    const selection = line === undefined ? new vscode.Range(block.openLine, 0, end, 0) : new vscode.Range(target, 0, target, 0);
    editor.selection = new vscode.Selection(selection.start, selection.start);
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  #editorColumn(): vscode.ViewColumn {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.#document);
    return visible?.viewColumn ?? vscode.ViewColumn.One;
  }

  state(): PreviewState | undefined {
    return this.#document ? { uri: this.#document.uri.toString(), locked: this.#locked } : undefined;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#timer) clearTimeout(this.#timer);
    for (const p of this.#pending.values()) p.reject(new Error('The Mermaid preview was closed.'));
    this.#pending.clear();
    this.#onDidDispose.fire();
    while (this.#disposables.length) this.#disposables.pop()?.dispose();
    this.panel.dispose();
  }
}

/** Documents the preview can show: .mmd/.mermaid files and Markdown. */
export function isDiagramDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'mermaid' || document.languageId === 'markdown' || /\.(mmd|mermaid|md|markdown|mdx)$/i.test(document.fileName);
}
