import * as vscode from 'vscode';
import { mermaidMarkdownItPlugin } from '../../core/mermaid/markdownItPlugin';
import { parsePreviewState } from '../../core/mermaid/previewProtocol';
import type { EdgoExtensionApi } from '../extension';
import { defaultExportUri, exportBytes, pickDiagram, resolveTarget, type ExportFormat } from './exportDiagram';
import { isDiagramDocument, MermaidPreviewPanel, previewViewType, type RenderedEvent } from './previewPanel';
import { errorMessage } from '../../core/errorMessage';

interface ExportArgs {
  index?: number;
  /** A file path or URI string to write to (skips the question about replacing). */
  target?: string;
  overwrite?: boolean;
  chooseTarget?: boolean;
}

interface WaitArgs {
  uri?: string;
  minVersion?: number;
  timeoutMs?: number;
}

const hasDiagramsKey = 'edgo.mermaid.hasDiagrams';
const diagramFence = /^\s*(```|~~~|:::)\s*mermaid\s*$/im;

/**
 * The Mermaid preview panel, export commands, the markdown-it plugin for the
 * built-in Markdown preview, and the context key for the editor-title button.
 * Mermaid itself loads only in the webview (and in the language server for diagnostics).
 */
export function registerMermaid(context: vscode.ExtensionContext, api: EdgoExtensionApi): void {
  let preview: MermaidPreviewPanel | undefined;
  const renders = new vscode.EventEmitter<RenderedEvent>();
  context.subscriptions.push(renders);

  const adopt = (panel: vscode.WebviewPanel, document: vscode.TextDocument | undefined, locked: boolean): MermaidPreviewPanel => {
    preview?.dispose();
    const created = new MermaidPreviewPanel(panel, context.extensionUri, (p, index, format) => void exportFrom(p, format, { index }), document, locked);
    preview = created;
    created.onDidRender((e) => renders.fire(e));
    created.onDidDispose(() => {
      if (preview === created) preview = undefined;
    });
    return created;
  };

  const open = (document: vscode.TextDocument | undefined): MermaidPreviewPanel => {
    if (preview) {
      preview.panel.reveal(vscode.ViewColumn.Beside, true);
      if (document) preview.show(document);
      return preview;
    }
    const panel = vscode.window.createWebviewPanel(
      previewViewType,
      'Mermaid',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media'), vscode.Uri.joinPath(context.extensionUri, 'dist')],
      },
    );
    return adopt(panel, document, false);
  };

  const documentFor = async (arg: unknown): Promise<vscode.TextDocument | undefined> => {
    if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
    const active = vscode.window.activeTextEditor?.document;
    return active && isDiagramDocument(active) ? active : preview?.document;
  };

  async function exportFrom(panel: MermaidPreviewPanel, format: ExportFormat, args: ExportArgs): Promise<vscode.Uri | undefined> {
    const document = panel.document;
    if (!document) return undefined;
    const block = await pickDiagram(panel.blocks, args.index);
    if (!block) return undefined;
    const target = args.target ? (/^[a-z][\w+.-]+:\/\//i.test(args.target) ? vscode.Uri.parse(args.target) : vscode.Uri.file(args.target)) : undefined;
    const uri = await resolveTarget(defaultExportUri(document.uri, panel.blocks.length, block.index, format), format, { ...args, target });
    if (!uri) return undefined;
    try {
      const data = await panel.requestImage(block.index, format);
      await vscode.workspace.fs.writeFile(uri, exportBytes(data, format));
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not export the diagram: ${errorMessage(error)}`);
      return undefined;
    }
    if (!args.target) {
      void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(uri)}`, 'Open').then((a) => {
        if (a) void vscode.commands.executeCommand('vscode.open', uri);
      });
    }
    return uri;
  }

  const exportCommand =
    (format: ExportFormat) =>
    async (args?: ExportArgs): Promise<vscode.Uri | undefined> => {
      const document = await documentFor(undefined);
      if (!document && !preview) {
        void vscode.window.showInformationMessage('Open a Mermaid or Markdown file with a diagram first.');
        return undefined;
      }
      const panel = preview ?? open(document);
      if (document && panel.document !== document && !panel.locked) panel.show(document);
      if (!panel.lastRender || panel.lastRender.uri !== panel.document?.uri.toString()) await nextRender(panel.document?.uri.toString(), undefined, 20_000);
      return exportFrom(panel, format, args ?? {});
    };

  /** Resolves with the first render of `uri` at `minVersion` or later (or the latest one if it already matches). */
  const nextRender = (uri: string | undefined, minVersion: number | undefined, timeoutMs: number): Promise<RenderedEvent> => {
    const matches = (e: RenderedEvent | undefined): e is RenderedEvent => e !== undefined && (uri === undefined || e.uri === uri) && (minVersion === undefined || e.version >= minVersion);
    if (matches(preview?.lastRender)) return Promise.resolve(preview.lastRender);
    return new Promise<RenderedEvent>((resolve, reject) => {
      const timer = setTimeout(() => {
        listener.dispose();
        reject(new Error(`No Mermaid render of ${uri ?? 'any file'} (version >= ${minVersion ?? 0}) within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = renders.event((e) => {
        if (!matches(e)) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(e);
      });
    });
  };

  const updateContextKey = (editor: vscode.TextEditor | undefined): void => {
    const doc = editor?.document;
    const has = !!doc && (doc.languageId === 'mermaid' || /\.(mmd|mermaid)$/i.test(doc.fileName) || (doc.languageId === 'markdown' && diagramFence.test(doc.getText())));
    void vscode.commands.executeCommand('setContext', hasDiagramsKey, has);
  };
  updateContextKey(vscode.window.activeTextEditor);

  context.subscriptions.push(
    { dispose: () => preview?.dispose() },
    vscode.commands.registerCommand('edgo.mermaid.openPreview', async (uri?: unknown) => {
      const document = await documentFor(uri);
      open(document);
    }),
    vscode.commands.registerCommand('edgo.mermaid.toggleLock', () => preview?.setLocked(!preview.locked)),
    vscode.commands.registerCommand('edgo.mermaid.exportSvg', exportCommand('svg')),
    vscode.commands.registerCommand('edgo.mermaid.exportPng', exportCommand('png')),
    vscode.commands.registerCommand('edgo.mermaid.exportAs', async () => {
      const format = await vscode.window.showQuickPick(['svg', 'png'], { placeHolder: 'Export the diagram as' });
      return format === 'svg' || format === 'png' ? exportCommand(format)({ chooseTarget: true }) : undefined;
    }),
    vscode.window.registerWebviewPanelSerializer(previewViewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown) {
        // The webview saved this state: reopen only a diagram file of the workspace it names.
        const state = parsePreviewState(saved);
        let document: vscode.TextDocument | undefined;
        try {
          const uri = state ? vscode.Uri.parse(state.uri, true) : undefined;
          document = uri && vscode.workspace.getWorkspaceFolder(uri) && /\.(mmd|mermaid|md|markdown|mdx)$/i.test(uri.path) ? await vscode.workspace.openTextDocument(uri) : undefined;
        } catch {
          document = undefined; // The file is gone; the panel shows its empty state.
        }
        adopt(panel, document, state?.locked ?? false);
      },
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContextKey),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (d === vscode.window.activeTextEditor?.document) updateContextKey(vscode.window.activeTextEditor);
    }),
  );

  if (context.extensionMode === vscode.ExtensionMode.Test) {
    // For the integration tests only: resolves when the panel has drawn the given document version.
    context.subscriptions.push(
      vscode.commands.registerCommand('edgo.mermaid.test.waitForRender', (args?: WaitArgs) => nextRender(args?.uri, args?.minVersion, args?.timeoutMs ?? 30_000)),
      vscode.commands.registerCommand('edgo.mermaid.test.state', () => (preview ? { uri: preview.document?.uri.toString(), locked: preview.locked, title: preview.panel.title } : undefined)),
    );
  }

  api.extendMarkdownIt = (md: unknown) => {
    mermaidMarkdownItPlugin(md as Parameters<typeof mermaidMarkdownItPlugin>[0]);
    return md;
  };
}
