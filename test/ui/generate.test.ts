// The generate commands as a learner uses them, in code-server driven by Chromium:
// run "Generate Event Catalog" in the module 8 starter, follow the notification to
// a generated page; run "Generate Markdown + Mermaid Docs" and open the architecture
// page. Screenshots go to test-results/screenshots/generate-*.png.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { codeServerInstalled, repoRoot, startCodeServer, type CodeServer } from '../tools/codeServer';
import { openWorkbench, runCommand, screenshot, settle, type Workbench } from '../tools/workbench';

/** The notification with `text`, as a toast or, once toasts are hidden, in the notification center. */
async function notification(bench: Workbench, text: string, name: string) {
  const toast = bench.page.locator('.notification-toast', { hasText: text });
  const listed = bench.page.locator('.notifications-center .notification-list-item', { hasText: text });
  try {
    await toast.or(listed).first().waitFor({ state: 'visible', timeout: 20_000 });
    return toast.or(listed).first();
  } catch {
    await runCommand(bench.page, 'Notifications: Show Notifications');
    await listed.first().waitFor({ state: 'visible', timeout: 60_000 }).catch(async (err: unknown) => {
      await screenshot(bench.page, `${name}-failure`);
      throw err;
    });
    return listed.first();
  }
}

describe('generate commands in the workbench', { skip: codeServerInstalled() ? false : 'code-server is not installed (bash test/tools/ensure-code-server.sh)' }, () => {
  let server: CodeServer;
  let bench: Workbench;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-ui-generate-'));
  const workspace = path.join(tmp, 'shop');

  before(async () => {
    fs.cpSync(path.join(repoRoot, 'walkthroughs', '08-event-catalog', 'starter'), workspace, { recursive: true });
    server = await startCodeServer({ workspace, extensionDevelopmentPath: repoRoot });
    bench = await openWorkbench(server.url);
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('generates the Event Catalog and opens a generated page from the notification', async () => {
    await runCommand(bench.page, 'Event-Driven Go: Generate Event Catalog from Event YAML');
    const toast = await notification(bench, 'Event Catalog updated', 'generate-catalog');
    assert.ok(fs.existsSync(path.join(workspace, 'eventcatalog', 'events', 'order-created', 'index.mdx')));
    assert.ok(fs.existsSync(path.join(workspace, 'eventcatalog', 'services', 'order-service', 'asyncapi.yaml')));
    await toast.locator('.monaco-button', { hasText: 'Open a page' }).click();
    await bench.page.locator('.tabs-container .tab', { hasText: 'index.mdx' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await bench.page.locator('.monaco-editor .view-line', { hasText: 'schemaPath: schema.json' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await settle(bench);
    const file = await screenshot(bench.page, 'generate-catalog');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
  });

  it('generates the docs and opens the architecture page with its diagrams', async () => {
    await runCommand(bench.page, 'Event-Driven Go: Generate Markdown + Mermaid Docs from Event YAML');
    const toast = await notification(bench, 'Docs updated', 'generate-docs');
    await toast.locator('.monaco-button', { hasText: 'Open architecture' }).click();
    await bench.page.locator('.monaco-editor .view-line', { hasText: 'flowchart LR' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(fs.readFileSync(path.join(workspace, 'README.md'), 'utf8'), /<!-- edgo:begin architecture -->/);
    await settle(bench);
    const file = await screenshot(bench.page, 'generate-docs');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
  });
});
