import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { mergeTerminalEnv, type Env, type PathApi } from '../../core/preflight/toolLocation';
import type { ToolId } from '../../core/tasks/taskKinds';

/**
 * The environment of a new integrated terminal: the extension host's environment with
 * `terminal.integrated.env.<os>` applied. Tools are looked up on this PATH, so the
 * preflight and the tasks see what the learner's terminal sees.
 */
export function terminalEnvironment(): Env {
  const os = process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'osx' : 'linux';
  const overrides = vscode.workspace.getConfiguration('terminal.integrated.env').get<Record<string, unknown>>(os);
  return mergeTerminalEnv(process.env, overrides, process.platform);
}

/** The `edgo.tools.<id>` settings (empty strings mean "find it on PATH"). */
export function toolPathSettings(): Partial<Record<ToolId, string>> {
  const config = vscode.workspace.getConfiguration('edgo.tools');
  const ids: ToolId[] = ['go', 'docker', 'kubectl', 'helm', 'kind', 'minikube', 'nats-server', 'git'];
  const out: Partial<Record<ToolId, string>> = {};
  for (const id of ids) {
    const value = config.get<string>(id);
    if (typeof value === 'string' && value.trim()) out[id] = value;
  }
  return out;
}

/** Executable check on the real file system. */
export const realPathApi: PathApi = {
  async isExecutable(path: string): Promise<boolean> {
    try {
      const stat = await fs.promises.stat(path);
      if (!stat.isFile()) return false;
      if (process.platform !== 'win32') await fs.promises.access(path, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
};

/** True when `event` changed a setting the tool lookup depends on. */
export function affectsToolLookup(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('edgo.tools') || event.affectsConfiguration('terminal.integrated.env');
}
