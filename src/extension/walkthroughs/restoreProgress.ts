/**
 * Progress that follows the learner to another machine. Settings Sync carries the
 * recorded steps when it is on; when it is not (or the profile is fresh), a
 * scaffolded folder (`.edgo-module.json`) whose module has no progress here offers
 * to restore it from the learner's work: the module's checks run in the background
 * and the steps whose checks pass are recorded. Asking first, because the checks
 * run Go and take a while; once per folder and session, so "Not Now" is heard.
 * "Check my work" restores the same way.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readMarker, shouldOfferRestore } from '../../core/checks';
import type { ModuleCatalog } from './catalog';
import type { CheckMyWork } from './checkMyWork';
import type { ProgressStore } from './progress';
import { vscodePrompts, type WalkthroughPrompts } from './prompts';

export interface RestoreOffer {
  readonly folder: string;
  readonly module: string;
  readonly restored: boolean;
}

export class ProgressRestorer {
  /** Folders asked about in this session: never twice. */
  readonly #asked = new Set<string>();

  constructor(
    private readonly catalog: ModuleCatalog,
    private readonly progress: ProgressStore,
    private readonly checker: CheckMyWork,
    private readonly prompts: () => WalkthroughPrompts,
  ) {}

  /** Offers a restore for each scaffolded folder whose module has no progress here; returns what was offered. */
  async offer(folders: readonly vscode.Uri[] = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)): Promise<RestoreOffer[]> {
    const offers: RestoreOffer[] = [];
    for (const uri of folders) {
      const dir = uri.fsPath;
      const loaded = this.catalog.find(readMarker(dir)?.slug);
      if (!loaded || this.#asked.has(dir) || !shouldOfferRestore(this.progress.doneSteps(loaded.module.walkthroughId))) continue;
      this.#asked.add(dir);
      const ask = this.prompts().confirmRestore ?? vscodePrompts.confirmRestore;
      const restored = (await ask?.(path.basename(dir), loaded.module.number, loaded.spec.title)) === true;
      offers.push({ folder: dir, module: loaded.module.slug, restored });
      if (!restored) continue;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Restoring Module ${loaded.module.number} progress` }, () => this.checker.run(loaded, dir, undefined, undefined, undefined, { background: true }));
    }
    return offers;
  }
}
