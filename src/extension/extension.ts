import * as vscode from 'vscode';
import { registerWelcome } from './welcome';
import { registerTasks, type EdgoTasksApi } from './tasks';
import { registerPreflight, type EdgoPreflightApi } from './preflight';
import { registerGenerate } from './generate';
import { registerMermaid } from './mermaid/feature';
import { registerWalkthroughs, type WalkthroughsApi } from './walkthroughs';
import { registerLanguageClient, type EdgoLanguageClientApi } from './languageClient';
import { registerInspector, type EdgoInspectorApi } from './inspector';
import { registerTools, type EdgoToolsApi } from './tools/toolService';

/** When dist/extension.js started running (a banner esbuild puts first) and when its modules were all set up. */
declare const edgoBundleStart: number | undefined;
const bundleLoadedAt = performance.now();

/**
 * Each feature registers its commands, providers and listeners here and returns
 * nothing: everything it creates goes into `context.subscriptions`.
 * Keep activation cheap: heavy work (the language server, Mermaid) starts on first use.
 */
const features: ReadonlyArray<(context: vscode.ExtensionContext, api: EdgoExtensionApi) => void> = [
  // first: the others resolve tools through it
  registerTools,
  registerWelcome,
  registerTasks,
  registerPreflight,
  registerGenerate,
  registerMermaid,
  registerWalkthroughs,
  registerLanguageClient,
  registerInspector,
];

/**
 * What `activate` returns. VS Code's Markdown preview reads `extendMarkdownIt`;
 * features may add more members.
 */
export interface EdgoExtensionApi {
  extendMarkdownIt?(md: unknown): unknown;
  /** Task runner helpers (`runTaskAndAwait`, completion keys): src/extension/tasks. */
  tasks?: EdgoTasksApi;
  /** The tool check: src/extension/preflight. */
  preflight?: EdgoPreflightApi;
  /** Test hooks of the walkthrough engine: src/extension/walkthroughs. */
  walkthroughs?: WalkthroughsApi;
  /** The one tool resolver and its once-only notice: src/extension/tools. */
  tools?: EdgoToolsApi;
  /** The event language server client: src/extension/languageClient. */
  languageClient?: EdgoLanguageClientApi;
  /** The event inspector (NATS JetStream): src/extension/inspector. */
  inspector?: EdgoInspectorApi;
  /** What activation cost: running the bundle's module code, and `activate` itself (printed by the integration suite). */
  activationTiming?: { moduleMs: number; activateMs: number };
}

export function activate(context: vscode.ExtensionContext): EdgoExtensionApi {
  const started = performance.now();
  const api: EdgoExtensionApi = {};
  for (const register of features) {
    try {
      register(context, api);
    } catch (err) {
      // VS Code doesn't show a notification when part of an activation fails,
      // so one broken feature is reported and the others still work.
      void vscode.window.showErrorMessage(`Event-Driven Go Lab: a feature failed to start: ${String(err)}`);
    }
  }
  const moduleMs = typeof edgoBundleStart === 'number' ? bundleLoadedAt - edgoBundleStart : 0;
  api.activationTiming = { moduleMs, activateMs: performance.now() - started };
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
