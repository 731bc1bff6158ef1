import * as vscode from 'vscode';
import { missingToolLines } from '../../core/preflight/missingTool';
import type { ToolResolution } from '../../core/tools/toolResolver';
import { isTaskKind, type TaskKind, type TaskSpec } from '../../core/tasks/taskKinds';
import { taskEnvironment } from './toolEnvironment';

export const edgoTaskType = 'edgo';

/** The `edgo` task definition (package.json `contributes.taskDefinitions`). */
export interface EdgoTaskDefinition extends vscode.TaskDefinition {
  readonly type: 'edgo';
  readonly task: TaskKind;
  readonly target?: string;
  /** Course module (1-10) whose walkthrough step this run completes. */
  readonly module?: number;
  /** Walkthrough step id, for the record. */
  readonly step?: string;
}

export function isEdgoDefinition(definition: vscode.TaskDefinition): definition is EdgoTaskDefinition {
  return definition.type === edgoTaskType && isTaskKind(definition.task);
}

/** Exit code of a task whose tool is missing (what shells use for "command not found"). */
export const toolMissingExitCode = 127;

/**
 * Turns a catalog entry into a `vscode.Task` running the tool directly with
 * `ProcessExecution` (arguments are never joined into a shell line). When the tool is
 * missing, the task instead prints how to install it and ends with exit code 127.
 */
export function toVscodeTask(folder: vscode.WorkspaceFolder, spec: TaskSpec, tool: ToolResolution, extra: { module?: number; step?: string } = {}): vscode.Task {
  const definition: EdgoTaskDefinition = {
    type: edgoTaskType,
    task: spec.kind,
    ...(spec.target ? { target: spec.target } : {}),
    ...(extra.module ? { module: extra.module } : {}),
    ...(extra.step ? { step: extra.step } : {}),
  };
  const cwd = spec.cwd ? vscode.Uri.joinPath(folder.uri, ...spec.cwd.split('/')).fsPath : folder.uri.fsPath;
  const execution = tool.found
    ? // the PATH the preflight searched, so go finds the same git, and docker the same credential helpers
      new vscode.ProcessExecution(tool.path, [...spec.args], { cwd, env: taskEnvironment(tool) })
    : new vscode.CustomExecution(async () => messageTerminal(missingToolLines(spec.tool, tool, process.platform), toolMissingExitCode));
  const task = new vscode.Task(
    definition,
    folder,
    spec.label,
    edgoTaskType,
    execution,
    spec.problemMatchers.map((m) => `$${m}`),
  );
  task.detail = spec.detail;
  task.isBackground = spec.background;
  if (spec.group === 'build') task.group = vscode.TaskGroup.Build;
  if (spec.group === 'test') task.group = vscode.TaskGroup.Test;
  task.presentationOptions = {
    reveal: vscode.TaskRevealKind.Always,
    // a server keeps its own terminal, so a second task does not replace it
    panel: spec.background ? vscode.TaskPanelKind.Dedicated : vscode.TaskPanelKind.Shared,
    clear: !spec.background,
    showReuseMessage: false,
  };
  return task;
}

/** A terminal that prints some lines and closes with `exitCode`. */
export function messageTerminal(lines: readonly string[], exitCode: number): vscode.Pseudoterminal {
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number>();
  return {
    onDidWrite: write.event,
    onDidClose: close.event,
    open: () => {
      write.fire(lines.map((l) => `${l}\r\n`).join(''));
      close.fire(exitCode);
    },
    close: () => {
      write.dispose();
      close.dispose();
    },
  };
}
