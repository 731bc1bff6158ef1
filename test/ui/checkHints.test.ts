// "Check my work" as a learner meets it when stuck, in code-server driven by
// Chromium: the first failure's notification shows hint 1, the second shows hint 2
// and offers the reference solution, which asks first and then opens VS Code's
// diff editor. Screenshots: test-results/screenshots/check-hint-*.png and check-compare-diff.png.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { markerText } from '../../src/core/checks';
import { findModule } from '../../src/core/modules';
import { repoRoot } from '../tools/codeServer';
import { runCommand, screenshot, settle } from '../tools/workbench';
import { skipWithoutCodeServer, useWorkbench } from '../tools/uiSession';

const slug = '01-go-foundations';
const go = spawnSync('sh', ['-c', 'command -v go'], { encoding: 'utf8' }).stdout.trim();

describe('Check my work: hints and the reference solution', { skip: skipWithoutCodeServer || (!go && 'go is not on PATH'), timeout: 600_000 }, () => {
  const ui = useWorkbench('check-hints', slug, (workspace) => {
    // A scaffolded starter: its marker names the module, so Check My Work needs no questions.
    fs.cpSync(path.join(repoRoot, 'walkthroughs', slug, 'starter'), workspace, { recursive: true });
    fs.writeFileSync(path.join(workspace, '.edgo-module.json'), markerText(findModule(slug)!));
    return { extensionDevelopmentPath: repoRoot, settings: { 'edgo.tools.go': go } };
  });

  const toast = (text: string) => ui.bench.page.locator('.notification-toast', { hasText: text }).first();

  it('shows hint 1, then hint 2 with the compare button, which opens a diff editor after asking', async (t) => {
    // On a failure, the screen as it was.
    t.after(() => screenshot(ui.bench.page, 'check-hints-last').then(() => undefined, () => undefined));
    await runCommand(ui.bench.page, 'Event-Driven Go: Check My Work');
    const first = toast('checks pass');
    await first.waitFor({ state: 'visible', timeout: 300_000 });
    assert.match((await first.textContent()) ?? '', /Hint 1 of 3/);
    await settle(ui.bench);
    assert.ok(fs.statSync(await screenshot(ui.bench.page, 'check-hint-1')).size > 10_000);
    await ui.bench.page.keyboard.press('Escape');

    await runCommand(ui.bench.page, 'Event-Driven Go: Check My Work');
    const second = toast('Hint 2 of');
    await second.waitFor({ state: 'visible', timeout: 300_000 });
    assert.match((await second.textContent()) ?? '', /Hint 2 of 3/);
    await settle(ui.bench);
    assert.ok(fs.statSync(await screenshot(ui.bench.page, 'check-hint-2')).size > 10_000);

    await second.locator('.monaco-button', { hasText: 'Compare with the Reference Solution' }).click();
    const dialog = ui.bench.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await dialog.textContent()) ?? '', /reveals a working answer/);
    await dialog.locator('.monaco-button', { hasText: 'Show the Solution' }).click();
    await ui.bench.page.locator('.monaco-diff-editor').first().waitFor({ state: 'visible', timeout: 60_000 });
    await ui.bench.page.locator('.tabs-container .tab', { hasText: 'memory.go' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await settle(ui.bench);
    assert.ok(fs.statSync(await screenshot(ui.bench.page, 'check-compare-diff')).size > 10_000);
  });
});
