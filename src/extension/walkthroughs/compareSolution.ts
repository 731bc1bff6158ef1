/**
 * "Compare with the Reference Solution" (`edgo.compareWithSolution [module] [checkId] [folder]`):
 * opens VS Code's diff editor between the learner's file and the module
 * solution's. It asks before it reveals anything, and Check my work offers it
 * only after a check has failed twice, so the learner tries on their own first.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkTestFiles, readMarker, type CheckResult, type LoadedModule } from '../../core/checks';
import type { ModuleCatalog } from './catalog';

/** The files of the solution worth comparing for a check: its `solutionFiles`, else the failure's file when the solution has it. */
export function compareCandidates(loaded: LoadedModule, checkId: string | undefined, result?: CheckResult): string[] {
  const solution = loaded.spec.solution ? path.join(loaded.dir, loaded.spec.solution) : undefined;
  if (!solution) return [];
  const check = loaded.spec.checks.find((c) => c.id === checkId);
  const declared = Array.isArray(check?.solutionFiles) ? (check.solutionFiles as string[]) : [];
  // The course's check tests are the same in both folders: comparing them shows nothing.
  const tests = new Set(checkTestFiles(loaded.spec, loaded.dir));
  const located = (result?.problems ?? []).map((p) => p.location?.file).filter((f): f is string => !!f && !tests.has(f));
  return [...new Set([...declared, ...located])].filter((f) => fs.existsSync(path.join(solution, f)));
}

/** `options.confirmed` skips the question (tests, and callers that already asked). */
export async function compareWithSolution(catalog: ModuleCatalog, moduleArg?: unknown, checkArg?: unknown, folderArg?: unknown, result?: CheckResult, options?: { readonly confirmed?: boolean }): Promise<boolean> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = typeof folderArg === 'string' ? folderArg : folderArg instanceof vscode.Uri ? folderArg.fsPath : (folders.find((f) => readMarker(f.uri.fsPath))?.uri.fsPath ?? folders[0]?.uri.fsPath);
  const loaded = typeof moduleArg === 'string' || typeof moduleArg === 'number' ? catalog.find(moduleArg) : catalog.find(folder ? readMarker(folder)?.slug : undefined);
  if (!loaded?.spec.solution || !folder) {
    void vscode.window.showInformationMessage('Open a folder scaffolded from a module with a reference solution first.');
    return false;
  }
  const files = compareCandidates(loaded, typeof checkArg === 'string' ? checkArg : undefined, result);
  const file =
    files.length === 1
      ? files[0]
      : files.length > 1
        ? await vscode.window.showQuickPick(files, { placeHolder: 'Compare which file with the reference solution?' })
        : await vscode.window.showInputBox({ prompt: `Which file of module ${loaded.module.number}'s solution? (a path in your folder, e.g. memory.go)` });
  if (!file) return false;
  const solutionFile = path.join(loaded.dir, loaded.spec.solution, file);
  if (!fs.existsSync(solutionFile)) {
    void vscode.window.showWarningMessage(`The reference solution has no ${file}.`);
    return false;
  }
  const reveal = 'Show the Solution';
  const answer = options?.confirmed
    ? reveal
    : await vscode.window.showWarningMessage(
        `Compare your ${file} with the reference solution?`,
        { modal: true, detail: 'This reveals a working answer. Try the hint first if you have not: you learn most from finding it yourself.' },
        reveal,
      );
  if (answer !== reveal) return false;
  const mine = vscode.Uri.file(path.join(folder, file));
  const theirs = vscode.Uri.file(solutionFile);
  await vscode.commands.executeCommand('vscode.diff', fs.existsSync(mine.fsPath) ? mine : theirs, theirs, `${file}: yours ↔ reference solution`, { preview: true });
  return true;
}
