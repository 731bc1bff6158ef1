/**
 * Runs `go` the way the learner's terminal would find it: the `edgo.tools.go`
 * setting first, else the PATH of the integrated terminal (with its
 * `terminal.integrated.env.*` overrides), the same lookup the tool check uses.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { nodeProcessRunner, type ProcessRunner } from '../../core/checks';
import { locateTool, mergeTerminalEnv, type PathApi } from '../../core/preflight/toolLocation';

const pathApi: PathApi = {
  isExecutable: async (p) => {
    try {
      await fs.promises.access(p, fs.constants.X_OK);
      return (await fs.promises.stat(p)).isFile();
    } catch {
      return false;
    }
  },
};

function terminalEnv(): Record<string, string> {
  const os = process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'osx' : 'linux';
  const overrides = vscode.workspace.getConfiguration('terminal.integrated.env').get<Record<string, unknown>>(os);
  return mergeTerminalEnv(process.env, overrides, process.platform);
}

/** A runner that resolves each tool per run (settings may change between checks). */
export const terminalToolRunner: ProcessRunner = {
  async run(command, args, options) {
    const env = terminalEnv();
    const configured = vscode.workspace.getConfiguration('edgo.tools').get<string>(command);
    const located = await locateTool(command, configured, env, process.platform, pathApi);
    // Not found: run the bare name anyway, so the check reports the missing tool with install help.
    const executable = located.found ? located.path : command;
    return nodeProcessRunner.run(executable, args, { ...options, env: { ...env, ...options.env } });
  },
};
