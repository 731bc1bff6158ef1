// Hints one at a time and the reference diff, as a learner sees them in VS Code:
// module 1's starter scaffolded and opened, served with the shell's PATH (so the
// extension host finds Go; `edgo.tools.go` is machine-scoped and ignored in
// code-server's user settings). The first Check my work shows hint 1 of the first
// failing check, the second shows hint 2 and offers the reference solution, which
// asks before opening a diff editor. Before all that, the folder has no progress on
// this fresh profile, so activation asks once whether to restore it. Screenshots: test-results/screenshots/check-hints-*.png.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { applyScaffold, loadModule, planScaffold } from '../../src/core/checks';
import { repoRoot } from '../tools/codeServer';
import { servedEnvironment } from '../tools/servedEnvironment';
import { runCommand, screenshot, settle } from '../tools/workbench';
import { skipWithoutCodeServer, useWorkbench } from '../tools/uiSession';

const slug = '01-go-foundations';
const summary = 'Module 01: 2 of 7 checks pass. MemoryService lists and gets users';

/** Runs Check my work and waits for its summary notification holding `hint`; fails with a screenshot. */
async function checkAndWaitForHint(page: Page, hint: string, name: string): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await runCommand(page, 'Event-Driven Go: Check My Work');
  await runCommand(page, 'Notifications: Show Notifications');
  const notice = page.locator('.notifications-center .notification-list-item', { hasText: summary }).filter({ hasText: hint });
  await notice
    .first()
    .waitFor({ state: 'visible', timeout: 240_000 })
    .catch(async (err: unknown) => {
      await screenshot(page, `${name}-failure`);
      throw err;
    });
}

/** Every notification's text, in the center (opened for it) and the toasts: what a failure says was there. */
async function notificationTexts(page: Page): Promise<string[]> {
  await runCommand(page, 'Notifications: Show Notifications', 30_000).catch(() => undefined);
  return (await page.locator('.notification-list-item').allTextContents()).map((t) => t.trim());
}

/**
 * Waits for a notification holding `text` and returns it in the notifications center.
 * It may come as a toast that hides again, or while the center is closed (VS Code closes
 * the center when its list empties, as at start-up when a transient notice goes): the
 * center is opened again while waiting. Only a notice that never comes fails, naming
 * what was shown instead, with a screenshot.
 */
async function waitForNotification(page: Page, text: string, timeoutMs: number, failureShot: string): Promise<Locator> {
  const inCenter = page.locator('.notifications-center .notification-list-item', { hasText: text });
  const anywhere = page.locator('.notification-list-item', { hasText: text });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await page.locator('.notifications-center.visible').isVisible())) await runCommand(page, 'Notifications: Show Notifications');
    const seen = await anywhere
      .first()
      .waitFor({ state: 'visible', timeout: Math.max(1, Math.min(10_000, deadline - Date.now())) })
      .then(() => true)
      .catch(() => false);
    if (seen) {
      // A toast hides once the center opens; the center holds every notification.
      if (!(await inCenter.first().isVisible())) await runCommand(page, 'Notifications: Show Notifications');
      await inCenter.first().waitFor({ state: 'visible', timeout: 30_000 });
      return inCenter;
    }
  }
  await screenshot(page, failureShot);
  throw new Error(`no notification "${text}" within ${timeoutMs / 1000} s; shown: ${JSON.stringify(await notificationTexts(page))}`);
}

describe('Check my work: hints one at a time and the reference diff', { skip: skipWithoutCodeServer }, () => {
  const ui = useWorkbench('check-hints', slug, async (workspace) => {
    const loaded = loadModule(path.join(repoRoot, 'walkthroughs'), slug);
    await applyScaffold(planScaffold(loaded.module, path.join(repoRoot, 'walkthroughs', slug, 'starter'), workspace));
    return { extensionDevelopmentPath: repoRoot, env: servedEnvironment() };
  });

  it('asks once after activation whether to restore the progress of the scaffolded folder', async () => {
    const { page } = ui.bench;
    const offer = await waitForNotification(page, 'with no progress on this machine', 180_000, 'check-hints-restore-failure');
    assert.match((await offer.first().textContent()) ?? '', /01-go-foundations is Module 1 \(Go and HTTP foundations\)/);
    assert.equal(await offer.count(), 1, 'asked once');
    await settle(ui.bench);
    await screenshot(page, 'check-hints-restore-offer');
    // Declined here: the hints below count only the learner's own runs.
    await offer.first().locator('.monaco-button', { hasText: 'Not Now' }).click();
    await offer.first().waitFor({ state: 'hidden', timeout: 30_000 });
  });

  it('shows the first hint of the failing check on the first failure', async () => {
    const { page } = ui.bench;
    await checkAndWaitForHint(page, 'Hint 1 of 3: List must return a copy', 'check-hints-first');
    const notice = page.locator('.notifications-center .notification-list-item', { hasText: summary });
    // Not offered yet: the learner tries with the hint first.
    assert.equal(await notice.locator('.monaco-button', { hasText: 'Compare with the Reference Solution' }).count(), 0, 'no compare after one failure');
    await settle(ui.bench);
    const file = await screenshot(page, 'check-hints-first');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
  });

  it('shows the next hint in the notification and the Test Results when the same check fails again', async () => {
    const { page } = ui.bench;
    await checkAndWaitForHint(page, 'Hint 2 of 3: An empty store must give an empty slice, not nil', 'check-hints-second');
    await settle(ui.bench);
    await screenshot(page, 'check-hints-second');
    // The Test Results view lists the failed check's messages: the hint is one of them.
    await runCommand(page, 'Focus on Test Results View');
    await page
      .locator('.monaco-list-row', { hasText: 'MemoryService lists and gets users' })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 })
      .catch(() => undefined);
    await page
      .locator('.monaco-list-row', { hasText: 'Hint 2 of 3' })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 })
      .catch(async (err: unknown) => {
        await screenshot(page, 'check-hints-results-failure');
        throw err;
      });
    // The notifications would cover the results tree.
    await runCommand(page, 'Notifications: Hide Notifications');
    await settle(ui.bench);
    await screenshot(page, 'check-hints-test-results');
  });

  it('offers the reference solution after two failures, asks first, then opens a diff editor', async () => {
    const { page } = ui.bench;
    await runCommand(page, 'Notifications: Show Notifications');
    const notice = page.locator('.notifications-center .notification-list-item', { hasText: summary }).filter({ hasText: 'Hint 2 of 3' }).first();
    await notice.locator('.monaco-button', { hasText: 'Compare with the Reference Solution' }).click();
    // The command asks in a modal before it reveals anything.
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await dialog.textContent()) ?? '', /Compare your memory\.go with the reference solution\?/);
    await settle(ui.bench);
    await screenshot(page, 'check-hints-compare-ask');
    await dialog.locator('.monaco-button', { hasText: 'Show the Solution' }).click();
    await page.locator('.monaco-diff-editor').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.tabs-container .tab', { hasText: 'memory.go: yours ↔ reference solution' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // Both sides hold code: the learner's starter and the solution's List.
    await page.locator('.monaco-diff-editor .view-line', { hasText: 'func (s *MemoryService) List' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await settle(ui.bench);
    const file = await screenshot(page, 'check-hints-compare-diff');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
    await runCommand(page, 'Notifications: Show Notifications');
    assert.equal(await page.locator('.notifications-center .notification-list-item', { hasText: 'with no progress on this machine' }).count(), 0, 'the restore question was not asked again');
    assert.deepEqual(
      // the throwaway profile's path (/tmp/edgo-vscode-*) is not the extension
      ui.bench.consoleErrors.filter((e) => /edgo|event-driven-go/i.test(e.replace(/edgo-vscode-\w+/g, ''))),
      [],
      'no console error from the extension',
    );
  });
});
