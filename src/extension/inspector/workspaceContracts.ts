/** The workspace's contracts for the inspector: loaded on first use, re-read after an event YAML or .proto changes. */
import * as vscode from 'vscode';
import { loadWorkspaceContracts, type WorkspaceContracts } from '../../core/inspector/workspace';

export class ContractsCache implements vscode.Disposable {
  #current: WorkspaceContracts | undefined;
  readonly #watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,proto,json}');

  constructor() {
    const stale = () => (this.#current = undefined);
    this.#watcher.onDidChange(stale);
    this.#watcher.onDidCreate(stale);
    this.#watcher.onDidDelete(stale);
  }

  get(): WorkspaceContracts {
    this.#current ??= loadWorkspaceContracts((vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath));
    return this.#current;
  }

  dispose(): void {
    this.#watcher.dispose();
  }
}
