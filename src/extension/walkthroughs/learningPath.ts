/**
 * The learning-path view: the ten modules and their steps, each done, current
 * or not started, from the extension's own progress record. Clicking a step
 * opens it in its walkthrough.
 */
import * as vscode from 'vscode';
import type { LoadedModule } from '../../core/checks';
import type { ModuleCatalog } from './catalog';
import type { ProgressStore } from './progress';

export type StepState = 'done' | 'current' | 'not-started';

export type PathNode =
  | { readonly type: 'module'; readonly loaded: LoadedModule; readonly done: number; readonly state: StepState }
  | { readonly type: 'step'; readonly loaded: LoadedModule; readonly stepId: string; readonly title: string; readonly state: StepState };

export const openStepCommand = 'edgo.openStep';

export class LearningPathProvider implements vscode.TreeDataProvider<PathNode>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<PathNode | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly #subscription: vscode.Disposable;

  constructor(
    private readonly catalog: ModuleCatalog,
    private readonly progress: ProgressStore,
  ) {
    this.#subscription = progress.onDidChange(() => this.#changed.fire(undefined));
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#changed.dispose();
  }

  /**
   * Done: recorded in the progress, or a reading step the learner has moved past
   * (a later step of the module is done). VS Code ticks reading steps when they are
   * opened on the walkthrough page but tells no extension, so this view infers them.
   */
  isDone(loaded: LoadedModule, stepId: string): boolean {
    const id = loaded.module.walkthroughId;
    if (this.progress.isDone(id, stepId)) return true;
    const steps = loaded.spec.steps;
    const index = steps.findIndex((s) => s.id === stepId);
    return steps[index]?.completion === 'read' && steps.slice(index + 1).some((s) => this.progress.isDone(id, s.id));
  }

  /** The one step to do next: the first step not done, in course order. */
  currentStep(): { slug: string; stepId: string } | undefined {
    for (const m of this.catalog.modules) {
      const next = m.spec.steps.find((s) => !this.isDone(m, s.id));
      if (next) return { slug: m.module.slug, stepId: next.id };
    }
    return undefined;
  }

  getChildren(node?: PathNode): PathNode[] {
    const current = this.currentStep();
    if (!node) {
      return this.catalog.modules.map((loaded) => {
        const done = loaded.spec.steps.filter((s) => this.isDone(loaded, s.id)).length;
        const state: StepState = done === loaded.spec.steps.length ? 'done' : current?.slug === loaded.module.slug || done > 0 ? 'current' : 'not-started';
        return { type: 'module', loaded, done, state };
      });
    }
    if (node.type === 'step') return [];
    const { loaded } = node;
    return loaded.spec.steps.map((s) => ({
      type: 'step',
      loaded,
      stepId: s.id,
      title: s.title,
      state: this.isDone(loaded, s.id) ? 'done' : current?.slug === loaded.module.slug && current.stepId === s.id ? 'current' : 'not-started',
    }));
  }

  getTreeItem(node: PathNode): vscode.TreeItem {
    const icon = { done: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')), current: new vscode.ThemeIcon('arrow-circle-right'), 'not-started': new vscode.ThemeIcon('circle-large-outline') };
    const label = { done: 'done', current: 'current', 'not-started': 'not started' };
    const nn = String(node.loaded.module.number).padStart(2, '0');
    if (node.type === 'module') {
      const item = new vscode.TreeItem(`${nn} ${node.loaded.spec.title}`, node.state === 'current' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.loaded.module.slug;
      item.description = `${node.done}/${node.loaded.spec.steps.length}`;
      item.iconPath = icon[node.state];
      item.contextValue = node.loaded.spec.checks.length > 0 ? 'edgo.module.checked' : 'edgo.module';
      item.tooltip = `${node.loaded.spec.description}\n${node.done} of ${node.loaded.spec.steps.length} steps done`;
      item.accessibilityInformation = { label: `Module ${nn} ${node.loaded.spec.title}, ${node.done} of ${node.loaded.spec.steps.length} steps done` };
      return item;
    }
    const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.loaded.module.slug}#${node.stepId}`;
    item.description = node.state === 'not-started' ? undefined : label[node.state];
    item.iconPath = icon[node.state];
    item.contextValue = 'edgo.step';
    item.accessibilityInformation = { label: `${node.title}, ${label[node.state]}` };
    item.command = { command: openStepCommand, title: 'Open Step', arguments: [node.loaded.module.slug, node.stepId] };
    return item;
  }
}
