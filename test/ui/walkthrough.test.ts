// The walkthrough page and the learning-path view as a learner sees them, in
// code-server driven by Chromium: steps complete on real events (opening a
// reading step, running a command), the learning-path view shows progress and
// opens steps. Screenshots go to test-results/screenshots/walkthrough-*.png.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { repoRoot } from '../tools/codeServer';
import { prepareSampleWorkspace } from '../tools/sampleWorkspace';
import { runCommand, screenshot, settle, type Workbench } from '../tools/workbench';
import { skipWithoutCodeServer, useWorkbench } from '../tools/uiSession';

const stepId = (id: string) => `edgo-lab.event-driven-go-lab#edgo.module01#${id}`;
const stepButton = (bench: Workbench, id: string) => bench.page.locator(`button.getting-started-step[data-step-id="${stepId(id)}"]`);

describe('walkthrough page and learning-path view', { skip: skipWithoutCodeServer }, () => {
  const ui = useWorkbench('walkthrough', 'workspace', (workspace) => {
    prepareSampleWorkspace(workspace);
    return { extensionDevelopmentPath: repoRoot };
  });

  it('shows module 1 and completes steps on viewing a reading step and on running a command', async () => {
    await runCommand(ui.bench.page, 'Event-Driven Go: Welcome');
    const install = stepButton(ui.bench, 'install-go');
    await install.waitFor({ state: 'visible', timeout: 60_000 });
    assert.notEqual(await install.getAttribute('aria-checked'), 'true', 'install-go is open before the tool check runs');

    // A reading step completes when it is opened (onStepSelected).
    const reading = stepButton(ui.bench, 'modules-packages');
    await reading.click();
    await ui.bench.page.waitForSelector(`button.getting-started-step[data-step-id="${stepId('modules-packages')}"][aria-checked="true"]`, { timeout: 30_000 });
    // A hands-on step does not complete by being viewed.
    const handsOn = stepButton(ui.bench, 'users-endpoint');
    await handsOn.click();
    await settle(ui.bench);
    assert.notEqual(await handsOn.getAttribute('aria-checked'), 'true', 'users-endpoint completes only when its check passes');

    // install-go completes on onCommand:edgo.preflight, run as a learner does: the
    // "Check my tools" button of the step (a command link in its description).
    await install.click();
    await install.locator('.button-container .monaco-button', { hasText: 'Check my tools' }).first().click();
    // The tool check may open its report beside; back to the walkthrough's tab.
    await ui.bench.page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first().click();
    await ui.bench.page.waitForSelector(`button.getting-started-step[data-step-id="${stepId('install-go')}"][aria-checked="true"]`, { timeout: 60_000 });
    // Show the hands-on step again (a click on the step already open does nothing: it is disabled).
    const again = stepButton(ui.bench, 'users-endpoint');
    // Opening the tool report beside can send the Welcome page back to its list, now or a
    // moment later: until module 1's steps are enabled again, open it again.
    const enabledStep = `button.getting-started-step[data-step-id="${stepId('users-endpoint')}"]:not([disabled])`;
    for (let attempt = 1; ; attempt++) {
      const shown = await ui.bench.page.waitForSelector(enabledStep, { timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (shown) break;
      if (attempt > 6) throw new Error("module 1's steps never came back after the tool check");
      await runCommand(ui.bench.page, 'Event-Driven Go: Welcome');
    }
    if ((await again.getAttribute('aria-expanded')) !== 'true') await again.click();
    // The step's Markdown media renders in a webview: nested iframes, the inner one `#active-frame`.
    const media = ui.bench.page.frameLocator('.getting-started-media iframe').frameLocator('iframe#active-frame');
    await media.locator('h1, h2, h3, p').first().waitFor({ state: 'visible', timeout: 60_000 });
    await settle(ui.bench);
    const file = await screenshot(ui.bench.page, 'walkthrough-module01');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
  });

  it('lists the modules with progress in the learning-path view and opens a step on click', async () => {
    await runCommand(ui.bench.page, 'Event-Driven Go: Focus on Learning Path View');
    const view = ui.bench.page.locator('.pane', { has: ui.bench.page.locator('.pane-header', { hasText: 'Learning Path' }) });
    const module1 = view.locator('.monaco-list-row', { hasText: '01 Go and HTTP foundations' });
    await module1.waitFor({ state: 'visible', timeout: 60_000 });
    for (const title of ['02 Clean Architecture', '03 Domain-Driven Design', '04 Event-driven architecture']) {
      assert.equal(await view.locator('.monaco-list-row', { hasText: title }).count(), 1, `${title} is listed`);
    }
    // Module 1 is current: expanded, its steps listed.
    const stepRow = view.locator('.monaco-list-row', { hasText: 'Types, methods and interfaces' });
    await stepRow.waitFor({ state: 'visible', timeout: 30_000 });
    const cliRow = view.locator('.monaco-list-row', { hasText: 'CLI vs HTTP' });
    await cliRow.click();
    // The click opens that step of the walkthrough, and a reading step opened is done.
    await ui.bench.page.waitForSelector(`button.getting-started-step[data-step-id="${stepId('cli-vs-http')}"][aria-checked="true"]`, { timeout: 60_000 });
    await view.locator('.monaco-list-row', { hasText: 'CLI vs HTTP' }).filter({ hasText: 'done' }).waitFor({ state: 'visible', timeout: 30_000 });
    // The tool check ran earlier (install-go), and a reading step before a done one counts as read.
    for (const title of ['Install Go and check your tools', 'Modules and packages']) {
      await view.locator('.monaco-list-row', { hasText: title }).filter({ hasText: 'done' }).waitFor({ state: 'visible', timeout: 30_000 });
    }
    assert.match((await module1.textContent()) ?? '', /(^|\D)3\/9$/);
    await ui.bench.page.frameLocator('.getting-started-media iframe').frameLocator('iframe#active-frame').locator('h1, h2, h3, p').first().waitFor({ state: 'visible', timeout: 60_000 });
    await settle(ui.bench);
    const file = await screenshot(ui.bench.page, 'walkthrough-learning-path');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
    assert.deepEqual(
      ui.bench.consoleErrors.filter((e) => /edgo|event-driven-go/i.test(e)),
      [],
      'no console error from the extension',
    );
  });

  it('keeps the progress across a window reload', async () => {
    // Reloading the page restarts the workbench and the extension host of code-server;
    // the sidebar comes back with the learning-path view, which reads globalState again.
    await ui.bench.page.reload();
    const view = ui.bench.page.locator('.pane', { has: ui.bench.page.locator('.pane-header', { hasText: 'Learning Path' }) });
    await view.locator('.monaco-list-row', { hasText: 'CLI vs HTTP' }).filter({ hasText: 'done' }).waitFor({ state: 'visible', timeout: 120_000 });
    // VS Code kept its own checkmarks too: open the walkthrough from the view and look.
    await view.locator('.monaco-list-row', { hasText: 'Modules and packages' }).click();
    await ui.bench.page.waitForSelector(`button.getting-started-step[data-step-id="${stepId('cli-vs-http')}"][aria-checked="true"]`, { timeout: 60_000 });
    await ui.bench.page.waitForSelector(`button.getting-started-step[data-step-id="${stepId('install-go')}"][aria-checked="true"]`, { timeout: 60_000 });
  });
});
