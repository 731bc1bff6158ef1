import * as vscode from 'vscode';

/** Same task: same type, same definition properties that select it, same folder. */
export function sameTask(a: vscode.Task, b: vscode.Task): boolean {
  const scope = (t: vscode.Task) => (t.scope && typeof t.scope === 'object' ? t.scope.uri.toString() : String(t.scope));
  const key = (t: vscode.Task) => JSON.stringify([t.definition.type, t.definition.task ?? null, t.definition.target ?? null, t.name, t.source]);
  return key(a) === key(b) && scope(a) === scope(b);
}

/** The terminal a running task writes to, found by its name (VS Code names task terminals after the task). */
function terminalOf(task: vscode.Task): vscode.Terminal | undefined {
  const terminals = vscode.window.terminals;
  return terminals.find((t) => t.name === task.name) ?? terminals.find((t) => t.name.includes(task.name));
}

/** Brings a running task's terminal to the front. */
export async function focusRunningTask(execution: vscode.TaskExecution): Promise<void> {
  const terminal = terminalOf(execution.task);
  if (terminal) terminal.show(false);
  else await vscode.commands.executeCommand('workbench.action.tasks.showTasks');
}

/**
 * Runs a task and resolves with its process's exit code (`undefined` when VS Code
 * reports none, e.g. the task was cancelled before its process started).
 *
 * If the same task is already running its terminal is focused instead of starting a
 * second copy: a background task (a server) resolves `undefined` at once, any other
 * task resolves when the running one ends.
 *
 * Exported for the walkthrough engine: a step such as "build the image" completes
 * when its task resolves with 0.
 */
export async function runTaskAndAwait(task: vscode.Task): Promise<number | undefined> {
  const running = vscode.tasks.taskExecutions.find((e) => sameTask(e.task, task));
  if (running) {
    await focusRunningTask(running);
    if (task.isBackground) return undefined;
    return awaitEnd(running);
  }
  // Subscribe before starting: a fast process can end before executeTask resolves.
  const started: { execution?: vscode.TaskExecution } = {};
  const isOurs = (e: vscode.TaskExecution) => (started.execution ? e === started.execution : false) || sameTask(e.task, task);
  const ended = new Promise<number | undefined>((resolve) => {
    let processEnded = false;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (code: number | undefined) => {
      for (const s of subscriptions) s.dispose();
      resolve(code);
    };
    subscriptions.push(
      vscode.tasks.onDidEndTaskProcess((e) => {
        if (!isOurs(e.execution)) return;
        processEnded = true;
        finish(e.exitCode);
      }),
      // A task whose process never started (or a custom execution) only ends.
      vscode.tasks.onDidEndTask((e) => {
        if (!isOurs(e.execution) || processEnded) return;
        // onDidEndTaskProcess, when there is one, fires first; give it this turn to arrive
        setImmediate(() => {
          if (!processEnded) finish(undefined);
        });
      }),
    );
  });
  started.execution = await vscode.tasks.executeTask(task);
  return ended;
}

function awaitEnd(execution: vscode.TaskExecution): Promise<number | undefined> {
  return new Promise((resolve) => {
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution === execution || sameTask(e.execution.task, execution.task)) {
        sub.dispose();
        resolve(e.exitCode);
      }
    });
  });
}
