/**
 * Diagnostics of the file kinds the core language service knows beyond event
 * files (src/core/language): Mermaid in `.mmd` and Markdown, GitHub workflows,
 * Kubernetes manifests (recognised by `apiVersion`/`kind`, Helm templates
 * left alone). Thin glue: the service decides which kind a file is and
 * validates it; this feature feeds it the editor's text, and for a manifest
 * the other manifests of its folder (which its Services and Deployments are
 * checked against), from disk unless they are open.
 */
import { promises as fsp } from 'node:fs';
import { dirname, join } from 'node:path';
import { MarkupKind, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readBoundedText } from '../core/host/boundedRead';
import { nodeLanguageHost } from '../core/host/nodeLanguageHost';
import { normalisePath } from '../core/language/recognise';
import { createLanguageService } from '../core/language/service';
import { toLspDiagnostic, uriToPath } from './convert';
import type { FeatureContext, ServerFeature } from './feature';

/** The path the service judges a document by: untitled diagrams and notes get the extension of their language. */
export function recognitionPath(doc: Pick<TextDocument, 'uri' | 'languageId'>): string {
  const path = normalisePath(uriToPath(doc.uri));
  if (doc.languageId === 'mermaid' && !/\.(mmd|mermaid)$/i.test(path)) return `${path}.mmd`;
  if ((doc.languageId === 'markdown' || doc.languageId === 'mdx') && !/\.(md|markdown|mdx)$/i.test(path)) return `${path}.md`;
  return path;
}

export function createKindsFeature(): ServerFeature {
  let ctx: FeatureContext | undefined;
  const folders = () => ctx?.workspaceFolders() ?? [];
  // Event files stay with the events feature (its index serves completion, hover and definitions).
  const service = createLanguageService({
    workspace: { folders },
    host: nodeLanguageHost(folders),
    logger: { log: (m) => ctx?.log(m) },
    kinds: ['mermaid', 'github-workflow', 'kubernetes'],
  });
  const open = new Set<string>();
  const loadedFolders = new Set<string>();

  /** Reads the manifests of a folder that are not open, once; later changes arrive as file events. */
  async function loadFolder(dir: string): Promise<void> {
    if (loadedFolders.has(dir)) return;
    loadedFolders.add(dir);
    let names: string[] = [];
    try {
      names = (await fsp.readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).slice(0, 200);
    } catch {
      return;
    }
    for (const name of names) {
      const path = normalisePath(join(dir, name));
      if (open.has(path)) continue;
      const text = await readBoundedText(path, 1024 * 1024).catch(() => undefined);
      if (text !== undefined && service.kindsOf(path, text).includes('kubernetes')) service.setFile(path, text);
    }
  }

  /** Open manifests of a folder are re-checked when one of its manifests changes. */
  function revalidateFolder(dir: string, except: string): void {
    for (const doc of ctx?.openDocuments() ?? []) {
      const p = recognitionPath(doc);
      if (p !== except && dirname(p) === dir && service.kindsOf(p, doc.getText()).includes('kubernetes')) ctx?.revalidate(doc.uri);
    }
  }

  return {
    name: 'file-kinds',
    activate(context) {
      ctx = context;
    },
    async validate(doc): Promise<Diagnostic[]> {
      const path = recognitionPath(doc);
      const text = doc.getText();
      const kinds = service.kindsOf(path, text);
      if (kinds.length === 0) {
        service.removeFile(path);
        return [];
      }
      open.add(path);
      if (kinds.includes('kubernetes')) await loadFolder(dirname(path));
      service.setFile(path, text);
      return (await service.diagnostics(path)).map(toLspDiagnostic);
    },
    hover(doc, pos) {
      const path = recognitionPath(doc);
      // The editor's text now, not the last one validated (validation is debounced).
      if (open.has(path)) service.setFile(path, doc.getText());
      const h = service.hover(path, pos);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : undefined;
    },
    onClose(doc) {
      const path = recognitionPath(doc);
      open.delete(path);
      service.removeFile(path);
      // The disk's text is what the other manifests of the folder are checked against now.
      if (loadedFolders.has(dirname(path))) {
        void readBoundedText(path, 1024 * 1024).then(
          (text) => {
            if (text !== undefined && service.kindsOf(path, text).includes('kubernetes')) service.setFile(path, text);
            revalidateFolder(dirname(path), path);
          },
          () => undefined,
        );
      }
    },
    onFileChanged(rawPath, text) {
      const path = normalisePath(rawPath);
      if (open.has(path) || !loadedFolders.has(dirname(path))) return;
      if (text !== undefined && service.kindsOf(path, text).includes('kubernetes')) service.setFile(path, text);
      else service.removeFile(path);
      revalidateFolder(dirname(path), path);
    },
  };
}
