/**
 * Resetting progress: the extension's record, the context keys, and VS Code's
 * own checkmarks. VS Code has no API for those (nor a per-module reset,
 * microsoft/vscode#212819); its internal `welcome.markStepIncomplete` does it,
 * used with a fallback since it is undocumented.
 */
import * as vscode from 'vscode';
import { checkContextKey, taskContextKey, type LoadedModule } from '../../core/checks';
import type { StepContextKeys } from './contextKeys';
import type { ProgressStore } from './progress';

/** Clears one module; returns false when VS Code's checkmarks could not be cleared. */
export async function resetModule(extensionId: string, loaded: LoadedModule, progress: ProgressStore, keys: StepContextKeys): Promise<boolean> {
  await progress.reset(loaded.module.walkthroughId);
  for (const c of loaded.spec.checks) await keys.set(checkContextKey(loaded.module, c.id), false);
  for (const s of loaded.spec.steps) {
    if (s.doneWhen.kind === 'task') await keys.set(taskContextKey(loaded.module, s.doneWhen.label), false);
  }
  let cleared = true;
  for (const s of loaded.spec.steps) {
    try {
      await vscode.commands.executeCommand('welcome.markStepIncomplete', `${extensionId}#${loaded.module.walkthroughId}#${s.id}`);
    } catch {
      cleared = false;
    }
  }
  return cleared;
}

export async function resetAll(extensionId: string, modules: readonly LoadedModule[], progress: ProgressStore, keys: StepContextKeys): Promise<boolean> {
  let cleared = true;
  for (const m of modules) cleared = (await resetModule(extensionId, m, progress, keys)) && cleared;
  await progress.reset();
  return cleared;
}

export const resetFallbackMessage = 'Your progress in the learning path was reset, but VS Code kept its own checkmarks on the walkthrough page. Run "Developer: Reset Welcome Page Walkthrough Progress" to clear those too.';
