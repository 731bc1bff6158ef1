/**
 * The learning-path view: the ten modules and their steps, each done, current
 * or not started, from the extension's own progress record. Clicking a step
 * opens it in its walkthrough.
 */
import * as vscode from 'vscode';
import { moduleState, pathStates, type LoadedModule, type StepState } from '../../core/checks';
import type { ModuleCatalog } from './catalog';
import type { ProgressStore } from './progress';

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

  #states(): Map<string, Map<string, StepState>> {
    const modules = this.catalog.modules.map((m) => ({ walkthroughId: m.module.walkthroughId, spec: m.spec }));
    return pathStates(modules, (id) => new Set(this.progress.doneSteps(id)));
  }

  getChildren(node?: PathNode): PathNode[] {
    const states = this.#states();
    if (!node) {
      return this.catalog.modules.map((loaded) => {
        const steps = states.get(loaded.module.walkthroughId) ?? new Map<string, StepState>();
        const done = [...steps.values()].filter((v) => v === 'done').length;
        return { type: 'module', loaded, done, state: moduleState(steps) };
      });
    }
    if (node.type === 'step') return [];
    const { loaded } = node;
    const steps = states.get(loaded.module.walkthroughId);
    return loaded.spec.steps.map((s) => ({ type: 'step', loaded, stepId: s.id, title: s.title, state: steps?.get(s.id) ?? 'not-started' }));
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
    if (node.state !== 'not-started') item.description = label[node.state];
    item.iconPath = icon[node.state];
    item.contextValue = 'edgo.step';
    item.accessibilityInformation = { label: `${node.title}, ${label[node.state]}` };
    item.command = { command: openStepCommand, title: 'Open Step', arguments: [node.loaded.module.slug, node.stepId] };
    return item;
  }
}
