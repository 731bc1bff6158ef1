import * as vscode from 'vscode';
import type { DirEntry, FolderReader } from '../../core/tasks/folderScan';

/** The core's read-only folder view, backed by `workspace.fs` (works for remote folders too). */
export function workspaceFolderReader(root: vscode.Uri): FolderReader {
  const at = (rel: string) => (rel ? vscode.Uri.joinPath(root, ...rel.split('/')) : root);
  return {
    async list(relDir: string): Promise<DirEntry[]> {
      try {
        const entries = await vscode.workspace.fs.readDirectory(at(relDir));
        return entries.map(([name, type]) => ({ name, isDirectory: (type & vscode.FileType.Directory) !== 0 }));
      } catch {
        return [];
      }
    },
    async readText(relPath: string): Promise<string | undefined> {
      try {
        const bytes = await vscode.workspace.fs.readFile(at(relPath));
        // manifests and go.mod are small; a huge file is not one of ours
        return bytes.byteLength > 512 * 1024 ? undefined : new TextDecoder().decode(bytes);
      } catch {
        return undefined;
      }
    },
  };
}
