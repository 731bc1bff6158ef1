import * as vscode from 'vscode';
import { nodeProcessRunner } from '../../core/host/nodeProcessRunner';
import { runPreflight, type PreflightReport } from '../../core/preflight/preflight';
import { scanFolder } from '../../core/tasks/folderScan';
import { workspaceFolderReader } from '../tasks/folderReader';
import { announceOutsidePath, resolveContext } from '../tools/toolService';

/** The go.mod the learner is working on: in the active editor's folder first, then any folder. */
async function learnerGoMod(): Promise<{ goVersion: string; file: string; folder: vscode.WorkspaceFolder } | undefined> {
  const folders = [...(vscode.workspace.workspaceFolders ?? [])];
  const active = vscode.window.activeTextEditor ? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri) : undefined;
  if (active) folders.sort((a, b) => (a === active ? -1 : b === active ? 1 : 0));
  for (const folder of folders) {
    const facts = await scanFolder(folder.name, workspaceFolderReader(folder.uri));
    const withGo = facts.go.find((g) => g.goMod.goVersion);
    if (withGo?.goMod.goVersion) {
      const file = [folder.name, withGo.dir, 'go.mod'].filter(Boolean).join('/');
      return { goVersion: withGo.goMod.goVersion, file, folder };
    }
  }
  return undefined;
}

/** Runs the preflight with the real tools, found by the one tool resolver (settings, PATHs, install places). */
export async function runWorkspacePreflight(): Promise<PreflightReport> {
  const goMod = await learnerGoMod();
  const cwd = goMod?.folder.uri.scheme === 'file' ? goMod.folder.uri.fsPath : undefined;
  const where = resolveContext();
  const report = await runPreflight({
    runner: nodeProcessRunner,
    fs: where.fs,
    env: where.terminalEnv ?? where.hostEnv,
    hostEnv: where.hostEnv,
    platform: where.platform,
    ...(where.settings ? { toolPaths: where.settings } : {}),
    ...(goMod ? { goMod: { goVersion: goMod.goVersion, file: goMod.file } } : {}),
    ...(cwd ? { cwd } : {}),
  });
  for (const t of report.tools) if (t.outsidePath && t.path) announceOutsidePath({ tool: t.id, path: t.path, dir: t.outsidePath });
  return report;
}
