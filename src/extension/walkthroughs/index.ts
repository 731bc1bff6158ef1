/**
 * The walkthrough engine in VS Code: scaffolding starters, "Check my work",
 * progress in `globalState`, the learning-path view and its reset commands.
 * Step completion itself is VS Code's: `onContext:` keys set here, `onCommand:`.
 */
import * as vscode from 'vscode';
import { labelSlug, taskContextKey, type CheckResult, type ProcessRunner } from '../../core/checks';
import type { EdgoExtensionApi } from '../extension';
import { ModuleCatalog } from './catalog';
import { CheckMyWork, type CheckRunSummary } from './checkMyWork';
import { compareWithSolution } from './compareSolution';
import { StepContextKeys } from './contextKeys';
import { LearningPathProvider, openStepCommand, type PathNode } from './learningPath';
import { ProgressStore, progressKey } from './progress';
import { ProgressRestorer, type RestoreOffer } from './restoreProgress';
import { vscodePrompts, type WalkthroughPrompts } from './prompts';
import { resetAll, resetFallbackMessage, resetModule } from './reset';
import { scaffold, type ScaffoldOptions } from './scaffold';
import { terminalToolRunner } from './toolRunner';
import { errorMessage } from '../../core/errorMessage';

export const learningPathViewId = 'edgo.learningPath';

/** What integration tests reach through the extension's exports (`api.walkthroughs`), in `ExtensionMode.Test` only. */
export interface WalkthroughsApi {
  progress(): Record<string, string[]>;
  contextKeys(): Record<string, boolean>;
  learningPath(node?: PathNode): Array<{ label: string; description?: string; state: string; id?: string; node: PathNode }>;
  setPrompts(prompts: WalkthroughPrompts | undefined): void;
  setRunner(runner: ProcessRunner | undefined): void;
  lastCheck(): CheckRunSummary | undefined;
  /** The restore offer activation makes, for these folders (the workspace's by default). */
  offerRestore(folders?: readonly vscode.Uri[]): Promise<RestoreOffer[]>;
}

/** A module key from a command argument: `"01-go-foundations"`, `1`, or a learning-path node. */
function moduleKeyOf(arg: unknown): string | number | undefined {
  if (typeof arg === 'string' || typeof arg === 'number') return arg;
  if (arg && typeof arg === 'object' && 'loaded' in arg) return (arg as PathNode).loaded.module.slug;
  return undefined;
}

export function registerWalkthroughs(context: vscode.ExtensionContext, api: EdgoExtensionApi): void {
  const catalog = ModuleCatalog.forExtension(context);
  const progress = new ProgressStore(context.globalState);
  context.globalState.setKeysForSync([progressKey]);
  const keys = new StepContextKeys();
  // Tests may swap the runner and the prompts; outside the extension's test mode nothing can.
  let testRunner: ProcessRunner | undefined;
  const checker = new CheckMyWork(catalog, progress, keys, () => testRunner ?? terminalToolRunner, context.globalState);
  const learningPath = new LearningPathProvider(catalog, progress);
  const extensionId = context.extension.id;
  let prompts: WalkthroughPrompts = vscodePrompts;
  let lastCheck: CheckRunSummary | undefined;
  for (const err of catalog.errors) console.error(`[edgo] ${err.message}`);
  const restorer = new ProgressRestorer(catalog, progress, checker, () => prompts);
  // After activation, never during it: a scaffolded folder with no progress here may restore it.
  setTimeout(() => void restorer.offer(), 0);

  /** Steps whose completion is `command:<id>` finish when our command `id` succeeds. */
  const commandDone = async (command: string, slug: string | undefined) => {
    for (const m of catalog.modules) {
      if (slug && m.module.slug !== slug) continue;
      const ids = m.spec.steps.filter((s) => s.doneWhen.kind === 'command' && s.doneWhen.command === command).map((s) => s.id);
      if (ids.length > 0) await progress.markDone(m.module.walkthroughId, ids);
    }
  };

  /** Other features' commands that complete steps, read from their APIs (VS Code reports no command runs). */
  const syncFromFeatures = async () => {
    if (api.preflight?.lastReport()) await commandDone('edgo.preflight', undefined);
  };
  const treeView = vscode.window.createTreeView(learningPathViewId, { treeDataProvider: learningPath, showCollapseAll: true });

  context.subscriptions.push(
    progress,
    checker,
    learningPath,
    treeView,
    treeView.onDidChangeVisibility((e) => {
      if (e.visible) void syncFromFeatures();
    }),

    vscode.commands.registerCommand('edgo.scaffold', async (moduleKey?: unknown, target?: unknown, options?: ScaffoldOptions) => {
      try {
        const key = moduleKeyOf(moduleKey);
        const result = await scaffold(catalog, prompts, key, target, options ?? {});
        if (result && !result.declined) await commandDone('edgo.scaffold', catalog.find(key)?.module.slug);
        return result;
      } catch (err) {
        void vscode.window.showErrorMessage(`Scaffold: ${errorMessage(err)}`);
        return undefined;
      }
    }),

    vscode.commands.registerCommand('edgo.check', async (moduleKey?: unknown, folder?: unknown) => {
      lastCheck = await checker.command(moduleKeyOf(moduleKey), folder);
      if (lastCheck) await commandDone('edgo.check', lastCheck.module);
      return lastCheck;
    }),

    vscode.commands.registerCommand('edgo.compareWithSolution', (moduleKey?: unknown, checkId?: unknown, folder?: unknown, result?: CheckResult, options?: { confirmed?: boolean }) =>
      compareWithSolution(catalog, moduleKey, checkId, folder, result, options),
    ),
    vscode.commands.registerCommand(openStepCommand, async (slug: string, stepId?: string) => {
      const loaded = catalog.find(slug);
      if (!loaded) return;
      await syncFromFeatures();
      const category = `${extensionId}#${loaded.module.walkthroughId}`;
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', stepId ? { category, step: stepId } : category, false);
      // A reading step is done once it is opened (VS Code marks it too: onStepSelected).
      const step = loaded.spec.steps.find((s) => s.id === stepId);
      if (step?.doneWhen.kind === 'read') await progress.markDone(loaded.module.walkthroughId, [step.id]);
    }),

    vscode.commands.registerCommand('edgo.resetModuleProgress', async (arg?: unknown) => {
      const key = moduleKeyOf(arg);
      const loaded = key !== undefined ? catalog.find(key) : await catalog.pick('Reset the progress of which module?');
      if (!loaded) return;
      const cleared = await resetModule(extensionId, loaded, progress, keys);
      void vscode.window.showInformationMessage(cleared ? `Module ${loaded.module.number}: progress reset.` : resetFallbackMessage);
    }),

    vscode.commands.registerCommand('edgo.resetAllProgress', async (confirmed?: unknown) => {
      if (confirmed !== true) {
        const reset = 'Reset All';
        const answer = await vscode.window.showWarningMessage('Reset your progress in all ten modules?', { modal: true, detail: 'Your code stays as it is; only the checkmarks go.' }, reset);
        if (answer !== reset) return;
      }
      let cleared = await resetAll(extensionId, catalog.modules, progress, keys);
      if (!cleared) {
        try {
          await vscode.commands.executeCommand('resetGettingStartedProgress');
          cleared = true;
        } catch {
          cleared = false;
        }
      }
      void vscode.window.showInformationMessage(cleared ? 'All course progress was reset.' : resetFallbackMessage);
    }),

    // `task:<label>` steps complete when a task of that label ends with exit code 0.
    vscode.tasks.onDidEndTaskProcess(async (e) => {
      if (e.exitCode !== 0) return;
      const slug = labelSlug(e.execution.task.name);
      for (const m of catalog.modules) {
        const steps = m.spec.steps.filter((s) => s.doneWhen.kind === 'task' && labelSlug(s.doneWhen.label) === slug);
        if (steps.length === 0) continue;
        await keys.set(taskContextKey(m.module, e.execution.task.name), true);
        await progress.markDone(
          m.module.walkthroughId,
          steps.map((s) => s.id),
        );
      }
    }),
  );

  const hooks: WalkthroughsApi = {
    progress: () => progress.snapshot(),
    contextKeys: () => keys.snapshot(),
    learningPath: (node) =>
      learningPath.getChildren(node).map((n) => {
        const item = learningPath.getTreeItem(n);
        return { label: String(item.label), ...(typeof item.description === 'string' ? { description: item.description } : {}), state: n.state, ...(item.id ? { id: item.id } : {}), node: n };
      }),
    setPrompts: (p) => (prompts = p ?? vscodePrompts),
    setRunner: (r) => (testRunner = r),
    lastCheck: () => lastCheck,
    offerRestore: (folders) => restorer.offer(folders),
  };
  if (context.extensionMode === vscode.ExtensionMode.Test) api.walkthroughs = hooks;
}
