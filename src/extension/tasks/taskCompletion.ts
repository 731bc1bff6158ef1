import * as vscode from 'vscode';
import { taskContextKey } from '../../core/tasks/taskCatalog';
import { isEdgoDefinition } from './edgoTask';

/**
 * Walkthrough completion for tasks. When an `edgo` task whose definition carries
 * `module` ends with exit code 0, the context key
 *   edgo.task.<NN>.<label-slug>     (e.g. edgo.task.06.docker-build)
 * is set to true. The walkthrough engine maps a step's `task:<label>` completion to
 * `onContext:edgo.task.<NN>.<label-slug>` (see `taskContextKey` in src/core/tasks/taskCatalog.ts).
 * Background tasks (servers) never exit 0 while useful, so they complete no step.
 */
export class TaskCompletionTracker implements vscode.Disposable {
  readonly #completed = new Set<string>();
  readonly #onDidComplete = new vscode.EventEmitter<{ key: string; module: number; label: string; step?: string }>();
  readonly #subscription: vscode.Disposable;
  /** Fires after a task completed a step and its context key was set. */
  readonly onDidComplete = this.#onDidComplete.event;

  constructor() {
    this.#subscription = vscode.tasks.onDidEndTaskProcess(async (e) => {
      const { task } = e.execution;
      if (e.exitCode !== 0 || !isEdgoDefinition(task.definition)) return;
      const module = task.definition.module;
      if (typeof module !== 'number' || !Number.isInteger(module)) return;
      const key = taskContextKey(module, task.name);
      this.#completed.add(key);
      await vscode.commands.executeCommand('setContext', key, true);
      this.#onDidComplete.fire({ key, module, label: task.name, ...(task.definition.step ? { step: task.definition.step } : {}) });
    });
  }

  /** Context keys set so far in this session. */
  completedKeys(): readonly string[] {
    return [...this.#completed];
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#onDidComplete.dispose();
  }
}
