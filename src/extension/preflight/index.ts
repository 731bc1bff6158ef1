import * as vscode from 'vscode';
import type { PreflightReport } from '../../core/preflight/preflight';
import { problems, renderPreflightMarkdown } from '../../core/preflight/preflightReport';
import { affectsToolLookup } from '../tasks/toolEnvironment';
import { requireTrust } from '../tasks/workspaceTrust';
import { runWorkspacePreflight } from './preflightService';
import { copyInstallCommandId, PreflightTreeProvider, preflightViewId } from './preflightView';

/** What the preflight adds to the extension's API (the tests and the walkthrough use it). */
export interface EdgoPreflightApi {
  /** Runs the check (no UI) and updates the view; undefined in an untrusted workspace. */
  run(): Promise<PreflightReport | undefined>;
  lastReport(): PreflightReport | undefined;
  markdown(report: PreflightReport): string;
}

export function registerPreflight(context: vscode.ExtensionContext, api: { preflight?: EdgoPreflightApi }): void {
  const tree = new PreflightTreeProvider();
  const view = vscode.window.createTreeView(preflightViewId, { treeDataProvider: tree, showCollapseAll: true });

  // One check at a time: clicking twice does not start every tool twice. A settings
  // change while a check runs makes its result stale, so the next call starts anew.
  let inFlight: { promise: Promise<PreflightReport | undefined>; generation: number } | undefined;
  let generation = 0;
  const checkNow = async (): Promise<PreflightReport | undefined> => {
    tree.setState('running');
    try {
      const report = await runWorkspacePreflight();
      tree.setReport(report);
      // walkthrough steps can complete on e.g. onContext:edgo.preflight.go.ok
      void vscode.commands.executeCommand('setContext', 'edgo.preflight.done', true);
      for (const t of report.tools) void vscode.commands.executeCommand('setContext', `edgo.preflight.${t.id}.ok`, t.status === 'ok');
      return report;
    } catch (err) {
      tree.setState('idle');
      throw err;
    }
  };
  const run = (): Promise<PreflightReport | undefined> => {
    if (!vscode.workspace.isTrusted) {
      tree.setState('untrusted');
      return Promise.resolve(undefined);
    }
    if (inFlight && inFlight.generation === generation) return inFlight.promise;
    const previous = inFlight?.promise.catch(() => undefined) ?? Promise.resolve(undefined);
    const current = { generation, promise: previous.then(checkNow) };
    inFlight = current;
    void current.promise
      .finally(() => {
        if (inFlight === current) inFlight = undefined;
      })
      .catch(() => undefined);
    return current.promise;
  };

  api.preflight = { run, lastReport: () => tree.report, markdown: renderPreflightMarkdown };

  context.subscriptions.push(
    tree,
    view,
    vscode.commands.registerCommand('edgo.preflight', async () => {
      if (!(await requireTrust('Checking your tools'))) {
        tree.setState('untrusted');
        return undefined;
      }
      const report = await vscode.window.withProgress({ location: { viewId: preflightViewId }, title: 'Checking your tools' }, run);
      if (!report) return undefined;
      await vscode.commands.executeCommand(`${preflightViewId}.focus`);
      const todo = problems(report);
      const openReport = 'Open Report';
      const message = todo.length === 0 ? 'Every tool the course uses is ready.' : `Needs attention: ${todo.map((t) => `${t.name} (${t.summary.replace(`${t.name} `, '')})`).join(', ')}.`;
      const show = todo.length === 0 ? vscode.window.showInformationMessage(message, openReport) : vscode.window.showWarningMessage(message, openReport);
      void show.then((choice) => (choice === openReport ? vscode.commands.executeCommand('edgo.preflightReport') : undefined));
      return report;
    }),
    vscode.commands.registerCommand('edgo.preflightReport', async () => {
      if (!(await requireTrust('Checking your tools'))) return undefined;
      const report = tree.report ?? (await run());
      if (!report) return undefined;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: renderPreflightMarkdown(report) });
      await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
      return doc;
    }),
    vscode.commands.registerCommand(copyInstallCommandId, async (command: unknown) => {
      if (typeof command !== 'string') return;
      await vscode.env.clipboard.writeText(command);
      void vscode.window.showInformationMessage(`Copied "${command}". Paste it into a terminal to install.`);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsToolLookup(e)) return;
      // a changed tool path or terminal PATH makes the shown result stale
      generation++;
      if (tree.report) void run();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => tree.setState('idle')),
  );
}
