// The event inspector as a learner sees it, in code-server driven by Chromium: a real
// nats-server with module 5's streams and a durable consumer, the workspace holding
// module 5's event YAML and a .env naming the server. The Event Streams view lists the
// streams; a live tail shows one valid and one invalid order.created, the invalid one
// with its schema error and the contract line. Screenshots: test-results/screenshots/inspector-*.png.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCommandThatAsks } from '../tools/askingCommand';
import { repoRoot } from '../tools/codeServer';
import { runCommand, screenshot, settle } from '../tools/workbench';
import { skipWithoutCodeServer, useWorkbench } from '../tools/uiSession';
import { freePort, natsServer, startProcess, stop, type Proc } from '../go/realProcesses';
import { connect } from '../../src/nats/client';

const skip = skipWithoutCodeServer || (natsServer ? false : 'nats-server is not installed (apt-get install nats-server)');
const solution = path.join(repoRoot, 'walkthroughs', '05-event-driven-services', 'solution');

function envelope(id: string, data: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ specversion: '1.0', id, type: 'order.created', source: '/services/order', time: new Date().toISOString(), subject: id, datacontenttype: 'application/json', data }));
}

describe('event inspector in the workbench', { skip }, () => {
  let nats: Proc | undefined;
  let port = 0;
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-ui-nats-'));

  before(async () => {
    port = await freePort();
    nats = startProcess('nats-server', natsServer!, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', store]);
    await nats.waitForOutput(/Server is ready/, 20_000);
    // Module 5's streams and Inventory's durable consumer, as the services create them.
    const { connect: raw } = await import('@nats-io/transport-node');
    const { jetstreamManager, AckPolicy } = await import('@nats-io/jetstream');
    const nc = await raw({ servers: `127.0.0.1:${port}` });
    const jsm = await jetstreamManager(nc);
    for (const [name, subject] of [
      ['ORDERS', 'order.>'],
      ['INVENTORY', 'inventory.>'],
      ['DEADLETTER', 'dlq.>'],
    ] as const) {
      await jsm.streams.add({ name, subjects: [subject] });
    }
    await jsm.consumers.add('ORDERS', { durable_name: 'inventory_order-created', filter_subject: 'order.created', ack_policy: AckPolicy.Explicit });
    await nc.close();
  });

  const ui = useWorkbench('inspector', 'shop', (workspace) => {
    fs.cpSync(path.join(solution, 'events'), path.join(workspace, 'events'), { recursive: true });
    fs.writeFileSync(path.join(workspace, '.env'), `NATS_URL=nats://127.0.0.1:${port}\n`);
    return { extensionDevelopmentPath: repoRoot };
  });

  after(async () => {
    await stop(nats);
    fs.rmSync(store, { recursive: true, force: true });
  });

  it('lists the streams and tails one valid and one invalid order.created', async () => {
    const page = ui.bench.page;
    await runCommand(page, 'Event-Driven Go: Focus on Event Streams View');
    const tree = page.locator('.pane', { hasText: 'Event Streams' });
    await tree
      .locator('.monaco-list-row', { hasText: 'ORDERS' })
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 })
      .catch(async (err: unknown) => {
        await screenshot(page, 'inspector-view-failure');
        throw err;
      });
    await tree.locator('.monaco-list-row', { hasText: 'inventory_order-created' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(await tree.locator('.monaco-list-row', { hasText: `connected (.env)` }).count(), 'the server was found in .env');

    await runCommandThatAsks(page, 'Event-Driven Go: Tail Events (NATS JetStream)', 'Tail events');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('order.>');
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: 'Events: order.>' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await frame.locator('#state', { hasText: 'Tailing ORDERS' }).waitFor({ state: 'visible', timeout: 30_000 });

    const session = await connect({ url: `nats://127.0.0.1:${port}` });
    try {
      const good = { orderId: '0b8e6a3c-8a55-4b8c-9d1e-3d2f0f6c1a11', customerId: 'c-42', items: [{ sku: 'sku-1', quantity: 2 }], placedAt: '2026-01-31T12:00:00Z' };
      await session.publish('order.created', envelope('ok-1', good), { 'Nats-Msg-Id': 'ok-1', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
      await session.publish('order.created', envelope('bad-1', { ...good, items: [{ sku: 'sku-1', quantity: 0 }] }), { 'Nats-Msg-Id': 'bad-1' });
    } finally {
      await session.close();
    }
    await frame.locator('td.valid').first().waitFor({ state: 'visible', timeout: 30_000 });
    const invalid = frame.locator('td.invalid').first();
    await invalid.waitFor({ state: 'visible', timeout: 30_000 });
    await frame.locator('#summary', { hasText: '2 messages: 1 ✓ valid, 1 ✗ invalid' }).waitFor({ state: 'visible', timeout: 10_000 });
    await frame.locator('#summary', { hasText: 'Contract violations: order.created ×1' }).waitFor({ state: 'visible', timeout: 10_000 });
    await invalid.click();
    const link = frame.locator('#details a', { hasText: 'events/order.created.yaml:' });
    await link.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await frame.locator('#details').textContent()) ?? '', /items\.0\.quantity must be >= 1/);
    await settle(ui.bench);
    const file = await screenshot(page, 'inspector-tail');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');

    // The link opens the contract at the rule's line.
    await link.click();
    await page.locator('.tabs-container .tab', { hasText: 'order.created.yaml' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.monaco-editor .view-line', { hasText: 'quantity: { type: integer, minimum: 1 }' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await settle(ui.bench);
    await screenshot(page, 'inspector-contract');
  });

  it('shows a dropped connection as reconnecting, and connected again when the server is back', async () => {
    const page = ui.bench.page;
    const tree = page.locator('.pane', { hasText: 'Event Streams' });
    await stop(nats);
    await tree.locator('.monaco-list-row', { hasText: 'reconnecting' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Events: order.>' }).first().click();
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await frame.locator('#state', { hasText: 'reconnecting' }).waitFor({ state: 'visible', timeout: 30_000 });
    // No settle(): the reconnecting icon spins for as long as the server is away.
    await page.waitForTimeout(500);
    await screenshot(page, 'inspector-reconnecting');
    nats = startProcess('nats-server', natsServer!, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', store]);
    await nats.waitForOutput(/Server is ready/, 20_000);
    await tree.locator('.monaco-list-row', { hasText: 'connected (.env)' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await frame.locator('#state', { hasText: 'Tailing ORDERS' }).waitFor({ state: 'visible', timeout: 30_000 });
  });

  it("publishes a sample order.created from the contract's example, and the tail shows it valid", async () => {
    const page = ui.bench.page;
    const input = page.locator('.quick-input-widget .quick-input-box input');
    // Seen once in CI: the question closed by itself right after it opened (element inert, then hidden).
    // Asked again once, with a screenshot of what was on screen, so a question that keeps closing still fails.
    for (let attempt = 0; ; attempt++) {
      await runCommandThatAsks(page, 'Event-Driven Go: Publish a Sample Event', 'Publish a sample event');
      try {
        await input.fill('order.created', { timeout: 10_000 });
        break;
      } catch (err) {
        await screenshot(page, `inspector-publish-question-closed-${attempt}`);
        if (attempt >= 1) throw err;
        console.log('the publish question closed before it was answered; asking again');
        await page.keyboard.press('Escape');
      }
    }
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'order.created' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-line', { hasText: '"customerId": "c-42"' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // The question is a toast, or (once toasts are hidden) an entry of the notification center.
    const ask = (where: string) => page.locator(where, { hasText: 'then publish it to NATS' }).locator('.monaco-button', { hasText: 'Publish' }).first();
    const button = ask('.notification-toast').or(ask('.notifications-center .notification-list-item'));
    try {
      await button.waitFor({ state: 'visible', timeout: 15_000 });
    } catch {
      await runCommand(page, 'Notifications: Show Notifications');
      await button.waitFor({ state: 'visible', timeout: 30_000 }).catch(async (err: unknown) => {
        await screenshot(page, 'inspector-publish-failure');
        throw err;
      });
    }
    await button.click();
    // Its confirmation toast may be folded into the notification center; the tail is the proof.
    await page.locator('.tabs-container .tab', { hasText: 'Events: order.>' }).first().click();
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await frame.locator('#summary', { hasText: '3 messages: 2 ✓ valid, 1 ✗ invalid' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(500);
    await screenshot(page, 'inspector-published');
  });
});
