import * as vscode from 'vscode';

/**
 * Tells the learner why nothing runs in Restricted Mode, with a way out. Returns
 * true when the workspace is trusted and the caller may go on.
 */
export async function requireTrust(what: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  const choice = await vscode.window.showWarningMessage(
    `${what} needs a trusted workspace. It starts programs such as go, docker and kubectl on your machine, and in Restricted Mode VS Code does not run them for a folder it does not trust yet. Trust this folder if you created it or know where it comes from.`,
    manage,
  );
  if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}
