/**
 * `edgo.scaffold [module] [targetUri] [{ open }]`: copies a module's starter into a
 * folder the learner picks (default `~/edgo-lab/NN-slug`) and opens it. Existing
 * files are never overwritten: the learner is asked, and declining writes nothing.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { applyScaffold, findLearnerFolders, planScaffold, starterLayersFrom, targetProblem } from '../../core/checks';
import { findModule } from '../../core/modules';
import type { LoadedModule } from '../../core/checks';
import type { ModuleCatalog } from './catalog';
import type { WalkthroughPrompts } from './prompts';

export interface ScaffoldOptions {
  /** Open the folder afterwards (default true; tests pass false, as opening reloads the window). */
  readonly open?: boolean;
}

export interface ScaffoldResult {
  readonly target: string;
  readonly written: readonly string[];
  readonly kept: readonly string[];
  readonly declined: boolean;
}

export function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value.trim() !== '') return value.includes('://') ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  return undefined;
}

/**
 * For a module with `starterFrom`: the learner's own folder of that module to start
 * from (found in the workspace, and chosen), undefined for the reference solution,
 * null when the learner cancelled.
 */
async function pickStartFrom(loaded: LoadedModule, prompts: WalkthroughPrompts): Promise<string | undefined | null> {
  const from = loaded.spec.starterFrom;
  if (!from || !prompts.pickStartFrom) return undefined;
  const folders = findLearnerFolders(
    (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    from,
  );
  if (folders.length === 0) return undefined;
  const choice = await prompts.pickStartFrom(findModule(from)?.title ?? from, folders);
  if (choice === undefined) return null;
  return choice === 'reference' ? undefined : choice;
}

export async function scaffold(catalog: ModuleCatalog, prompts: WalkthroughPrompts, moduleKey: unknown, targetArg: unknown, options: ScaffoldOptions = {}): Promise<ScaffoldResult | undefined> {
  const loaded = (typeof moduleKey === 'string' || typeof moduleKey === 'number' ? catalog.find(moduleKey) : undefined) ?? (await catalog.pick('Scaffold the starter of which module?', (m) => m.spec.starter !== undefined));
  if (!loaded) return undefined;
  if (!loaded.spec.starter) {
    void vscode.window.showInformationMessage(`Module ${loaded.module.number} has no hands-on starter yet.`);
    return undefined;
  }
  const startFrom = await pickStartFrom(loaded, prompts);
  if (startFrom === null) return undefined;
  const target = toUri(targetArg) ?? (await prompts.pickTarget(vscode.Uri.file(path.join(os.homedir(), 'edgo-lab', loaded.module.slug))));
  if (!target) return undefined;
  if (target.scheme !== 'file') {
    void vscode.window.showErrorMessage('The starter can only be copied to a folder on disk.');
    return undefined;
  }

  const inside = startFrom ? targetProblem(startFrom, target.fsPath) : undefined;
  if (inside) {
    void vscode.window.showErrorMessage(inside);
    return undefined;
  }
  const plan = planScaffold(loaded.module, starterLayersFrom(loaded, startFrom), target.fsPath);
  if (plan.conflicts.length > 0 && !(await prompts.confirmKeepExisting(target.fsPath, plan.conflicts))) {
    void vscode.window.showInformationMessage(`Nothing was written to ${target.fsPath}.`);
    return { target: target.fsPath, written: [], kept: plan.conflicts, declined: true };
  }
  const written = await applyScaffold(plan);
  const result = { target: target.fsPath, written, kept: plan.conflicts, declined: false };

  if (options.open === false) return result;
  const inWorkspace = vscode.workspace.workspaceFolders?.some((f) => f.uri.fsPath === target.fsPath);
  if (inWorkspace) {
    await vscode.commands.executeCommand('revealInExplorer', target);
  } else {
    // A new window keeps the walkthrough open here; an empty window just switches to the folder.
    await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
  }
  return result;
}
