import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { mergeTerminalEnv, type Env, type PathApi } from '../../core/preflight/toolLocation';
import { toolIds, type ToolId } from '../../core/tasks/taskKinds';

/**
 * The environment of a new integrated terminal: the extension host's environment with
 * `terminal.integrated.env.<os>` applied. Tools are looked up on this PATH, so the
 * preflight and the tasks see what the learner's terminal sees.
 */
export function terminalEnvironment(): Env {
  return mergeTerminalEnv(process.env, terminalEnvSetting(), process.platform);
}

/**
 * Only the variables `terminal.integrated.env.<os>` sets, resolved: what a task adds to
 * the environment VS Code gives it (the extension host's own variables stay out).
 */
export function terminalEnvOverrides(): Env {
  const overrides = terminalEnvSetting() ?? {};
  const merged = terminalEnvironment();
  const out: Env = {};
  for (const name of Object.keys(overrides)) {
    const key = Object.keys(merged).find((k) => (process.platform === 'win32' ? k.toLowerCase() === name.toLowerCase() : k === name));
    if (key !== undefined && merged[key] !== undefined) out[key] = merged[key];
  }
  return out;
}

function terminalEnvSetting(): Record<string, unknown> | undefined {
  const os = process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'osx' : 'linux';
  return vscode.workspace.getConfiguration('terminal.integrated.env').get<Record<string, unknown>>(os);
}

/** The `edgo.tools.<id>` settings (empty strings mean "find it on PATH"). */
export function toolPathSettings(): Partial<Record<ToolId, string>> {
  const config = vscode.workspace.getConfiguration('edgo.tools');
  const out: Partial<Record<ToolId, string>> = {};
  for (const id of toolIds) {
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
