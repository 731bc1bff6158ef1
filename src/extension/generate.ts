/**
 * `edgo.catalog.generate` and `edgo.docs.generate`: thin glue over
 * `src/core/generate`. Needs a trusted workspace; plans first; if a file that
 * exists would change, asks; then applies through the guarded writer and
 * offers to open or run the result.
 */
import * as vscode from 'vscode';
import { UnreadableFileError } from '../core/host/boundedRead';
import { applyPlan, describePlan, needsConfirmation, planGeneration, type GeneratorKind } from '../core/generate/index';
import { RefusedWriteError } from '../core/host/guardedWrite';
import { nodeFs } from '../core/host/nodeGenerateFs';

/** Arguments a walkthrough link or a test may pass instead of prompting. */
export interface GenerateArgs {
  /** Workspace folder to read (absolute path); default: the only or the picked workspace folder. */
  readonly folder?: string;
  /** Answer to "change files that exist?" without asking. */
  readonly overwrite?: boolean;
}

export interface GenerateOutcome {
  readonly written: readonly string[];
  readonly skipped: readonly string[];
  readonly warnings: readonly string[];
  readonly root: string;
  /** How many events were read; 0 means nothing was generated. */
  readonly events: number;
}

function posix(p: string): string {
  return p.replace(/\\/g, '/');
}

async function pickFolder(args: GenerateArgs | undefined): Promise<string | undefined> {
  if (args?.folder) return args.folder;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage('Open the folder with your services and event YAML first (File > Open Folder).');
    return undefined;
  }
  if (folders.length === 1) return folders[0]!.uri.fsPath;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder holds the event YAML and services?' });
  return picked?.uri.fsPath;
}

async function generate(kind: GeneratorKind, args: GenerateArgs | undefined, output: vscode.OutputChannel): Promise<GenerateOutcome | undefined> {
  // The generators read and write a folder that may come from anyone: only once the learner trusts it.
  if (!vscode.workspace.isTrusted) {
    const manage = 'Manage Workspace Trust';
    const choice = await vscode.window.showWarningMessage(`Generating the ${kind} writes files into this folder, which needs a trusted workspace. Trust the folder if you created it or know where it comes from.`, manage);
    if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
    return undefined;
  }
  try {
    return await generateTrusted(kind, args, output);
  } catch (err) {
    if (!(err instanceof RefusedWriteError || err instanceof UnreadableFileError)) throw err;
    output.appendLine(`  stopped: ${err.message}`);
    void vscode.window.showErrorMessage(err.message);
    return undefined;
  }
}

async function generateTrusted(kind: GeneratorKind, args: GenerateArgs | undefined, output: vscode.OutputChannel): Promise<GenerateOutcome | undefined> {
  const folder = await pickFolder(args);
  if (folder === undefined) return undefined;
  const root = posix(folder);
  const plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Event-Driven Go: reading events for the ${kind}` }, () => planGeneration(nodeFs, { kind, root }));
  output.appendLine(`[${new Date().toISOString()}] ${kind}: ${plan.events} event(s), ${plan.services} service(s) in ${root}`);
  for (const w of plan.warnings) output.appendLine(`  warning: ${w}`);
  for (const line of describePlan(plan)) output.appendLine(line);
  if (plan.events === 0) {
    void vscode.window.showWarningMessage('No event YAML found (files in an events/ folder or named *.event.yaml). Write your events first, then generate.');
    return { written: [], skipped: [], warnings: plan.warnings, root: plan.root, events: 0 };
  }

  let confirmed = args?.overwrite ?? false;
  const existing = needsConfirmation(plan);
  if (existing.length > 0 && args?.overwrite === undefined) {
    const change = 'Change them';
    const replaced = plan.changes.filter((c) => c.kind === 'overwrite').length;
    const answer = await vscode.window.showWarningMessage(
      `${existing.length} file(s) that exist would change: ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', ...' : ''}. Change them?`,
      {
        modal: true,
        detail: `${replaced > 0 ? `${replaced} of them you edited by hand and would be replaced; the others keep your text outside the generated parts. ` : 'Your text outside the generated parts is kept. '}"Only new files" writes the rest and leaves these as they are. The output channel lists every change.`,
      },
      change,
      'Only new files',
    );
    if (answer === undefined) return undefined;
    confirmed = answer === change;
  }
  const result = await applyPlan(nodeFs, plan, { confirmed });
  output.appendLine(`  wrote ${result.written.length}, moved ${result.moved.length}, left ${result.skipped.length} as they were`);
  return { written: result.written, skipped: result.skipped, warnings: plan.warnings, root: plan.root, events: plan.events };
}

export function registerGenerate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Event-Driven Go: Generate');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('edgo.catalog.generate', async (args?: GenerateArgs) => {
      const outcome = await generate('catalog', args, output);
      if (!outcome || outcome.events === 0 || args?.folder !== undefined) return outcome;
      const catalog = vscode.Uri.file(`${outcome.root}`);
      const open = 'Open a page';
      const run = 'Run EventCatalog';
      const answer = await vscode.window.showInformationMessage(
        `Event Catalog ${outcome.written.length ? `updated (${outcome.written.length} file(s))` : 'is up to date'}${outcome.warnings.length ? `, ${outcome.warnings.length} warning(s) in the output` : ''}.`,
        open,
        run,
      );
      if (answer === open) {
        const files = await vscode.workspace.findFiles(new vscode.RelativePattern(catalog, 'events/*/index.mdx'), undefined, 1);
        if (files[0]) await vscode.window.showTextDocument(files[0]);
      } else if (answer === run) {
        const terminal = vscode.window.createTerminal({ name: 'EventCatalog', cwd: catalog.fsPath });
        terminal.show();
        terminal.sendText('npm install && npx @eventcatalog/core dev');
      }
      return outcome;
    }),
    vscode.commands.registerCommand('edgo.docs.generate', async (args?: GenerateArgs) => {
      const outcome = await generate('docs', args, output);
      if (!outcome || outcome.events === 0 || args?.folder !== undefined) return outcome;
      const open = 'Open architecture';
      const answer = await vscode.window.showInformationMessage(`Docs ${outcome.written.length ? `updated (${outcome.written.length} file(s)); your own text outside the generated blocks is kept` : 'are up to date'}.`, open);
      if (answer === open) await vscode.window.showTextDocument(vscode.Uri.file(`${outcome.root}/docs/architecture.md`));
      return outcome;
    }),
  );
}
