/**
 * "Check my work" (`edgo.check [module] [folderUri]`): runs a module's checks in
 * the learner's folder through VS Code's Testing API (one test item per check, so
 * they sit in the Test Explorer with their file and line), shows a summary, and
 * completes the steps of passing checks.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  checkContextKey,
  formatLocation,
  readMarker,
  nodeCourseFs,
  runChecks,
  stepsCompletedBy,
  restoredSteps,
  shouldOfferRestore,
  memoryFailureCounts,
  type CheckHint,
  type CheckProblem,
  type CheckRelated,
  type CheckResult,
  type FailureCounts,
  type LoadedModule,
  type ProcessRunner,
} from '../../core/checks';
import type { ModuleCatalog } from './catalog';
import type { StepContextKeys } from './contextKeys';
import type { ProgressStore } from './progress';
import { toUri } from './scaffold';
import { terminalToolRunner } from './toolRunner';
import { errorMessage } from '../../core/errorMessage';
import { compareCandidates } from './compareSolution';

export interface CheckRunSummary {
  readonly module: string;
  readonly folder: string;
  readonly results: readonly CheckResult[];
  readonly passed: boolean;
}

export class CheckMyWork implements vscode.Disposable {
  readonly controller: vscode.TestController;
  /** The folder each module was last checked in, for re-runs from the Test Explorer. */
  readonly #folders = new Map<string, string>();

  /** Failures in a row per folder and check (for hints one at a time), kept across sessions. */
  readonly failureCounts: FailureCounts;

  constructor(
    private readonly catalog: ModuleCatalog,
    private readonly progress: ProgressStore,
    private readonly keys: StepContextKeys,
    /** The runner of each check: the real `go`; only the extension's test mode passes another. */
    private readonly runnerFor: () => ProcessRunner = () => terminalToolRunner,
    state?: vscode.Memento,
  ) {
    this.failureCounts = state ? mementoFailureCounts(state) : memoryFailureCounts();
    this.controller = vscode.tests.createTestController('edgo.checks', 'Event-Driven Go checks');
    this.controller.createRunProfile('Check my work', vscode.TestRunProfileKind.Run, (request, token) => this.#runRequest(request, token), true);
    // The Test Explorer lists the checks of the modules scaffolded into the open folders.
    this.controller.resolveHandler = async (item) => {
      if (item) return;
      for (const f of vscode.workspace.workspaceFolders ?? []) {
        const loaded = this.catalog.find(readMarker(f.uri.fsPath)?.slug);
        if (loaded && loaded.spec.checks.length > 0) {
          this.#folders.set(loaded.module.slug, f.uri.fsPath);
          this.#moduleItem(loaded);
        }
      }
    };
  }

  dispose(): void {
    this.controller.dispose();
  }

  /** The command: resolves the module and folder, then runs. */
  async command(moduleArg?: unknown, folderArg?: unknown): Promise<CheckRunSummary | undefined> {
    if (!vscode.workspace.isTrusted) {
      const manage = 'Manage Workspace Trust';
      const answer = await vscode.window.showWarningMessage('Check my work runs go (build, vet, test) in your folder, so it needs a trusted workspace. Trust this folder if it is yours, then check again.', manage);
      if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    const explicitFolder = toUri(folderArg);
    const loaded = this.#moduleFor(moduleArg, explicitFolder) ?? (await this.catalog.pick('Check your work for which module?', (m) => m.spec.checks.length > 0));
    if (!loaded) return undefined;
    if (loaded.spec.checks.length === 0) {
      void vscode.window.showInformationMessage(`Module ${loaded.module.number} has nothing to check yet: its steps complete as you read them.`);
      return undefined;
    }
    const folder = explicitFolder?.fsPath ?? (await this.#folderFor(loaded));
    if (!folder) return undefined;
    const summary = await this.run(loaded, folder);
    if (summary) void this.#notify(summary, loaded);
    return summary;
  }

  #moduleFor(arg: unknown, folder: vscode.Uri | undefined): LoadedModule | undefined {
    if (typeof arg === 'string' || typeof arg === 'number') return this.catalog.find(arg);
    const fromMarker = (dir: string) => this.catalog.find(readMarker(dir)?.slug);
    if (folder) return fromMarker(folder.fsPath);
    for (const f of vscode.workspace.workspaceFolders ?? []) {
      const m = fromMarker(f.uri.fsPath);
      if (m) return m;
    }
    return undefined;
  }

  /** The workspace folder scaffolded for this module, else the only one, else ask. */
  async #folderFor(loaded: LoadedModule): Promise<string | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const marked = folders.find((f) => readMarker(f.uri.fsPath)?.slug === loaded.module.slug);
    if (marked) return marked.uri.fsPath;
    const remembered = this.#folders.get(loaded.module.slug);
    if (remembered && fs.existsSync(remembered)) return remembered;
    if (folders.length === 1 && folders[0]) return folders[0].uri.fsPath;
    // Where `Scaffold the starter` puts it by default.
    const scaffolded = path.join(os.homedir(), 'edgo-lab', loaded.module.slug);
    if (readMarker(scaffolded)?.slug === loaded.module.slug) return scaffolded;
    const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: `Check Module ${loaded.module.number} Here` });
    return chosen?.[0]?.fsPath;
  }

  #moduleItem(loaded: LoadedModule): vscode.TestItem {
    const id = loaded.module.slug;
    let item = this.controller.items.get(id);
    if (!item) {
      item = this.controller.createTestItem(id, `${String(loaded.module.number).padStart(2, '0')} ${loaded.spec.title}`);
      this.controller.items.add(item);
    }
    for (const check of loaded.spec.checks) {
      if (!item.children.get(`${id}/${check.id}`)) item.children.add(this.controller.createTestItem(`${id}/${check.id}`, check.title));
    }
    return item;
  }

  /**
   * Runs the checks (all, or `only`) of a module in `folder` as one test run. A `background`
   * run (the progress restore) does not count failures: the learner's next hint stays the first.
   */
  async run(loaded: LoadedModule, folder: string, only?: readonly string[], token?: vscode.CancellationToken, request?: vscode.TestRunRequest, options?: { readonly background?: boolean }): Promise<CheckRunSummary | undefined> {
    const moduleItem = this.#moduleItem(loaded);
    this.#folders.set(loaded.module.slug, folder);
    const run = this.controller.createTestRun(request ?? new vscode.TestRunRequest([moduleItem]), `Module ${loaded.module.number} in ${path.basename(folder)}`, false);
    const abort = new AbortController();
    token?.onCancellationRequested(() => abort.abort());
    const itemFor = (checkId: string) => moduleItem.children.get(`${loaded.module.slug}/${checkId}`);
    for (const c of loaded.spec.checks) {
      const item = itemFor(c.id);
      if (item && (!only || only.includes(c.id))) run.enqueued(item);
    }
    // No progress here yet for this module (another machine, a fresh profile): the results restore it.
    const restoring = shouldOfferRestore(this.progress.doneSteps(loaded.module.walkthroughId));
    let results: CheckResult[];
    try {
      results = await runChecks(loaded.spec, folder, {
        runner: this.runnerFor(),
        fs: nodeCourseFs,
        moduleDir: loaded.dir,
        ...(options?.background ? {} : { failureCounts: this.failureCounts }),
        signal: abort.signal,
        ...(only ? { only } : {}),
        onResult: (r) => this.#report(run, itemFor(r.id), r, folder),
      });
    } catch (err) {
      run.end();
      void vscode.window.showErrorMessage(`Check my work: ${errorMessage(err)}`);
      return undefined;
    }
    run.end();
    for (const r of results) {
      await this.keys.set(checkContextKey(loaded.module, r.id), r.status === 'pass');
      if (r.status === 'pass') await this.progress.markDone(loaded.module.walkthroughId, stepsCompletedBy(loaded.spec, r.id));
    }
    if (restoring && readMarker(folder)?.slug === loaded.module.slug) await this.progress.markDone(loaded.module.walkthroughId, restoredSteps(loaded.spec, results));
    return { module: loaded.module.slug, folder, results, passed: results.every((r) => r.status === 'pass') };
  }

  #report(run: vscode.TestRun, item: vscode.TestItem | undefined, r: CheckResult, folder: string): void {
    const notes = (r.notes ?? []).map((n) => `  note: ${n}\n`).join('');
    run.appendOutput(`${r.status === 'pass' ? 'pass' : 'FAIL'} ${r.title}: ${r.message}\n${notes}`.replace(/(?<!\r)\n/g, '\r\n'), undefined, item);
    if (!item) return;
    if (r.status === 'pass') {
      run.passed(item, r.durationMs);
      return;
    }
    const problems: CheckProblem[] = [...(r.problems.length > 0 ? r.problems : [{ message: r.message }]), ...(r.hint ? [{ message: hintLine(r.hint) }] : []), ...(r.notes ?? []).map((n) => ({ message: n }))];
    const messages = problems.slice(0, 20).map((p) => {
      const m = new vscode.TestMessage(p.message);
      if (p.location) {
        const line = Math.max(0, (p.location.line ?? 1) - 1);
        const col = Math.max(0, (p.location.column ?? 1) - 1);
        m.location = new vscode.Location(vscode.Uri.file(path.join(folder, p.location.file)), new vscode.Position(line, col));
      }
      // The course test's line behind a problem at the learner's code: a frame to click in the peek view.
      const frame = (r: CheckRelated) => {
        const at = new vscode.Position(Math.max(0, (r.location.line ?? 1) - 1), Math.max(0, (r.location.column ?? 1) - 1));
        return new vscode.TestMessageStackFrame(`${r.message} (${formatLocation(r.location)})`, vscode.Uri.file(path.join(folder, r.location.file)), at);
      };
      if (p.related && p.related.length > 0) m.stackTrace = p.related.map(frame);
      return m;
    });
    run.failed(item, messages, r.durationMs);
  }

  async #runRequest(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Checks run go in your folder: trust the workspace first.');
      return;
    }
    // Group the requested items by module: a module item runs all its checks, a check item just itself.
    const wanted = new Map<string, Set<string> | 'all'>();
    const items = request.include ?? [...gather(this.controller.items)];
    for (const item of items) {
      const [slug = '', checkId] = item.id.split('/');
      if (!checkId) wanted.set(slug, 'all');
      else if (wanted.get(slug) !== 'all') wanted.set(slug, new Set([...((wanted.get(slug) as Set<string> | undefined) ?? []), checkId]));
    }
    for (const [slug, checks] of wanted) {
      const loaded = this.catalog.find(slug);
      if (!loaded || token.isCancellationRequested) continue;
      const folder = await this.#folderFor(loaded);
      if (!folder) continue;
      await this.run(loaded, folder, checks === 'all' ? undefined : [...checks], token, request);
    }
  }

  async #notify(summary: CheckRunSummary, loaded: LoadedModule): Promise<void> {
    const { results } = summary;
    const passing = results.filter((r) => r.status === 'pass').length;
    const nn = String(loaded.module.number).padStart(2, '0');
    if (summary.passed) {
      void vscode.window.showInformationMessage(`Module ${nn}: all ${results.length} checks pass. Well done!`);
      return;
    }
    const missing = results.find((r) => r.missingTool === 'go');
    if (missing) {
      const install = 'Download Go';
      if ((await vscode.window.showErrorMessage(missing.message, install)) === install) await vscode.env.openExternal(vscode.Uri.parse('https://go.dev/dl/'));
      return;
    }
    const first = results.find((r) => r.status === 'fail');
    if (!first) return;
    const openFile = first.location ? `Open ${formatLocation(first.location)}` : undefined;
    const showTests = 'Show Test Explorer';
    // After two failures in a row, the reference solution is offered (the command asks before showing it).
    const compare = (first.failures ?? 0) >= 2 && compareCandidates(loaded, first.id, first).length > 0 ? compareLabel : undefined;
    const answer = await vscode.window.showWarningMessage(
      `Module ${nn}: ${passing} of ${results.length} checks pass. ${first.title}: ${first.message}${first.hint ? ` ${hintLine(first.hint)}` : ''}`,
      ...(openFile ? [openFile] : []),
      ...(compare ? [compare] : []),
      showTests,
    );
    if (answer === showTests) await vscode.commands.executeCommand('workbench.view.testing.focus');
    if (answer === compareLabel) await vscode.commands.executeCommand('edgo.compareWithSolution', loaded.module.slug, first.id, summary.folder, first);
    if (answer && answer === openFile && first.location) {
      const line = Math.max(0, (first.location.line ?? 1) - 1);
      await vscode.window.showTextDocument(vscode.Uri.file(path.join(summary.folder, first.location.file)), { selection: new vscode.Range(line, 0, line, 0) });
    }
  }
}

const compareLabel = 'Compare with the Reference Solution';

export const hintLine = (hint: CheckHint) => `Hint ${hint.index} of ${hint.of}: ${hint.text}`;

const failuresKey = 'edgo.checkFailures.v1';

/** Failure counts in globalState (a small record: one number per folder and check that is failing). */
function mementoFailureCounts(state: vscode.Memento): FailureCounts {
  const read = () => ({ ...(state.get<Record<string, number>>(failuresKey) ?? {}) });
  return {
    get: (k) => read()[k] ?? 0,
    set: async (k, n) => {
      const all = read();
      if (n === 0) delete all[k];
      else all[k] = n;
      await state.update(failuresKey, all);
    },
  };
}

function* gather(collection: vscode.TestItemCollection): Iterable<vscode.TestItem> {
  for (const [, item] of collection) yield item;
}
