import * as vscode from 'vscode';
import { edgoTaskType } from './edgoTask';
import { runTaskAndAwait } from './runTaskAndAwait';
import { TaskCompletionTracker } from './taskCompletion';
import { EdgoTaskProvider } from './taskProvider';
import { requireTrust } from './workspaceTrust';

export { runTaskAndAwait } from './runTaskAndAwait';

/** Arguments of `edgo.runTask`, as a walkthrough step's command link passes them. */
export interface RunTaskArgs {
  /** The task's label as the picker shows it without the `edgo:` prefix, e.g. `go test`. */
  readonly label: string;
  /** Module whose step completes when the task exits 0 (sets `edgo.task.<NN>.<label-slug>`). */
  readonly module?: number;
  readonly step?: string;
  /** Workspace folder name; by default a folder of `module`, else the active editor's, else the first offering it. */
  readonly folder?: string;
}

/** What the tasks feature adds to the extension's API (used by the walkthrough engine and the tests). */
export interface EdgoTasksApi {
  runTaskAndAwait(task: vscode.Task): Promise<number | undefined>;
  /** The offered task with this label, with `module`/`step` added to its definition. */
  findTask(label: string, options?: { folder?: vscode.WorkspaceFolder; module?: number; step?: string }): Promise<vscode.Task | undefined>;
  /** Runs `edgo.runTask`'s logic: resolves with the exit code, or undefined when nothing ran. */
  runByLabel(args: RunTaskArgs): Promise<number | undefined>;
  completedKeys(): readonly string[];
  readonly onDidComplete: vscode.Event<{ key: string; module: number; label: string; step?: string }>;
}

export function registerTasks(context: vscode.ExtensionContext, api: { tasks?: EdgoTasksApi }): void {
  const provider = new EdgoTaskProvider();
  const tracker = new TaskCompletionTracker();

  const runByLabel = async (raw: RunTaskArgs | string | undefined): Promise<number | undefined> => {
    const args: RunTaskArgs | undefined = typeof raw === 'string' ? { label: raw } : raw;
    if (!args?.label) {
      await vscode.commands.executeCommand('workbench.action.tasks.runTask', edgoTaskType);
      return undefined;
    }
    if (!(await requireTrust(`Running "${args.label}"`))) return undefined;
    const task = await findForStep(provider, args);
    if (!task) {
      const where = args.module ? ` Open the folder of module ${args.module} (scaffold it from its walkthrough first).` : '';
      void vscode.window.showWarningMessage(`There is no task "${args.label}" in this workspace.${where}`);
      return undefined;
    }
    return runTaskAndAwait(task);
  };

  api.tasks = {
    runTaskAndAwait,
    findTask: (label, options = {}) => provider.findByLabel(label, options.folder, { ...(options.module ? { module: options.module } : {}), ...(options.step ? { step: options.step } : {}) }),
    runByLabel,
    completedKeys: () => tracker.completedKeys(),
    onDidComplete: tracker.onDidComplete,
  };

  context.subscriptions.push(
    provider,
    tracker,
    vscode.tasks.registerTaskProvider(edgoTaskType, provider),
    vscode.workspace.onDidChangeConfiguration((e) => provider.onConfigurationChanged(e)),
    vscode.commands.registerCommand('edgo.runTask', runByLabel),
  );
}

async function findForStep(provider: EdgoTaskProvider, args: RunTaskArgs): Promise<vscode.Task | undefined> {
  const extra = { ...(args.module ? { module: args.module } : {}), ...(args.step ? { step: args.step } : {}) };
  const folders = vscode.workspace.workspaceFolders ?? [];
  const named = args.folder ? folders.find((f) => f.name === args.folder) : undefined;
  if (named) return provider.findByLabel(args.label, named, extra);
  const ofModule = args.module ? await provider.foldersOfModule(args.module) : [];
  const active = vscode.window.activeTextEditor ? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri) : undefined;
  for (const folder of [...ofModule, ...(active ? [active] : [])]) {
    const task = await provider.findByLabel(args.label, folder, extra);
    if (task) return task;
  }
  return provider.findByLabel(args.label, undefined, extra);
}
