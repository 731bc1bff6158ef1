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

  it('"Check my tools" finds Go on the terminal\'s PATH, and says where it is when it is off that PATH', async () => {
    const first = go(await vscode.commands.executeCommand<PreflightReport>('edgo.preflight'));
    // code-server builds the extension host's PATH from a login shell, which may lack Go's folder
    const goPath = first.status === 'ok' ? first.path : first.installedAt;
    assert.ok(goPath, `Go is neither on PATH nor in a common folder: ${first.explanation} (PATH: ${process.env.PATH})`);
    if (first.status !== 'ok') assert.match(first.explanation, /installed at .*, but that folder is not on the PATH/);
    // the terminal's PATH, as terminal.integrated.env sets it, is the one searched
    await setUserSetting(envKey, { PATH: `${path.dirname(goPath)}${path.delimiter}\${env:PATH}` });
    const second = go(await api.run());
    assert.equal(second.status, 'ok', second.explanation);
    assert.equal(second.path, goPath);
    assert.match(second.version ?? '', /^1\.\d+/);
  });

  it('with Go removed from the terminal\'s PATH, says Go is missing and how to install it', async () => {
    await setUserSetting(envKey, { PATH: '/nonexistent-edgo-bin' });
    const report = await api.run();
    const tool = go(report);
    assert.equal(tool.status, 'missing');
    // "not on the PATH" — and, where Go sits in a common folder (as on this machine), where it is
    assert.match(tool.explanation, /not on the PATH your terminal uses/);
    assert.ok(report);
    const md = api.markdown(report);
    assert.match(md, /## Go: missing/);
    assert.ok(tool.install.options.length > 0);
    for (const option of tool.install.options) assert.ok(md.includes(option.command), `${option.command} not in the report`);
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
      const task = await tasksApi.findTask('go test (edgo-preflight-it)', { folder }) ?? (await tasksApi.findTask('go test', { folder }));
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
