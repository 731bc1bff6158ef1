import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vscode from 'vscode';

import { extension, figures } from '../helpers';

describe('activation', () => {
  it('is installed under its publisher id and activates on demand', async () => {
    const ext = extension();
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('loads and activates cheaply: the heavy parts (YAML, Ajv, schemas, language client) wait for first use', async () => {
    const ext = extension();
    const api = await ext.activate();
    const timing = api.activationTiming;
    assert.ok(timing, 'activate() reports its timing');
    // Loading again in this very extension host (the real `vscode` module): read, compile and run dist/extension.js.
    const file = path.join(ext.extensionPath, 'dist', 'extension.js');
    const load = createRequire(__filename);
    const cached = load.cache[file];
    delete load.cache[file];
    const started = performance.now();
    load(file);
    const loadMs = performance.now() - started;
    if (cached) load.cache[file] = cached;
    const total = loadMs + timing.activateMs;
    figures.push(`activation in real VS Code: load dist/extension.js ${loadMs.toFixed(1)} ms (its module code ${timing.moduleMs.toFixed(1)} ms) + activate ${timing.activateMs.toFixed(1)} ms = ${total.toFixed(1)} ms (target 50 ms)`);
    // Generous: the shared test machine is often loaded several times over.
    assert.ok(total < 300, `load + activate took ${total.toFixed(1)} ms`);
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
