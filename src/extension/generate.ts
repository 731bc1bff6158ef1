/**
 * `edgo.catalog.generate` and `edgo.docs.generate`: thin glue over
 * `src/core/generate`. Plans first; if a file the learner edited would be
 * replaced, asks; then applies and offers to open or run the result.
 */
import * as vscode from 'vscode';
import { applyPlan, describePlan, needsConfirmation, planGeneration, type GeneratorKind } from '../core/generate/index';
import { nodeFs } from '../core/generate/nodeFs';

/** Arguments a walkthrough link or a test may pass instead of prompting. */
export interface GenerateArgs {
  /** Workspace folder to read (absolute path); default: the only or the picked workspace folder. */
  readonly folder?: string;
  /** Answer to "replace files you edited?" without asking. */
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
  const folder = await pickFolder(args);
  if (folder === undefined) return undefined;
  const root = posix(folder);
  const plan = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Event-Driven Go: reading events for the ${kind}` },
    () => planGeneration(nodeFs, { kind, root }),
  );
  output.appendLine(`[${new Date().toISOString()}] ${kind}: ${plan.events} event(s), ${plan.services} service(s) in ${root}`);
  for (const w of plan.warnings) output.appendLine(`  warning: ${w}`);
  for (const line of describePlan(plan)) output.appendLine(line);
  if (plan.events === 0) {
    void vscode.window.showWarningMessage('No event YAML found (files in an events/ folder or named *.event.yaml). Write your events first, then generate.');
    return { written: [], skipped: [], warnings: plan.warnings, root: plan.root, events: 0 };
  }

  let overwrite = args?.overwrite ?? false;
  const edited = needsConfirmation(plan);
  if (edited.length > 0 && args?.overwrite === undefined) {
    const replace = 'Replace them';
    const answer = await vscode.window.showWarningMessage(
      `${edited.length} generated file(s) were changed by hand: ${edited.slice(0, 5).join(', ')}${edited.length > 5 ? ', ...' : ''}. Replace them with freshly generated ones?`,
      { modal: true, detail: 'Choosing "Keep mine" generates everything else and leaves these files as they are.' },
      replace,
      'Keep mine',
    );
    if (answer === undefined) return undefined;
    overwrite = answer === replace;
  }
  const result = await applyPlan(nodeFs, plan, { overwrite });
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
      const answer = await vscode.window.showInformationMessage(
        `Docs ${outcome.written.length ? `updated (${outcome.written.length} file(s)); your own text outside the generated blocks is kept` : 'are up to date'}.`,
        open,
      );
      if (answer === open) await vscode.window.showTextDocument(vscode.Uri.file(`${outcome.root}/docs/architecture.md`));
      return outcome;
    }),
  );
}
