import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

const extensionId = 'edgo-lab.event-driven-go-lab';

describe('activation', () => {
  it('is installed under its publisher id and activates on demand', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `extension ${extensionId} is not loaded`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers every command it contributes', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext);
    const contributed: { command: string }[] = ext.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], 'contributed but not registered');
  });

  it('runs edgo.showWelcome without error', async () => {
    await vscode.commands.executeCommand('edgo.showWelcome');
  });
});
