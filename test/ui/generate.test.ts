// The generate commands as a learner uses them, in code-server driven by Chromium:
// run "Generate Event Catalog" in the module 8 starter, follow the notification to
// a generated page; run "Generate Markdown + Mermaid Docs" and open the architecture
// page. Screenshots go to test-results/screenshots/generate-*.png.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../tools/codeServer';
import { runCommand, screenshot, settle, type Workbench } from '../tools/workbench';
import { skipWithoutCodeServer, useWorkbench } from '../tools/uiSession';

/** The notification with `text`, as a toast or, once toasts are hidden, in the notification center. */
async function notification(bench: Workbench, text: string, name: string) {
  const toast = bench.page.locator('.notification-toast', { hasText: text });
  const listed = bench.page.locator('.notifications-center .notification-list-item', { hasText: text });
  try {
    await toast.or(listed).first().waitFor({ state: 'visible', timeout: 20_000 });
    return toast.or(listed).first();
  } catch {
    await runCommand(bench.page, 'Notifications: Show Notifications');
    await listed
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 })
      .catch(async (err: unknown) => {
        await screenshot(bench.page, `${name}-failure`);
        throw err;
      });
    return listed.first();
  }
}

describe('generate commands in the workbench', { skip: skipWithoutCodeServer }, () => {
  const ui = useWorkbench('generate', 'shop', (workspace) => {
    fs.cpSync(path.join(repoRoot, 'walkthroughs', '08-event-catalog', 'starter'), workspace, { recursive: true });
    return { extensionDevelopmentPath: repoRoot };
  });
  const { workspace } = ui;

  it('generates the Event Catalog and opens a generated page from the notification', async () => {
    await runCommand(ui.bench.page, 'Event-Driven Go: Generate Event Catalog from Event YAML');
    const toast = await notification(ui.bench, 'Event Catalog updated', 'generate-catalog');
    assert.ok(fs.existsSync(path.join(workspace, 'eventcatalog', 'events', 'order-created', 'index.mdx')));
    assert.ok(fs.existsSync(path.join(workspace, 'eventcatalog', 'services', 'order-service', 'asyncapi.yaml')));
    await toast.locator('.monaco-button', { hasText: 'Open a page' }).click();
    await ui.bench.page.locator('.tabs-container .tab', { hasText: 'index.mdx' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await ui.bench.page.locator('.monaco-editor .view-line', { hasText: 'schemaPath: schema.json' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await settle(ui.bench);
    const file = await screenshot(ui.bench.page, 'generate-catalog');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
  });

  it('generates the docs and opens the architecture page with its diagrams', async () => {
    await runCommand(ui.bench.page, 'Event-Driven Go: Generate Markdown + Mermaid Docs from Event YAML');
    // The starter's README.md exists: the command asks before changing it.
    const dialog = ui.bench.page.locator('.monaco-dialog-box', { hasText: 'would change' });
    await dialog.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await dialog.innerText(), /README\.md/);
    await dialog.locator('.monaco-button', { hasText: 'Change them' }).click();
    const toast = await notification(ui.bench, 'Docs updated', 'generate-docs');
    await toast.locator('.monaco-button', { hasText: 'Open architecture' }).click();
    await ui.bench.page.locator('.monaco-editor .view-line', { hasText: 'flowchart LR' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(fs.readFileSync(path.join(workspace, 'README.md'), 'utf8'), /<!-- edgo:begin architecture -->/);
    await settle(ui.bench);
    const file = await screenshot(ui.bench.page, 'generate-docs');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
  });
});
