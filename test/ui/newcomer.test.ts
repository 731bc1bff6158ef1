// The newcomer's path of issue 19 as a learner sees it: VS Code served the way
// `npm start -- --folder=<module 1 scaffolded>` serves it (servedEnvironment), from a
// shell whose PATH lacks Go's folder while Go sits where its installer put it.
// Check my work gives real results in the Test Explorer, the lab says once where it
// found Go, and Check My Tools shows a tool only that shell's PATH has (so VS Code got
// that PATH). Screenshots: test-results/screenshots/newcomer-*.png.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyScaffold, loadModule, planScaffold } from '../../src/core/checks';
import { repoRoot } from '../tools/codeServer';
import { servedEnvironment } from '../tools/servedEnvironment';
import { runCommand, screenshot, settle } from '../tools/workbench';
import { skipWithoutCodeServer, useWorkbench } from '../tools/uiSession';

const slug = '01-go-foundations';

describe('newcomer: npm start on a scaffolded module 1, Go off the PATH', { skip: skipWithoutCodeServer }, () => {
  const ui = useWorkbench('newcomer', slug, async (workspace) => {
    const loaded = loadModule(path.join(repoRoot, 'walkthroughs'), slug);
    await applyScaffold(planScaffold(loaded.module, path.join(repoRoot, 'walkthroughs', slug, 'starter'), workspace));
    // A folder only the starting shell has on its PATH, with a tool in it.
    const shellBin = path.join(path.dirname(workspace), 'shell-bin');
    fs.mkdirSync(shellBin, { recursive: true });
    fs.writeFileSync(path.join(shellBin, 'kind'), '#!/bin/sh\necho "kind v0.22.0 go1.21.7 linux/amd64"\n', { mode: 0o755 });
    const withoutGo = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d && !fs.existsSync(path.join(d, 'go')));
    return { extensionDevelopmentPath: repoRoot, env: servedEnvironment({ PATH: [shellBin, ...withoutGo].join(path.delimiter) }) };
  });

  it("Check my work shows the starter's real results in the Test Explorer and says once where Go was found", async () => {
    const { page } = ui.bench;
    await runCommand(page, 'Event-Driven Go: Check My Work');
    await runCommand(page, 'Testing: Focus on Test Explorer View');
    const explorer = page.locator('.test-explorer');
    // the run's summary row: 2 of 7 checks pass on the starter (real results, not "install Go")
    await explorer
      .locator('.result-summary-container', { hasText: '2/7' })
      .first()
      .waitFor({ state: 'visible', timeout: 240_000 })
      .catch(async (err: unknown) => {
        await runCommand(page, 'Notifications: Show Notifications');
        await screenshot(page, 'newcomer-failure');
        throw err;
      });
    const moduleRow = explorer.locator('.monaco-list-row', { hasText: 'Go and HTTP foundations' }).first();
    if ((await moduleRow.getAttribute('aria-expanded')) !== 'true') await moduleRow.click();
    // the summary counts as results come in: wait until no check is queued or running
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.test-explorer .monaco-list-row .codicon-testing-failed-icon').length >= 5 &&
        document.querySelectorAll('.test-explorer .monaco-list-row :is(.codicon-testing-queued-icon, .codicon-testing-loading-icon)').length === 0,
      undefined,
      { timeout: 240_000 },
    );
    const failed = explorer.locator('.monaco-list-row .codicon-testing-failed-icon');
    const passed = explorer.locator('.monaco-list-row .codicon-testing-passed-icon');
    // five checks fail (service, errors, users, user-by-id, all-tests), plus the module and summary rows
    const rows = await page.evaluate(() => [...document.querySelectorAll('.test-explorer .monaco-list-row')].map((r) => `${r.textContent} | ${[...r.querySelectorAll('.codicon')].map((c) => c.className).join(',')}`));
    assert.ok((await failed.count()) >= 5, `failed rows: ${await failed.count()}\n${rows.join('\n')}`);
    assert.equal(await passed.count(), 2, 'build and vet pass');

    // Toasts hide in a headless page: read the notifications in their center.
    await runCommand(page, 'Notifications: Show Notifications');
    const center = page.locator('.notifications-center .notification-list-item');
    await center.filter({ hasText: 'Module 01: 2 of 7 checks pass' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const notice = center.filter({ hasText: 'Go is not on the PATH VS Code was started with, so the lab uses it from' });
    await notice.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await notice.count(), 1, 'told once');
    for (const button of ['Make Permanent for This Workspace', 'Make Permanent for All Workspaces']) {
      assert.equal(await notice.locator('.monaco-button', { hasText: button }).count(), 1, `the notice offers "${button}"`);
    }
    assert.equal(await center.filter({ hasText: 'was not found' }).count(), 0, 'nothing says Go is missing');
    await settle(ui.bench);
    const file = await screenshot(page, 'newcomer-test-explorer');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
  });

  it('Check My Tools finds a tool from the PATH npm start was given', async () => {
    const { page } = ui.bench;
    await runCommand(page, 'Event-Driven Go: Check My Tools');
    await runCommand(page, 'Notifications: Show Notifications');
    const attention = page.locator('.notifications-center .notification-list-item', { hasText: 'Needs attention' }).first();
    await attention.waitFor({ state: 'visible', timeout: 120_000 }).catch(async (err: unknown) => {
      await screenshot(page, 'newcomer-tools-failure');
      throw err;
    });
    const text = (await attention.textContent()) ?? '';
    // kind lives only in a folder on the PATH npm start was given: were that PATH lost, kind would be "not found"
    assert.doesNotMatch(text, /\bkind\b/, text);
    assert.doesNotMatch(text, /\bGo \(/, 'Go is ready: found where it was installed');
    await settle(ui.bench);
    await screenshot(page, 'newcomer-tools');
  });
});
