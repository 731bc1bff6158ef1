import * as vscode from 'vscode';
import { courseModules } from '../core/modules';

/** The full id VS Code gives our walkthroughs: `publisher.name#walkthroughId`. */
export function walkthroughRef(context: vscode.ExtensionContext, walkthroughId: string): string {
  return `${context.extension.id}#${walkthroughId}`;
}

/** `edgo.showWelcome`: opens the learning path at module 1. */
export function registerWelcome(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('edgo.showWelcome', async () => {
      const first = courseModules[0];
      if (!first) return;
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughRef(context, first.walkthroughId), false);
    }),
  );
}
