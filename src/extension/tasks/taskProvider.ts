import * as vscode from 'vscode';
import type { ToolResolution } from '../../core/tools/toolResolver';
import { scanFolder, type FolderFacts } from '../../core/tasks/folderScan';
import { findTask, tasksForFolder } from '../../core/tasks/taskCatalog';
import type { TaskSpec, ToolId } from '../../core/tasks/taskKinds';
import { edgoTaskType, isEdgoDefinition, toVscodeTask } from './edgoTask';
import { workspaceFolderReader } from './folderReader';
import { resolveToolsForUse } from '../tools/toolService';
import { affectsToolLookup } from './toolEnvironment';

/**
 * The tasks of one workspace folder. What the folder holds is scanned once and
 * rescanned after a relevant file changes, so the task picker stays fast.
 */
class FolderTasks {
  #facts: Promise<FolderFacts> | undefined;

  constructor(readonly folder: vscode.WorkspaceFolder) {}

  invalidate(): void {
    this.#facts = undefined;
  }

  facts(): Promise<FolderFacts> {
    this.#facts ??= scanFolder(this.folder.name, workspaceFolderReader(this.folder.uri));
    return this.#facts;
  }

  async specs(): Promise<TaskSpec[]> {
    const activeFile = activeFileIn(this.folder);
    return tasksForFolder(await this.facts(), activeFile ? { activeFile } : {});
  }

  async tasks(): Promise<vscode.Task[]> {
    const specs = await this.specs();
    const tools = await locateAll(specs.map((s) => s.tool));
    return specs.map((s) => toVscodeTask(this.folder, s, tools.get(s.tool) ?? notFound(s.tool)));
  }
}

/** Where each tool is, by the one tool resolver (settings, PATHs, install places). */
function locateAll(ids: readonly ToolId[]): Promise<Map<ToolId, ToolResolution>> {
  return resolveToolsForUse(ids);
}

function notFound(tool: ToolId): ToolResolution {
  return { found: false, tool, reason: 'not-found', searched: [] };
}

/** The active editor's file relative to `folder`, with `/` separators. */
function activeFileIn(folder: vscode.WorkspaceFolder): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (!uri || vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() !== folder.uri.toString()) return undefined;
  const rel = vscode.workspace.asRelativePath(uri, false);
  return rel.replace(/\\/g, '/');
}

/**
 * Offers `edgo` tasks for every workspace folder, each scoped to its folder
 * (multi-root: one provider entry per folder, rebuilt when folders change).
 */
export class EdgoTaskProvider implements vscode.TaskProvider, vscode.Disposable {
  readonly #folders = new Map<string, FolderTasks>();
  readonly #disposables: vscode.Disposable[] = [];

  constructor() {
    this.#syncFolders();
    const watcher = vscode.workspace.createFileSystemWatcher('**/{go.mod,Dockerfile,Chart.yaml,.edgo-module.json,*.yaml,*.yml,*.go}');
    const invalidate = (uri: vscode.Uri) => this.#forUri(uri)?.invalidate();
    this.#disposables.push(
      watcher,
      watcher.onDidCreate(invalidate),
      watcher.onDidChange(invalidate),
      watcher.onDidDelete(invalidate),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.#syncFolders()),
    );
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
    this.#folders.clear();
  }

  async provideTasks(): Promise<vscode.Task[]> {
    // VS Code blocks tasks in Restricted Mode anyway; offering none makes that plain.
    if (!vscode.workspace.isTrusted) return [];
    const all = await Promise.all([...this.#folders.values()].map((f) => f.tasks()));
    return all.flat();
  }

  async resolveTask(task: vscode.Task): Promise<vscode.Task | undefined> {
    if (!vscode.workspace.isTrusted || !isEdgoDefinition(task.definition)) return undefined;
    const folder = this.#folderOf(task.scope);
    if (!folder) return undefined;
    const spec = findTask(await folder.specs(), task.definition.task, task.definition.target);
    if (!spec) return undefined;
    const tool = (await locateAll([spec.tool])).get(spec.tool) ?? notFound(spec.tool);
    const resolved = toVscodeTask(folder.folder, spec, tool, task.definition);
    // VS Code requires the definition it passed in to come back unchanged
    resolved.definition = task.definition;
    return resolved;
  }

  /** The offered task labelled `label`, in `folder` or else the first folder that offers it. */
  async findByLabel(label: string, folder?: vscode.WorkspaceFolder, extra: { module?: number; step?: string } = {}): Promise<vscode.Task | undefined> {
    const candidates = folder ? [this.#folders.get(folder.uri.toString())].filter((f): f is FolderTasks => f !== undefined) : [...this.#folders.values()];
    const found = await this.#findIn(candidates, label, extra);
    if (found) return found;
    // A starter scaffolded a moment ago may not have reached the file watcher yet: look again.
    for (const f of candidates) f.invalidate();
    return this.#findIn(candidates, label, extra);
  }

  async #findIn(candidates: readonly FolderTasks[], label: string, extra: { module?: number; step?: string }): Promise<vscode.Task | undefined> {
    for (const f of candidates) {
      const spec = (await f.specs()).find((s) => s.label === label);
      if (!spec) continue;
      const tool = (await locateAll([spec.tool])).get(spec.tool) ?? notFound(spec.tool);
      return toVscodeTask(f.folder, spec, tool, extra);
    }
    return undefined;
  }

  /** Folders whose `.edgo-module.json` names `module`, for walkthrough steps. */
  async foldersOfModule(module: number): Promise<vscode.WorkspaceFolder[]> {
    const out: vscode.WorkspaceFolder[] = [];
    for (const f of this.#folders.values()) if ((await f.facts()).module === module) out.push(f.folder);
    return out;
  }

  /** Forget scanned facts after a settings change (tool paths are looked up per request anyway). */
  onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
    if (affectsToolLookup(event)) for (const f of this.#folders.values()) f.invalidate();
  }

  #syncFolders(): void {
    const current = new Map((vscode.workspace.workspaceFolders ?? []).map((f) => [f.uri.toString(), f] as const));
    for (const key of [...this.#folders.keys()]) if (!current.has(key)) this.#folders.delete(key);
    for (const [key, folder] of current) if (!this.#folders.has(key)) this.#folders.set(key, new FolderTasks(folder));
  }

  #forUri(uri: vscode.Uri): FolderTasks | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.#folders.get(folder.uri.toString()) : undefined;
  }

  #folderOf(scope: vscode.Task['scope']): FolderTasks | undefined {
    if (scope && typeof scope === 'object') return this.#folders.get(scope.uri.toString());
    // a task from a .code-workspace file: the first folder
    return [...this.#folders.values()][0];
  }
}

export { edgoTaskType };
