import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EdgoExtensionApi } from '../../../src/extension/extension';
import { extensionApi, fixture, setUserSetting, terminalEnvKey as envKey } from '../helpers';

// Copied into the open workspace folder; the task provider finds both modules there.
const scratchDir = 'edgo-tasks-it';
const fixtures = () => fixture('tasks', 'go-pass/go.mod');

describe('tasks', function () {
  // go test compiles the fixture the first time
  this.timeout(180_000);
  let api: NonNullable<EdgoExtensionApi['tasks']>;
  let folder: vscode.WorkspaceFolder;
  let scratch: string;

  before(async () => {
    const exported = await extensionApi();
    assert.ok(exported.tasks, 'the extension API has no tasks member');
    api = exported.tasks;
    // Go may be installed off the extension host's PATH: the tool resolver finds it in its
    // standard place, and the tasks run it from there.
    const goReport = (await exported.preflight?.run())?.tools.find((t) => t.id === 'go');
    assert.equal(goReport?.status, 'ok', `these tests need Go: ${goReport?.explanation}`);
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'the integration workspace has no folder');
    folder = first;
    scratch = path.join(folder.uri.fsPath, scratchDir);
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.cpSync(path.join(fixtures(), 'go-pass'), path.join(scratch, 'pass'), { recursive: true });
    fs.cpSync(path.join(fixtures(), 'go-fail'), path.join(scratch, 'fail'), { recursive: true });
    fs.cpSync(path.join(fixtures(), 'go-server'), path.join(scratch, 'server'), { recursive: true });
  });

  after(async () => {
    fs.rmSync(scratch, { recursive: true, force: true });
    await setUserSetting(envKey, undefined);
  });

  it('offers go tasks per module of the folder through the task API', async () => {
    // the provider may have scanned before the copy: findTask rescans on a miss
    assert.ok(await api.findTask(`go test (${scratchDir}/pass)`, { folder }));
    const tasks = await vscode.tasks.fetchTasks({ type: 'edgo' });
    const labels = tasks.filter((t) => t.scope === folder || (typeof t.scope === 'object' && t.scope.uri.toString() === folder.uri.toString())).map((t) => t.name);
    for (const label of [`go build (${scratchDir}/pass)`, `go test (${scratchDir}/pass)`, `go vet (${scratchDir}/fail)`]) {
      assert.ok(labels.includes(label), `${label} not in ${JSON.stringify(labels)}`);
    }
    const test = tasks.find((t) => t.name === `go test (${scratchDir}/pass)`);
    assert.ok(test?.execution instanceof vscode.ProcessExecution, 'go test should run as a process, not through a shell');
    assert.deepEqual(test.execution.args, ['test', '-fullpath', './...']);
    assert.equal(test.execution.options?.cwd, path.join(scratch, 'pass'));
  });

  it('go test on a passing module exits 0 (runTaskAndAwait)', async () => {
    const task = await api.findTask(`go test (${scratchDir}/pass)`, { folder });
    assert.ok(task);
    assert.equal(await api.runTaskAndAwait(task), 0);
  });

  it('go test on a failing module exits non-zero (runTaskAndAwait) and marks the failing line', async () => {
    const task = await api.findTask(`go test (${scratchDir}/fail)`, { folder });
    assert.ok(task);
    const testFile = vscode.Uri.file(path.join(scratch, 'fail', 'calc_test.go'));
    const onTestLine = () => vscode.languages.getDiagnostics(testFile).some((d) => d.range.start.line === 9 && /want 5/.test(d.message));
    // the $go-test problem matcher reports while the task runs: listen before starting it
    const marked = new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        if (onTestLine()) {
          sub.dispose();
          resolve();
        }
      });
    });
    const code = await api.runTaskAndAwait(task);
    assert.equal(typeof code, 'number');
    assert.notEqual(code, 0);
    if (!onTestLine()) await marked;
    assert.ok(onTestLine(), 'calc_test.go line 10 carries the failure');
  });

  it("sets edgo.task.<NN>.<label-slug> when a walkthrough step's task exits 0", async () => {
    const label = `go test (${scratchDir}/pass)`;
    const key = 'edgo.task.01.go-test-edgo-tasks-it-pass';
    const completed = new Promise<string>((resolve) => {
      const sub = api.onDidComplete((e) => {
        if (e.key === key) {
          sub.dispose();
          resolve(e.key);
        }
      });
    });
    // the way a walkthrough step's command link runs it
    const code = await vscode.commands.executeCommand<number | undefined>('edgo.runTask', { label, module: 1, step: 'run-tests', folder: folder.name });
    assert.equal(code, 0);
    assert.equal(await completed, key);
    assert.ok(api.completedKeys().includes(key));
  });

  it('a failing task completes no step', async () => {
    const task = await api.findTask(`go test (${scratchDir}/fail)`, { folder, module: 1 });
    assert.ok(task);
    assert.notEqual(await api.runTaskAndAwait(task), 0);
    assert.equal(api.completedKeys().includes('edgo.task.01.go-test-edgo-tasks-it-fail'), false);
  });

  it('starting a running background task focuses it instead of starting a second one', async () => {
    const label = `go run cmd/server (${scratchDir}/server)`;
    const task = await api.findTask(label, { folder });
    assert.ok(task, `no task "${label}"`);
    assert.equal(task.isBackground, true);
    const started = new Promise<vscode.TaskExecution>((resolve) => {
      const sub = vscode.tasks.onDidStartTaskProcess((e) => {
        if (e.execution.task.name === label) {
          sub.dispose();
          resolve(e.execution);
        }
      });
    });
    const firstRun = api.runTaskAndAwait(task);
    const execution = await started;
    try {
      // the second start resolves at once (nothing new started) and shows the running one
      assert.equal(await api.runTaskAndAwait(task), undefined);
      const running = vscode.tasks.taskExecutions.filter((e) => e.task.name === label);
      assert.equal(running.length, 1, 'a second copy was started');
      assert.ok(vscode.window.activeTerminal?.name.includes('go run'), `active terminal: ${vscode.window.activeTerminal?.name}`);
    } finally {
      execution.terminate();
    }
    // stopping it ends the first run with the process's exit status
    const code = await firstRun;
    assert.notEqual(code, 0);
  });
});
