// The Event Streams view's states in code-server driven by Chromium, against a real
// nats-server started and stopped by the test on the port the workspace's .env names:
// server down at first (a clear state, no error pop-ups) and connected once it is up;
// message counts that follow what is published; a dead letter re-driven after a
// confirmation, then marked as re-driven (across a window reload), asked about again by
// name, and removed after a confirmation; no polling while the view is hidden (read from the server's own
// /connz counters); and a server that refuses the credentials, then accepts the ones
// set through "Set NATS Credentials". The tests run in order on one workbench.
// Screenshots: test-results/screenshots/inspector-state-*.png.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { runCommandThatAsks } from '../tools/askingCommand';
import { repoRoot } from '../tools/codeServer';
import { runCommand, screenshot } from '../tools/workbench';
import { skipWithoutCodeServer, useWorkbench } from '../tools/uiSession';
import { eventually, freePort, natsServer, startProcess, stop, type Proc } from '../go/realProcesses';
import { connect } from '../../src/nats/client';

const skip = skipWithoutCodeServer || (natsServer ? false : 'nats-server is not installed (apt-get install nats-server)');
const solution = path.join(repoRoot, 'walkthroughs', '05-event-driven-services', 'solution');
const inspectorName = 'edgo-vscode-inspector';

function orderCreated(id: string, quantity: number): Uint8Array {
  const data = { orderId: '0b8e6a3c-8a55-4b8c-9d1e-3d2f0f6c1a11', customerId: 'c-42', items: [{ sku: 'sku-1', quantity }], placedAt: '2026-01-31T12:00:00Z' };
  return new TextEncoder().encode(JSON.stringify({ specversion: '1.0', id, type: 'order.created', source: '/services/order', time: new Date().toISOString(), datacontenttype: 'application/json', data }));
}

/** What the server counts for the inspector's connection (PUBs it sent: each poll sends JetStream API requests) and connections ever accepted. */
async function serverCounters(monitor: number): Promise<{ inMsgs: number | undefined; subjects: readonly string[]; totalConnections: number }> {
  const connz = (await (await fetch(`http://127.0.0.1:${monitor}/connz?subs=1`)).json()) as { connections?: Array<{ name?: string; in_msgs: number; subscriptions_list?: string[] }> };
  const varz = (await (await fetch(`http://127.0.0.1:${monitor}/varz`)).json()) as { total_connections: number };
  const mine = (connz.connections ?? []).filter((c) => c.name === inspectorName);
  assert.ok(mine.length <= 1, `the inspector holds one connection, not ${mine.length}`);
  return { inMsgs: mine[0]?.in_msgs, subjects: mine[0]?.subscriptions_list ?? [], totalConnections: varz.total_connections };
}

/** Resolves once the inspector sent requests after `since` and then none for 300 ms: a refresh has just ended. */
async function refreshJustDone(monitor: number, since: number | undefined): Promise<void> {
  let last: number | undefined = await eventually(
    'a refresh of the view',
    async () => {
      const now = (await serverCounters(monitor)).inMsgs;
      return now !== since ? now : undefined;
    },
    10_000,
  );
  for (let quiet = 0; quiet < 3;) {
    await new Promise((r) => setTimeout(r, 100));
    const now = (await serverCounters(monitor)).inMsgs;
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

describe('event inspector states in the workbench', { skip }, () => {
  let nats: Proc | undefined;
  let port = 0;
  let monitor = 0;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-ui-nats-states-'));
  const store = path.join(tmp, 'store');
  const url = () => `nats://127.0.0.1:${port}`;

  const startNats = async (config?: string): Promise<void> => {
    const args = config ? ['-c', config] : ['-js', '-a', '127.0.0.1', '-p', String(port), '-m', String(monitor), '-sd', store];
    nats = startProcess('nats-server', natsServer!, args);
    await nats.waitForOutput(/Server is ready/, 20_000);
  };

  before(async () => {
    port = await freePort();
    monitor = await freePort();
  });

  const ui = useWorkbench('inspector-states', 'shop', (workspace) => {
    fs.cpSync(path.join(solution, 'events'), path.join(workspace, 'events'), { recursive: true });
    fs.writeFileSync(path.join(workspace, '.env'), `NATS_URL=${url()}\n`);
    return { extensionDevelopmentPath: repoRoot };
  });

  after(async () => {
    await stop(nats);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const view = (page: Page): Locator => page.locator('.pane', { hasText: 'Event Streams' });
  const row = (page: Page, text: string | RegExp): Locator => view(page).locator('.monaco-list-row', { hasText: text }).first();
  const failWithPicture = (page: Page, name: string) => async (err: unknown) => {
    await screenshot(page, `inspector-state-${name}-failure`);
    throw err;
  };

  it('shows a server that is down as such, without error pop-ups, and connects once it is up', async () => {
    const page = ui.bench.page;
    await runCommand(page, 'Event-Driven Go: Focus on Event Streams View');
    await row(page, 'server down').waitFor({ state: 'visible', timeout: 60_000 }).catch(failWithPicture(page, 'down'));
    assert.ok(await row(page, url()).count(), 'the state names the URL from .env');
    // Several refreshes pass (one every 3 s): the state says it, no notification does.
    await page.waitForTimeout(7000);
    assert.equal(await page.locator('.notification-toast').count(), 0, 'no notification while the server is down');
    await screenshot(page, 'inspector-state-down');

    await startNats();
    const { connect: raw } = await import('@nats-io/transport-node');
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const nc = await raw({ servers: `127.0.0.1:${port}` });
    const jsm = await jetstreamManager(nc);
    for (const [name, subject] of [
      ['ORDERS', 'order.>'],
      ['DEADLETTER', 'dlq.>'],
    ] as const) {
      await jsm.streams.add({ name, subjects: [subject] });
    }
    await nc.close();
    // Retries back off (5 s, then 10 s): connected within one pause plus a refresh.
    await row(page, 'connected (.env)').waitFor({ state: 'visible', timeout: 30_000 }).catch(failWithPicture(page, 'up'));
    await row(page, 'ORDERS').waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await page.locator('.notification-toast').count(), 0, 'no notification left behind by the retries');
  });

  it('counts the messages published while the view is open at once, not at its next poll', async () => {
    const page = ui.bench.page;
    await row(page, /ORDERS.*0 messages/).waitFor({ state: 'visible', timeout: 10_000 });
    // Polls a minute apart: what updates the count within seconds is the published message itself.
    const settings = path.join(ui.workspace, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    const polled = (await serverCounters(monitor)).inMsgs;
    fs.writeFileSync(settings, JSON.stringify({ 'edgo.inspector.refreshSeconds': 60 }));
    // Publish right after a refresh (the one the setting starts; a poll, were the setting ignored),
    // so that no poll can bring the count before the deadline below.
    await refreshJustDone(monitor, polled);
    const session = await connect({ url: url() });
    try {
      for (const id of ['count-1', 'count-2']) await session.publish('order.created', orderCreated(id, 1), { 'Nats-Msg-Id': id });
      await row(page, /ORDERS.*2 messages/)
        .waitFor({ state: 'visible', timeout: 2000 })
        .catch(failWithPicture(page, 'counts'));
      await screenshot(page, 'inspector-state-counts');
      await session.publish('order.created', orderCreated('count-3', 1), { 'Nats-Msg-Id': 'count-3' });
      await row(page, /ORDERS.*3 messages/)
        .waitFor({ state: 'visible', timeout: 2000 })
        .catch(failWithPicture(page, 'counts-again'));
    } finally {
      await session.close();
      fs.rmSync(settings);
    }
  });

  it('re-drives a dead letter to its original subject after a confirmation', async () => {
    const page = ui.bench.page;
    const session = await connect({ url: url() });
    try {
      await session.publish('dlq.order.created', orderCreated('dead-1', 0), { 'Nats-Msg-Id': 'dead-1', 'Edgo-Original-Subject': 'order.created', 'Edgo-Error': 'items.0.quantity must be >= 1' });
      const dead = row(page, '#1 order.created');
      await dead.waitFor({ state: 'visible', timeout: 15_000 }).catch(failWithPicture(page, 'dead-letter'));
      await row(page, /DEADLETTER.*1 message\b/).waitFor({ state: 'visible', timeout: 10_000 });
      await dead.hover();
      await dead.locator('.action-label[aria-label^="Re-drive"]').click();
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'Re-publish dead letter #1 of DEADLETTER to order.created?' });
      await dialog.waitFor({ state: 'visible', timeout: 15_000 }).catch(failWithPicture(page, 'confirm'));
      assert.match((await dialog.textContent()) ?? '', /items\.0\.quantity must be >= 1/, 'the confirmation says why it was dead-lettered');
      await screenshot(page, 'inspector-state-redrive-confirm');
      await dialog.locator('.monaco-button', { hasText: 'Re-drive' }).first().click();
      await row(page, /ORDERS.*4 messages/)
        .waitFor({ state: 'visible', timeout: 15_000 })
        .catch(failWithPicture(page, 'redriven'));
      const back = await session.getMessage('ORDERS', 4);
      assert.equal(back?.subject, 'order.created');
      assert.deepEqual(back?.headers?.['Edgo-Redriven-From'], ['DEADLETTER#1']);
      assert.equal(back?.headers?.['Edgo-Original-Subject'], undefined, 'the dead-letter headers are not carried back');
      assert.equal((JSON.parse(new TextDecoder().decode(back?.data)) as { id: string }).id, 'dead-1', 'the same event went back');
      // The dead letter stays, marked: when, to which subject and stream sequence.
      const marked = row(page, /#1 order\.created ✓ re-driven.*→ order\.created \(ORDERS #4\) at \d\d:\d\d:\d\d/);
      await marked.waitFor({ state: 'visible', timeout: 15_000 }).catch(failWithPicture(page, 'marked'));
      await screenshot(page, 'inspector-state-redriven');
    } finally {
      await session.close();
    }
  });

  it('keeps the mark across a window reload, asks again naming the earlier re-drive, and removes the handled dead letter after a confirmation', async () => {
    const page = ui.bench.page;
    const markedText = /#1 order\.created ✓ re-driven.*→ order\.created \(ORDERS #4\) at /;
    // Reloading restarts the workbench and the extension host: the mark comes from the workspace state.
    await page.reload();
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 120_000 });
    await runCommand(page, 'Event-Driven Go: Focus on Event Streams View');
    const dead = row(page, markedText);
    await dead.waitFor({ state: 'visible', timeout: 60_000 }).catch(failWithPicture(page, 'reloaded'));
    await screenshot(page, 'inspector-state-redriven-reloaded');

    await dead.hover();
    await dead.locator('.action-label[aria-label^="Re-drive"]').click();
    const again = page.locator('.monaco-dialog-box', { hasText: 'Dead letter #1 of DEADLETTER was already re-driven' });
    await again.waitFor({ state: 'visible', timeout: 15_000 }).catch(failWithPicture(page, 'again'));
    assert.match((await again.textContent()) ?? '', /to order\.created \(ORDERS #4\)\. Re-drive it again\?/, 'the question names the earlier re-drive');
    await screenshot(page, 'inspector-state-redrive-again');
    await again.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
    await again.waitFor({ state: 'hidden', timeout: 10_000 });
    await row(page, /ORDERS.*4 messages/).waitFor({ state: 'visible', timeout: 10_000 });

    await dead.hover();
    await dead.locator('.action-label[aria-label^="Remove Dead Letter"]').click();
    const remove = page.locator('.monaco-dialog-box', { hasText: 'Remove dead letter #1 (order.created) from DEADLETTER?' });
    await remove.waitFor({ state: 'visible', timeout: 15_000 }).catch(failWithPicture(page, 'remove'));
    assert.match((await remove.textContent()) ?? '', /It was re-driven .* \(ORDERS #4\)\. The copy there stays/);
    await screenshot(page, 'inspector-state-remove-confirm');
    await remove
      .locator('.monaco-button', { hasText: /^Remove$/ })
      .first()
      .click();
    await row(page, /DEADLETTER.*0 messages/)
      .waitFor({ state: 'visible', timeout: 15_000 })
      .catch(failWithPicture(page, 'removed'));
    assert.equal(await view(page).locator('.monaco-list-row', { hasText: '#1 order.created' }).count(), 0, 'the dead letter is gone from the view');
    const session = await connect({ url: url() });
    try {
      assert.equal(await session.getMessage('DEADLETTER', 1), undefined, 'and from the server');
      assert.ok(await session.getMessage('ORDERS', 4), 'the re-driven copy stays');
    } finally {
      await session.close();
    }
    await screenshot(page, 'inspector-state-dead-letter-removed');
  });

  it('stops asking the server while the view is hidden, and starts again when shown', async () => {
    const page = ui.bench.page;
    const first = await serverCounters(monitor);
    assert.ok(first.inMsgs !== undefined, 'the inspector is connected');
    await page.waitForTimeout(7000);
    const visible = await serverCounters(monitor);
    assert.ok(visible.inMsgs! > first.inMsgs!, `polls while visible (${first.inMsgs} → ${visible.inMsgs} requests)`);
    assert.equal(visible.totalConnections, first.totalConnections, 'polling reuses its connection');
    assert.ok(visible.subjects.includes('order.>'), `listens for new messages while visible (${visible.subjects.join(' ')})`);

    await runCommand(page, 'View: Show Explorer');
    await view(page).waitFor({ state: 'hidden', timeout: 10_000 });
    await page.waitForTimeout(1000); // a refresh already under way ends
    const hidden = await serverCounters(monitor);
    await page.waitForTimeout(9000); // three refresh periods
    const later = await serverCounters(monitor);
    await screenshot(page, 'inspector-state-hidden');
    assert.equal(later.inMsgs, hidden.inMsgs, `no request while hidden (${hidden.inMsgs} → ${later.inMsgs})`);
    assert.deepEqual(
      later.subjects.filter((x) => !x.startsWith('_INBOX.')),
      [],
      'nor a subscription to the streams',
    );

    await runCommand(page, 'Event-Driven Go: Focus on Event Streams View');
    await eventually('a poll once shown again', async () => ((await serverCounters(monitor)).inMsgs! > later.inMsgs! ? true : undefined), 10_000);
  });

  it('shows credentials refused, asks nothing on its own, and connects with the credentials set in the view', async () => {
    const page = ui.bench.page;
    await stop(nats);
    const config = path.join(tmp, 'auth.conf');
    fs.writeFileSync(config, `listen: 127.0.0.1:${port}\nhttp: 127.0.0.1:${monitor}\njetstream { store_dir: "${store}" }\nauthorization { user: learner, password: "s3cret-pass" }\n`);
    await startNats(config);
    await row(page, 'credentials refused').waitFor({ state: 'visible', timeout: 40_000 }).catch(failWithPicture(page, 'refused'));
    // Refused is final until the learner acts: no new connection attempts, no pop-ups.
    const before = await serverCounters(monitor);
    await page.waitForTimeout(7000);
    const after = await serverCounters(monitor);
    assert.equal(after.totalConnections, before.totalConnections, 'no retry while the credentials are refused');
    assert.equal(await page.locator('.notification-toast').count(), 0, 'no notification while refused');
    await screenshot(page, 'inspector-state-refused');

    await runCommandThatAsks(page, 'Event-Driven Go: Set NATS Credentials', 'Credentials for');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('User and password');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'User for' }).waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('learner');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Password of learner' }).waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('s3cret-pass');
    await page.keyboard.press('Enter');
    await row(page, 'connected (.env)').waitFor({ state: 'visible', timeout: 20_000 }).catch(failWithPicture(page, 'credentials'));
    await row(page, /ORDERS.*4 messages/).waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'inspector-state-credentials-accepted');
    // Never in the settings files.
    const settings = path.join(ui.workspace, '.vscode', 'settings.json');
    if (fs.existsSync(settings)) assert.doesNotMatch(fs.readFileSync(settings, 'utf8'), /s3cret-pass/);
  });
});
