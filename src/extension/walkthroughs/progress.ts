/**
 * The learner's progress, kept by the extension in `globalState` (VS Code offers
 * no API to read a walkthrough step's checkmark): which steps of which module
 * are done. It survives restarts, and the learning-path view renders it.
 */
import * as vscode from 'vscode';

type ProgressRecord = Record<string, string[]>;
/** The globalState key; synced by Settings Sync, so progress follows the learner to another machine. */
export const progressKey = 'edgo.progress.v1';
const key = progressKey;

export class ProgressStore implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.#changed.event;

  constructor(private readonly state: vscode.Memento) {}

  #read(): ProgressRecord {
    return { ...(this.state.get<ProgressRecord>(key) ?? {}) };
  }

  snapshot(): ProgressRecord {
    return this.#read();
  }

  isDone(walkthroughId: string, stepId: string): boolean {
    return this.#read()[walkthroughId]?.includes(stepId) ?? false;
  }

  doneSteps(walkthroughId: string): string[] {
    return this.#read()[walkthroughId] ?? [];
  }

  async markDone(walkthroughId: string, stepIds: readonly string[]): Promise<void> {
    const record = this.#read();
    const before = record[walkthroughId] ?? [];
    const after = [...new Set([...before, ...stepIds])];
    if (after.length === before.length) return;
    record[walkthroughId] = after;
    await this.state.update(key, record);
    this.#changed.fire();
  }

  async reset(walkthroughId?: string): Promise<void> {
    const record = walkthroughId ? this.#read() : {};
    if (walkthroughId) delete record[walkthroughId];
    await this.state.update(key, record);
    this.#changed.fire();
  }

  dispose(): void {
    this.#changed.dispose();
  }
}
