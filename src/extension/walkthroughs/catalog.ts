/**
 * The course's modules as the extension ships them (`walkthroughs/` inside the
 * extension), loaded once and kept: the walkthrough engine's single source.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadAllModules, type LoadedModule } from '../../core/checks';
import { findModule, type CourseModule } from '../../core/modules';

export class ModuleCatalog {
  #loaded: Array<LoadedModule | { module: CourseModule; error: Error }> | undefined;

  constructor(readonly root: string) {}

  static forExtension(context: vscode.ExtensionContext): ModuleCatalog {
    return new ModuleCatalog(path.join(context.extensionUri.fsPath, 'walkthroughs'));
  }

  /** Every module with a module.json that loads; broken ones are logged, not fatal. */
  get modules(): LoadedModule[] {
    this.#loaded ??= loadAllModules(this.root);
    return this.#loaded.filter((m): m is LoadedModule => !('error' in m));
  }

  get errors(): Error[] {
    this.#loaded ??= loadAllModules(this.root);
    return this.#loaded.flatMap((m) => ('error' in m ? [m.error] : []));
  }

  find(key: string | number | undefined): LoadedModule | undefined {
    if (key === undefined) return undefined;
    const m = findModule(key);
    return m ? this.modules.find((l) => l.module.slug === m.slug) : undefined;
  }

  /** Asks the learner for a module (only those matching `filter`). */
  async pick(placeHolder: string, filter: (m: LoadedModule) => boolean = () => true): Promise<LoadedModule | undefined> {
    const items = this.modules.filter(filter).map((m) => ({ label: `${String(m.module.number).padStart(2, '0')} ${m.spec.title}`, description: m.module.slug, loaded: m }));
    if (items.length === 0) {
      void vscode.window.showInformationMessage('No module has this yet.');
      return undefined;
    }
    return (await vscode.window.showQuickPick(items, { placeHolder }))?.loaded;
  }
}
