import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EdgoExtensionApi } from '../../../src/extension/extension';
import type { PreflightReport } from '../../../src/core/preflight/preflight';
import { extensionApi, fixture, setUserSetting, terminalEnvKey as envKey } from '../helpers';

function go(report: PreflightReport | undefined) {
  assert.ok(report, 'the preflight returned no report (untrusted workspace?)');
  const tool = report.tools.find((t) => t.id === 'go');
  assert.ok(tool, 'no Go entry in the report');
  return tool;
}

describe('preflight', function () {
  this.timeout(60_000);
  let api: NonNullable<EdgoExtensionApi['preflight']>;

  before(async () => {
    const exported = await extensionApi();
    assert.ok(exported.preflight, 'the extension API has no preflight member');
    api = exported.preflight;
  });

  afterEach(async () => {
    await setUserSetting('edgo.tools.go', undefined);
    await setUserSetting(envKey, undefined);
  });

  it('"Check my tools" finds Go on a PATH or in its standard place, and searches the terminal\'s PATH', async () => {
    const first = go(await vscode.commands.executeCommand<PreflightReport>('edgo.preflight'));
    // code-server's extension host may lack Go's folder on PATH: the resolver then finds it where it was installed
    assert.equal(first.status, 'ok', `${first.explanation} (PATH: ${process.env.PATH})`);
    assert.ok(first.path);
    if (first.outsidePath) assert.match(first.explanation, /not on the PATH VS Code or its terminal uses: the lab uses it from there/);
    // the terminal's PATH, as terminal.integrated.env sets it, is searched before the install places
    await setUserSetting(envKey, { PATH: `${path.dirname(first.path)}${path.delimiter}\${env:PATH}` });
    const second = go(await api.run());
    assert.equal(second.status, 'ok', second.explanation);
    assert.equal(second.path, first.path);
    assert.equal(second.outsidePath, undefined, "found on the terminal's PATH");
    assert.match(second.version ?? '', /^1\.\d+/);
  });

  it('says a tool found nowhere is missing and how to install it', async function () {
    const report = await api.run();
    assert.ok(report);
    const missing = report.tools.find((t) => t.status === 'missing');
    // every tool of the course installed on this machine: nothing to show
    if (!missing) this.skip();
    assert.match(missing.explanation, /was not found: it is not on the PATH, nor in the folders where its installers put it/);
    const md = api.markdown(report);
    assert.match(md, new RegExp(`## ${missing.name}: missing`));
    assert.ok(missing.install.options.length > 0);
    for (const option of missing.install.options) assert.ok(md.includes(option.command), `${option.command} not in the report`);
  });

  it('with edgo.tools.go pointing at nothing, names the setting', async () => {
    await setUserSetting('edgo.tools.go', '/nonexistent-edgo-bin/go');
    const tool = go(await api.run());
    assert.equal(tool.status, 'missing');
    assert.match(tool.explanation, /edgo\.tools\.go says "\/nonexistent-edgo-bin\/go"/);
  });

  it('the go tasks tell how to install Go instead of failing to start when Go is missing', async () => {
    const tasksApi = (await extensionApi()).tasks;
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(tasksApi && folder);
    const scratch = path.join(folder.uri.fsPath, 'edgo-preflight-it');
    fs.cpSync(path.join(fixture('tasks', 'go-pass/go.mod'), 'go-pass'), scratch, { recursive: true });
    try {
      await setUserSetting('edgo.tools.go', '/nonexistent-edgo-bin/go');
      const task = (await tasksApi.findTask('go test (edgo-preflight-it)', { folder })) ?? (await tasksApi.findTask('go test', { folder }));
      assert.ok(task, 'no go test task for the copied module');
      assert.ok(task.execution instanceof vscode.CustomExecution, `${task.name} should explain, not run`);
      // it prints how to install Go and ends with 127, the shell's "command not found"
      assert.equal(await tasksApi.runTaskAndAwait(task), 127);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('opens the Markdown report', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('edgo.preflightReport');
    assert.ok(doc);
    assert.match(doc.getText(), /^# Check my tools/);
    assert.match(doc.getText(), /\| Go \|/);
  });
});
