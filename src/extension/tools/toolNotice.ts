/**
 * Tells the learner, once per tool and workspace, that a tool was found outside the
 * PATH and is used from there, with buttons that make it permanent: `edgo.tools.<tool>`
 * set to it and its folder added to `terminal.integrated.env.<os>` PATH, in the
 * workspace's settings or the user's, as the learner chooses.
 */
import * as vscode from 'vscode';
import { withFoldersOnTerminalPath } from '../../core/preflight/toolLocation';
import { toolSpec } from '../../core/preflight/toolSpecs';
import type { ToolId } from '../../core/tools/toolIds';
import { terminalEnvOs } from '../tasks/toolEnvironment';
import { errorMessage } from '../../core/errorMessage';

/** A tool in use from outside the PATH. */
export interface OutsideTool {
  readonly tool: ToolId;
  readonly path: string;
  readonly dir: string;
}

/** Shows the notice and returns the chosen button (tests replace it). */
export type NoticePrompt = (message: string, choices: readonly string[]) => Thenable<string | undefined>;

export const workspaceChoice = 'Make Permanent for This Workspace';
export const userChoice = 'Make Permanent for All Workspaces';

const vscodePrompt: NoticePrompt = (message, choices) => vscode.window.showInformationMessage(message, ...choices);

export class ToolNotice {
  prompt: NoticePrompt = vscodePrompt;
  /** What was shown (for tests), in order. */
  readonly shown: ToolId[] = [];
  /** The last notice's whole course: shown, answered, settings written. */
  last: Promise<void> = Promise.resolve();

  constructor(private readonly memento: vscode.Memento) {}

  #key(tool: ToolId): string {
    return `edgo.toolNotice.${tool}`;
  }

  /** Forgets what was told (tests; a new workspace starts empty anyway). */
  async reset(): Promise<void> {
    this.shown.length = 0;
    for (const key of this.memento.keys()) if (key.startsWith('edgo.toolNotice.')) await this.memento.update(key, undefined);
  }

  announce(found: OutsideTool): void {
    if (this.shown.includes(found.tool) || this.memento.get(this.#key(found.tool))) return;
    this.shown.push(found.tool);
    this.last = this.#tell(found).catch((err: unknown) => {
      void vscode.window.showErrorMessage(`Could not save the setting: ${errorMessage(err)}`);
    });
  }

  async #tell(found: OutsideTool): Promise<void> {
    // Once per workspace whatever the answer: the lab keeps using the tool either way.
    await this.memento.update(this.#key(found.tool), true);
    const name = toolSpec(found.tool).name;
    const message = `${name} is not on the PATH VS Code was started with, so the lab uses it from ${found.path}. ` + `Make that permanent? This sets edgo.tools.${found.tool} and adds ${found.dir} to the PATH of the integrated terminal.`;
    const choices = vscode.workspace.workspaceFolders?.length ? [workspaceChoice, userChoice] : [userChoice];
    const answer = await this.prompt(message, choices);
    if (answer === workspaceChoice) await makePermanent(found, vscode.ConfigurationTarget.Workspace);
    else if (answer === userChoice) await makePermanent(found, vscode.ConfigurationTarget.Global);
  }
}

/** Writes `edgo.tools.<tool>` and the terminal PATH at `target`, keeping the other terminal variables. */
export async function makePermanent(found: OutsideTool, target: vscode.ConfigurationTarget): Promise<void> {
  await vscode.workspace.getConfiguration('edgo.tools').update(found.tool, found.path, target);
  const env = vscode.workspace.getConfiguration('terminal.integrated.env');
  const inspected = env.inspect<Record<string, unknown>>(terminalEnvOs);
  const current = target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
  await env.update(terminalEnvOs, withFoldersOnTerminalPath(current, [found.dir], process.platform), target);
}
