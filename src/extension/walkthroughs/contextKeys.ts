/**
 * The `edgo.check.NN.<id>` and `edgo.task.NN.<label>` context keys that complete
 * walkthrough steps (`onContext:` completion events). VS Code cannot read a
 * context key back, so the values set are also kept here (for tests and resets).
 */
import * as vscode from 'vscode';

export class StepContextKeys {
  readonly #values = new Map<string, boolean>();

  async set(key: string, value: boolean): Promise<void> {
    this.#values.set(key, value);
    await vscode.commands.executeCommand('setContext', key, value);
  }

  get(key: string): boolean | undefined {
    return this.#values.get(key);
  }

  snapshot(): Record<string, boolean> {
    return Object.fromEntries(this.#values);
  }
}
