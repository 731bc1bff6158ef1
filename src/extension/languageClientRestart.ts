/**
 * When the server dies, start it again, unless it keeps dying (5 times in 3
 * minutes): then stop trying and say so, instead of looping.
 */
import type * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';

export function serverRestartPolicy(output: vscode.OutputChannel, maxRestarts = 5, windowMs = 3 * 60_000): ErrorHandler {
  const crashes: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && (crashes[0] as number) < now - windowMs) crashes.shift();
      if (crashes.length > maxRestarts) {
        output.appendLine(`The language server stopped ${crashes.length} times in ${windowMs / 60_000} minutes; not restarting. Run "Event-Driven Go: Restart Language Server" to try again.`);
        return { action: CloseAction.DoNotRestart, message: 'The Event-Driven Go language server keeps stopping; see its output channel.' };
      }
      output.appendLine('The language server stopped; restarting it.');
      return { action: CloseAction.Restart };
    },
  };
}
