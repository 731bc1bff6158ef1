import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

import { extension } from '../helpers';

describe('activation', () => {
  it('is installed under its publisher id and activates on demand', async () => {
    const ext = extension();
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers every command it contributes', async () => {
    const ext = extension();
    const contributed: { command: string }[] = ext.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], 'contributed but not registered');
  });

  it('runs edgo.showWelcome without error', async () => {
    await vscode.commands.executeCommand('edgo.showWelcome');
  });
});
