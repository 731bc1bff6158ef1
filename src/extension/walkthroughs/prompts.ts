/**
 * The questions the walkthrough commands ask. Behind an interface so the
 * integration tests answer them (VS Code's modal dialogs cannot be clicked headless).
 */
import * as vscode from 'vscode';

export interface WalkthroughPrompts {
  /** Existing files would be in the way: `true` to copy only the other files, `false` to write nothing. */
  confirmKeepExisting(target: string, conflicts: readonly string[]): Promise<boolean>;
  /** Where to put the starter; `undefined` when the learner cancels. */
  pickTarget(defaultFolder: vscode.Uri): Promise<vscode.Uri | undefined>;
  /**
   * A module that starts from an earlier one (`starterFrom`): one of the learner's own
   * `folders` of it, `'reference'` for its reference solution, `undefined` to cancel.
   * Absent: the reference solution.
   */
  pickStartFrom?(fromTitle: string, folders: readonly string[]): Promise<string | undefined>;
  /** A scaffolded folder whose module has no progress here: `true` to run its checks and record the passing steps. */
  confirmRestore?(folderName: string, moduleNumber: number, moduleTitle: string): Promise<boolean>;
}

export const vscodePrompts: WalkthroughPrompts = {
  async confirmKeepExisting(target, conflicts) {
    const shown = conflicts.slice(0, 5).join(', ') + (conflicts.length > 5 ? `, and ${conflicts.length - 5} more` : '');
    const keep = 'Keep Mine, Copy the Rest';
    const answer = await vscode.window.showWarningMessage(
      `${conflicts.length} file${conflicts.length > 1 ? 's' : ''} of the starter already exist in ${target}: ${shown}.`,
      { modal: true, detail: 'Your files are never overwritten. Copy only the files that are missing, or cancel to write nothing.' },
      keep,
    );
    return answer === keep;
  },
  async confirmRestore(folderName, moduleNumber, moduleTitle) {
    const restore = 'Restore from My Work';
    const answer = await vscode.window.showInformationMessage(
      `${folderName} is Module ${moduleNumber} (${moduleTitle}), with no progress on this machine. Run its checks in the background and mark the steps your work already passes?`,
      restore,
      'Not Now',
    );
    return answer === restore;
  },
  async pickStartFrom(fromTitle, folders) {
    const own = folders.map((f) => ({ label: `$(folder) ${f}`, description: 'your folder (copied, left as it is)', value: f }));
    const reference = { label: '$(book) The reference solution', description: fromTitle, value: 'reference' };
    const pick = await vscode.window.showQuickPick([...own, reference], { placeHolder: `Start from your own "${fromTitle}" folder or from its reference solution?` });
    return pick?.value;
  },
  async pickTarget(defaultFolder) {
    const here = { label: `$(folder) ${defaultFolder.fsPath}`, description: 'default', uri: defaultFolder as vscode.Uri | undefined };
    const other = { label: '$(folder-opened) Choose another folder...', description: '', uri: undefined as vscode.Uri | undefined };
    const pick = await vscode.window.showQuickPick([here, other], { placeHolder: 'Where should the starter go?' });
    if (!pick) return undefined;
    if (pick.uri) return pick.uri;
    const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Scaffold Here' });
    return chosen?.[0];
  },
};
