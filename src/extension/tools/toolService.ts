/**
 * The tool resolver as the extension uses it: the `edgo.tools.*` settings, the
 * extension host's PATH, the integrated terminal's PATH, then the install places.
 * Check my work, the tasks and the preflight all resolve through here, and every
 * tool found outside the PATH is announced (once) by the ToolNotice.
 */
import * as vscode from 'vscode';
import { nodeProcessRunner, type ProcessRunner } from '../../core/checks';
import { nodeToolFs } from '../../core/host/nodeToolFs';
import type { ToolId } from '../../core/tools/toolIds';
import { foundOutsidePath, resolveTool, resolveTools, type ResolveContext, type ToolResolution } from '../../core/tools/toolResolver';
import { resolvingRunner } from '../../core/tools/resolvingRunner';
import { terminalEnvironment, toolPathSettings } from '../tasks/toolEnvironment';
import { ToolNotice, type NoticePrompt } from './toolNotice';

/** What the extension's API offers tests about tools. */
export interface EdgoToolsApi {
  resolve(tool: ToolId): Promise<ToolResolution>;
  /** Replaces the notice's buttons (undefined: VS Code's notification again). */
  setNoticePrompt(prompt: NoticePrompt | undefined): void;
  /** Tools announced in this session, and the last notice's course. */
  noticesShown(): readonly ToolId[];
  lastNotice(): Promise<void>;
  resetNotices(): Promise<void>;
}

let notice: ToolNotice | undefined;

/** Where tools are looked for right now (settings and terminal environment are read each time). */
export function resolveContext(): ResolveContext {
  return { platform: process.platform, hostEnv: hostEnvironment(), terminalEnv: terminalEnvironment(), settings: toolPathSettings(), fs: nodeToolFs };
}

function hostEnvironment(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Tells the learner about a tool used from outside the PATH (once per tool and workspace). */
export function announceOutsidePath(found: { tool: ToolId; path: string; dir: string }): void {
  notice?.announce(found);
}

export async function resolveToolForUse(tool: ToolId): Promise<ToolResolution> {
  const r = await resolveTool(tool, resolveContext());
  if (foundOutsidePath(r)) announceOutsidePath(r);
  return r;
}

export async function resolveToolsForUse(tools: readonly ToolId[]): Promise<Map<ToolId, ToolResolution>> {
  const all = await resolveTools(tools, resolveContext());
  for (const r of all.values()) if (foundOutsidePath(r)) announceOutsidePath(r);
  return all;
}

/** Runs tools (go, helm) for the checks, each resolved at run time. */
export const resolvedToolRunner: ProcessRunner = resolvingRunner(nodeProcessRunner, { context: resolveContext, onOutsidePath: announceOutsidePath });

export function registerTools(context: vscode.ExtensionContext, api: { tools?: EdgoToolsApi }): void {
  const n = new ToolNotice(context.workspaceState);
  notice = n;
  context.subscriptions.push({ dispose: () => (notice = notice === n ? undefined : notice) });
  api.tools = {
    resolve: (tool) => resolveTool(tool, resolveContext()),
    setNoticePrompt: (prompt) => {
      if (prompt) n.prompt = prompt;
      else n.prompt = (message, choices) => vscode.window.showInformationMessage(message, ...choices);
    },
    noticesShown: () => [...n.shown],
    lastNotice: () => n.last,
    resetNotices: () => n.reset(),
  };
}
