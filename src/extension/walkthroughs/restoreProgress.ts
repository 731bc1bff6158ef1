/**
 * Progress that follows the learner to another machine. Settings Sync carries the
 * recorded steps when it is on; when it is not (or the profile is fresh), a
 * scaffolded folder (`.edgo-module.json`) whose module has no progress here offers
 * to restore it from the learner's work: the module's checks run in the
 * background and the steps whose checks pass are recorded. Asking first, because
 * the checks run Go and take a while; "Check my work" restores the same way.
 */
import * as vscode from 'vscode';
import { readMarker, shouldOfferRestore } from '../../core/checks';
import type { ModuleCatalog } from './catalog';
import type { CheckMyWork } from './checkMyWork';
import type { ProgressStore } from './progress';

export async function offerProgressRestore(catalog: ModuleCatalog, progress: ProgressStore, checker: CheckMyWork): Promise<void> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const loaded = catalog.find(readMarker(folder.uri.fsPath)?.slug);
    if (!loaded || !shouldOfferRestore(progress.doneSteps(loaded.module.walkthroughId))) continue;
    const restore = 'Restore from My Work';
    const answer = await vscode.window.showInformationMessage(
      `${folder.name} is Module ${loaded.module.number} (${loaded.spec.title}), with no progress on this machine. Run its checks in the background and mark the steps your work already passes?`,
      restore,
      'Not Now',
    );
    if (answer !== restore) continue;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Restoring Module ${loaded.module.number} progress` }, () => checker.run(loaded, folder.uri.fsPath));
  }
}
