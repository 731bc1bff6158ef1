// The newcomer's trap of issue 19, in real VS Code: the extension host's PATH lacks
// Go's folder while Go sits where an installer put it (here ~/sdk/go1.99.0/bin, the
// golang.org/dl layout, or /usr/local/go/bin where the machine has it). Check my work
// still runs the starter's real checks, and the learner is told once, with buttons
// that make it permanent.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EdgoToolsApi } from '../../../src/extension/tools/toolService';
import { userChoice, workspaceChoice } from '../../../src/extension/tools/toolNotice';
import { extension, scratch, setUserSetting, terminalEnvKey } from '../helpers';

const slug = '01-go-foundations';

interface CheckSummary {
  passed: boolean;
  results: { id: string; status: 'pass' | 'fail'; message: string; missingTool?: string; problems: { message: string }[] }[];
}

describe('tool resolver: Go off the PATH', function () {
  this.timeout(300_000);
  const saved = { PATH: process.env.PATH, HOME: process.env.HOME, GOROOT: process.env.GOROOT };
  let tools: EdgoToolsApi;
  let expect: { starterFails: string[]; starterMessages: Record<string, string> };
  let target: string;
  const prompts: { message: string; choices: readonly string[] }[] = [];

  before(async () => {
    const ext = extension();
    const api = await ext.activate();
    assert.ok(api.tools, 'the extension API has no tools member');
    tools = api.tools;
    expect = (JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'walkthroughs', slug, 'module.json'), 'utf8')) as { expect: typeof expect }).expect;
    const real = await tools.resolve('go');
    assert.ok(real.found, `this test needs Go somewhere on the machine: ${JSON.stringify(real)}`);

    // A learner's HOME holding Go from golang.org/dl, a link to this machine's Go.
    const home = scratch('edgo-home');
    const sdkBin = path.join(home, 'sdk', 'go1.99.0', 'bin');
    fs.mkdirSync(sdkBin, { recursive: true });
    fs.symlinkSync(fs.realpathSync(real.path), path.join(sdkBin, 'go'));
    // The extension host's PATH without any folder that holds go, and no GOROOT.
    process.env.PATH = (saved.PATH ?? '')
      .split(path.delimiter)
      .filter((d) => d && !fs.existsSync(path.join(d, 'go')))
      .join(path.delimiter);
    process.env.HOME = home;
    delete process.env.GOROOT;
    await setUserSetting('edgo.tools.go', undefined);
    await setUserSetting(terminalEnvKey, undefined);
    await tools.resetNotices();
    tools.setNoticePrompt(async (message, choices) => {
      prompts.push({ message, choices });
      return workspaceChoice;
    });
    target = path.join(scratch('edgo-resolver'), slug);
    await vscode.commands.executeCommand('edgo.scaffold', slug, vscode.Uri.file(target), { open: false });
  });

  after(async () => {
    process.env.PATH = saved.PATH;
    process.env.HOME = saved.HOME;
    if (saved.GOROOT !== undefined) process.env.GOROOT = saved.GOROOT;
    tools?.setNoticePrompt(undefined);
    await vscode.workspace.getConfiguration('edgo.tools').update('go', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('terminal.integrated.env').update(terminalEnvKey.split('.').pop() ?? 'linux', undefined, vscode.ConfigurationTarget.Workspace);
    await tools?.resetNotices();
  });

  it("Check my work runs Go from its install place: the starter's real results, and one notice that makes it permanent", async () => {
    const go = await tools.resolve('go');
    assert.ok(go.found && go.source === 'install-place', `Go should be found off the PATH: ${JSON.stringify(go)} (PATH=${process.env.PATH})`);
    assert.ok(!(process.env.PATH ?? '').split(path.delimiter).includes(go.dir), `${go.dir} is not on the extension host's PATH`);

    const first = await vscode.commands.executeCommand<CheckSummary>('edgo.check', slug, vscode.Uri.file(target));
    assert.ok(first, 'edgo.check returned nothing');
    assert.deepEqual(
      first.results.filter((r) => r.missingTool).map((r) => r.id),
      [],
      'no check says Go is missing',
    );
    // module 1's starter fails exactly the checks the course expects, for the reasons it expects
    assert.deepEqual(
      first.results
        .filter((r) => r.status === 'fail')
        .map((r) => r.id)
        .sort(),
      [...expect.starterFails].sort(),
      JSON.stringify(first.results, null, 1),
    );
    for (const [id, text] of Object.entries(expect.starterMessages)) {
      const r = first.results.find((x) => x.id === id);
      const all = [r?.message ?? '', ...(r?.problems ?? []).map((p) => p.message)].join('\n');
      assert.ok(all.includes(text), `${id} mentions ${text}: ${all}`);
    }
    assert.deepEqual(
      first.results.filter((r) => r.status === 'pass').map((r) => r.id),
      ['build', 'vet'],
    );

    await tools.lastNotice();
    assert.equal(prompts.length, 1, `one notice: ${JSON.stringify(prompts)}`);
    assert.match(prompts[0]?.message ?? '', /^Go is not on the PATH VS Code was started with, so the lab uses it from /);
    assert.ok(prompts[0]?.message.includes(go.path), prompts[0]?.message);
    assert.deepEqual(prompts[0]?.choices, [workspaceChoice, userChoice]);
    // the learner chose this workspace: the setting and the terminal's PATH say where Go is
    assert.equal(vscode.workspace.getConfiguration('edgo.tools').inspect<string>('go')?.workspaceValue, go.path);
    const termEnv = vscode.workspace.getConfiguration('terminal.integrated.env').inspect<Record<string, string>>(terminalEnvKey.split('.').pop() ?? 'linux')?.workspaceValue;
    assert.equal(termEnv?.PATH, `\${env:PATH}${path.delimiter}${go.dir}`);

    const again = await tools.resolve('go');
    assert.ok(again.found && again.source === 'setting' && again.path === go.path, JSON.stringify(again));

    // told once per workspace: with the setting cleared, Go is found off the PATH again, and used without a word
    await vscode.workspace.getConfiguration('edgo.tools').update('go', undefined, vscode.ConfigurationTarget.Workspace);
    const second = await vscode.commands.executeCommand<CheckSummary>('edgo.check', slug, vscode.Uri.file(target));
    assert.ok(second);
    assert.equal(second.results.find((r) => r.id === 'build')?.status, 'pass');
    await tools.lastNotice();
    assert.equal(prompts.length, 1, 'no second notice');
  });
});
