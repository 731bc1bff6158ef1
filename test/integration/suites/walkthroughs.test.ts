import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EdgoExtensionApi } from '../../../src/extension/extension';

import { extension, scratch } from '../helpers';
const slug = '01-go-foundations';

interface ScaffoldResult {
  target: string;
  written: string[];
  kept: string[];
  declined: boolean;
}
interface CheckSummary {
  passed: boolean;
  results: {
    id: string;
    status: 'pass' | 'fail';
    message: string;
    location?: { file: string; line?: number };
    failures?: number;
    hint?: { text: string; index: number; of: number };
  }[];
}

/**
 * The extension host of code-server gets the login shell's PATH, which may lack the
 * Go the test runner uses (e.g. /usr/local/go/bin): point `edgo.tools.go` at it then,
 * as a learner would. Returns the previous setting to restore.
 */
async function ensureGo(): Promise<string | undefined> {
  const config = vscode.workspace.getConfiguration('edgo.tools');
  const previous = config.inspect<string>('go')?.globalValue;
  const onPath = (process.env.PATH ?? '').split(path.delimiter).some((d) => fs.existsSync(path.join(d, 'go')));
  if (onPath || previous) return previous;
  const candidates = [process.env.EDGO_GO, '/usr/local/go/bin/go', path.join(os.homedir(), 'go', 'bin', 'go'), '/usr/lib/go/bin/go'];
  const found = candidates.find((c): c is string => !!c && fs.existsSync(c));
  if (found) await config.update('go', found, vscode.ConfigurationTarget.Global);
  return previous;
}

describe('walkthroughs', function () {
  // The first go build of the starter compiles the standard library packages it uses.
  this.timeout(240_000);
  let hooks: NonNullable<EdgoExtensionApi['walkthroughs']>;
  let moduleDir: string;
  let previousGo: string | undefined;

  before(async () => {
    const ext = extension();
    const api = await ext.activate();
    assert.ok(api.walkthroughs, 'the extension API has no walkthroughs member');
    hooks = api.walkthroughs;
    moduleDir = path.join(ext.extensionPath, 'walkthroughs', slug);
    await vscode.commands.executeCommand('edgo.resetAllProgress', true);
    previousGo = await ensureGo();
  });

  after(async () => {
    hooks?.setPrompts(undefined);
    await vscode.workspace.getConfiguration('edgo.tools').update('go', previousGo, vscode.ConfigurationTarget.Global);
  });

  it('scaffolds module 1, fails the check on the starter, passes it on the solution and completes the step', async () => {
    const target = path.join(scratch('edgo-wt'), slug);
    const scaffolded = await vscode.commands.executeCommand<ScaffoldResult>('edgo.scaffold', slug, vscode.Uri.file(target), { open: false });
    assert.ok(scaffolded, 'edgo.scaffold returned nothing');
    assert.ok(scaffolded.written.includes('go.mod') && scaffolded.written.includes('.edgo-module.json'), `written: ${scaffolded.written.join(', ')}`);
    assert.ok(hooks.progress()['edgo.module01']?.includes('scaffold'), 'the scaffold step is done');

    const first = await vscode.commands.executeCommand<CheckSummary>('edgo.check', slug, vscode.Uri.file(target));
    assert.ok(first, 'edgo.check returned nothing (untrusted workspace?)');
    assert.equal(first.passed, false, 'the starter must fail');
    const users = first.results.find((r) => r.id === 'users');
    assert.equal(users?.status, 'fail', JSON.stringify(first.results, null, 1));
    assert.ok(users?.location?.file.endsWith('.go'), `the failure points at a Go file: ${JSON.stringify(users)} (PATH=${process.env.PATH})`);
    assert.equal(first.results.find((r) => r.id === 'build')?.status, 'pass', 'the starter builds');
    assert.equal(hooks.contextKeys()['edgo.check.01.users'], false);
    assert.ok(!hooks.progress()['edgo.module01']?.includes('users-endpoint'), 'the step stays open');

    fs.cpSync(path.join(moduleDir, 'solution'), target, { recursive: true, force: true });
    const second = await vscode.commands.executeCommand<CheckSummary>('edgo.check', slug, vscode.Uri.file(target));
    assert.ok(second);
    assert.deepEqual(
      second.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`),
      [],
    );
    assert.equal(hooks.contextKeys()['edgo.check.01.users'], true, 'the context key that completes the step is set');
    const done = hooks.progress()['edgo.module01'] ?? [];
    for (const step of ['users-endpoint', 'user-by-id', 'check-all']) assert.ok(done.includes(step), `${step} is done: ${done.join(', ')}`);

    const module1 = hooks.learningPath().find((n) => n.id === slug);
    assert.ok(module1, 'module 1 is in the learning path');
    assert.match(module1.description ?? '', /^\d+\/\d+$/);
    assert.ok(Number(module1.description?.split('/')[0]) >= done.length);
    const steps = hooks.learningPath(module1.node);
    assert.equal(steps.find((s) => s.id === `${slug}#users-endpoint`)?.state, 'done');
    assert.equal(steps.filter((s) => s.state === 'current').length <= 1, true, 'at most one current step');
  });

  it('shows hint 1 on the first failure and hint 2 on the next, then compares the file with the solution in a diff editor', async () => {
    const target = path.join(scratch('edgo-wt-hints'), slug);
    await vscode.commands.executeCommand<ScaffoldResult>('edgo.scaffold', slug, vscode.Uri.file(target), { open: false });
    const first = await vscode.commands.executeCommand<CheckSummary>('edgo.check', slug, vscode.Uri.file(target));
    const service1 = first?.results.find((r) => r.id === 'service');
    assert.equal(service1?.status, 'fail');
    assert.deepEqual([service1?.failures, service1?.hint?.index, service1?.hint?.of], [1, 1, 3], JSON.stringify(service1));
    const second = await vscode.commands.executeCommand<CheckSummary>('edgo.check', slug, vscode.Uri.file(target));
    const service2 = second?.results.find((r) => r.id === 'service');
    assert.deepEqual([service2?.failures, service2?.hint?.index], [2, 2], JSON.stringify(service2));
    assert.match(service2?.hint?.text ?? '', /empty slice, not nil/);

    const shown = await vscode.commands.executeCommand<boolean>('edgo.compareWithSolution', slug, 'service', target, service2, { confirmed: true });
    assert.equal(shown, true);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, `the active tab is a diff editor: ${tab?.label}`);
    assert.equal(tab.input.original.fsPath, path.join(target, 'memory.go'));
    assert.equal(tab.input.modified.fsPath, path.join(moduleDir, 'solution', 'memory.go'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('asks before scaffolding over an existing file, writes nothing when declined and never overwrites', async () => {
    const target = scratch('edgo-wt-conflict');
    const mine = 'module example.com/mine\n\ngo 1.22\n';
    fs.writeFileSync(path.join(target, 'go.mod'), mine);
    const asked: string[][] = [];
    let answer = false;
    hooks.setPrompts({
      confirmKeepExisting: async (_t, conflicts) => {
        asked.push([...conflicts]);
        return answer;
      },
      pickTarget: async () => undefined,
    });

    const declined = await vscode.commands.executeCommand<ScaffoldResult>('edgo.scaffold', slug, vscode.Uri.file(target), { open: false });
    assert.deepEqual(asked, [['go.mod']], 'the learner was asked about go.mod');
    assert.equal(declined?.declined, true);
    assert.deepEqual(fs.readdirSync(target), ['go.mod'], 'nothing was written');
    assert.equal(fs.readFileSync(path.join(target, 'go.mod'), 'utf8'), mine);

    answer = true;
    const accepted = await vscode.commands.executeCommand<ScaffoldResult>('edgo.scaffold', slug, vscode.Uri.file(target), { open: false });
    assert.equal(accepted?.declined, false);
    assert.ok(!accepted?.written.includes('go.mod'));
    assert.ok(fs.existsSync(path.join(target, '.edgo-module.json')), 'the other files were copied');
    assert.equal(fs.readFileSync(path.join(target, 'go.mod'), 'utf8'), mine, 'go.mod is kept');
  });

  it('a scaffolded folder with no progress here asks once whether to restore, then records the steps its checks pass', async () => {
    // The workspace the suites run in is not scaffolded: activation offered nothing for it.
    assert.deepEqual(await hooks.offerRestore(), []);
    // The learner's work from another machine: service and errors done, the handlers not yet.
    const target = path.join(scratch('edgo-wt-restore'), slug);
    await vscode.commands.executeCommand<ScaffoldResult>('edgo.scaffold', slug, vscode.Uri.file(target), { open: false });
    for (const file of ['memory.go', 'errors.go']) fs.copyFileSync(path.join(moduleDir, 'solution', file), path.join(target, file));
    const declinedFolder = path.join(scratch('edgo-wt-restore-no'), slug);
    await vscode.commands.executeCommand<ScaffoldResult>('edgo.scaffold', slug, vscode.Uri.file(declinedFolder), { open: false });
    await vscode.commands.executeCommand('edgo.resetModuleProgress', slug);
    assert.equal(hooks.progress()['edgo.module01'], undefined, 'no progress on this machine');

    const asked: string[] = [];
    hooks.setPrompts({
      confirmKeepExisting: async () => false,
      pickTarget: async () => undefined,
      confirmRestore: async (folderName, moduleNumber) => {
        asked.push(`${folderName} ${moduleNumber}`);
        return asked.length === 2; // "Not Now" for the first folder, restore the second
      },
    });
    const offers = await hooks.offerRestore([vscode.Uri.file(declinedFolder), vscode.Uri.file(target), vscode.Uri.file(scratch('edgo-wt-plain'))]);
    assert.deepEqual(asked, [`${slug} 1`, `${slug} 1`], 'asked for each scaffolded folder, not for the plain one');
    assert.deepEqual(
      offers.map((o) => [o.folder, o.restored]),
      [
        [declinedFolder, false],
        [target, true],
      ],
    );
    const done = hooks.progress()['edgo.module01'] ?? [];
    assert.deepEqual(done.filter((s) => ['scaffold', 'types-interfaces', 'errors'].includes(s)).sort(), ['errors', 'scaffold', 'types-interfaces'], `restored: ${done.join(', ')}`);
    for (const open of ['users-endpoint', 'user-by-id', 'check-all']) assert.ok(!done.includes(open), `${open} stays open: its check fails`);
    assert.equal(hooks.contextKeys()['edgo.check.01.service'], true, 'the passing check set its context key');
    // The background run counted no failure: the learner's first own check shows hint 1.
    const own = await vscode.commands.executeCommand<CheckSummary>('edgo.check', slug, vscode.Uri.file(target));
    const users = own?.results.find((r) => r.id === 'users');
    assert.deepEqual([users?.status, users?.failures, users?.hint?.index], ['fail', 1, 1], JSON.stringify(users));

    // Asked once: not again in this session, even with the progress reset or after "Not Now".
    await vscode.commands.executeCommand('edgo.resetModuleProgress', slug);
    assert.deepEqual(await hooks.offerRestore([vscode.Uri.file(target), vscode.Uri.file(declinedFolder)]), []);
    assert.equal(asked.length, 2, 'no second question');
  });

  it('resets one module: the progress and its context keys', async () => {
    await vscode.commands.executeCommand('edgo.resetModuleProgress', slug);
    assert.equal(hooks.progress()['edgo.module01'], undefined);
    assert.equal(hooks.contextKeys()['edgo.check.01.users'], false);
    const module1 = hooks.learningPath().find((n) => n.id === slug);
    assert.equal(module1?.description, `0/${hooks.learningPath(module1?.node).length}`);
  });
});
