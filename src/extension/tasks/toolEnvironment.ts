import * as vscode from 'vscode';
import { mergeTerminalEnv, pathOf, type Env } from '../../core/preflight/toolLocation';
import { toolIds, type ToolId } from '../../core/tools/toolIds';
import { environmentFor, foundOutsidePath, type ToolResolution } from '../../core/tools/toolResolver';

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

/**
 * What a task running `tool` adds to its environment: the terminal's overrides and,
 * for a tool found outside every PATH, PATH with the tool's folder at its end.
 */
export function taskEnvironment(tool: ToolResolution): Env {
  const overrides = terminalEnvOverrides();
  if (!tool.found || !foundOutsidePath(tool)) return overrides;
  const withDir = environmentFor(tool, terminalEnvironment(), process.platform);
  const key = process.platform === 'win32' ? (Object.keys(withDir).find((k) => k.toLowerCase() === 'path') ?? 'Path') : 'PATH';
  return { ...overrides, [key]: pathOf(withDir, process.platform) };
}

/** The `<os>` of `terminal.integrated.env.<os>` on this machine. */
export const terminalEnvOs = process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'osx' : 'linux';

function terminalEnvSetting(): Record<string, unknown> | undefined {
  return vscode.workspace.getConfiguration('terminal.integrated.env').get<Record<string, unknown>>(terminalEnvOs);
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

/** True when `event` changed a setting the tool lookup depends on. */
export function affectsToolLookup(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('edgo.tools') || event.affectsConfiguration('terminal.integrated.env');
}
