/**
 * Module 5's reference solution against a REAL nats-server process (Debian's
 * package): the two services are built and started as processes, an order is
 * POSTed over HTTP and Inventory's reservation is observed through both APIs.
 * Skips with a message where `go` or `nats-server` is not installed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, freePort, natsServer, skipWithoutGoAndNats as skip, startProcess, stop, type Proc } from './realProcesses';

const repoRoot = path.resolve(__dirname, '..', '..');
const solution = path.join(repoRoot, 'walkthroughs', '05-event-driven-services', 'solution');

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** 200 from GET url, or a throw naming what came instead (kept by `eventually` for its timeout message). */
async function expectOk(url: string): Promise<true> {
  const { status, body } = await getJson(url);
  if (status !== 200) throw new Error(`${url} answered ${status} ${JSON.stringify(body)}`);
  return true;
}

describe('module 5 solution on a real nats-server', { skip, timeout: 300_000 }, () => {
  let tmp = '';
  let nats: Proc | undefined;
  let order: Proc | undefined;
  let inventory: Proc | undefined;
  let orderUrl = '';
  let inventoryUrl = '';
  const beforeNats: number[][] = [];
  let natsMonitorUrl = '';
  /** The end of every process's output, for a failure message: the services log each broker connection change. */
  const logs = (): string =>
    Object.entries({ order, inventory, 'nats-server': nats })
      .map(([name, p]) => `--- ${name}${p?.child.exitCode != null ? ` (exited ${p.child.exitCode})` : ''}\n${p?.output.slice(-4000) ?? '(not started)'}`)
      .join('\n');
  /** What the server sees: its client connections and JetStream streams (from its monitoring port). */
  async function serverView(): Promise<string> {
    const view = async (endpoint: string): Promise<string> => {
      try {
        return `--- nats-server ${endpoint}\n${(await (await fetch(`${natsMonitorUrl}/${endpoint}`)).text()).slice(0, 3000)}`;
      } catch (err) {
        return `--- nats-server ${endpoint}: ${String(err)}`;
      }
    };
    return natsMonitorUrl ? `${await view('connz')}\n${await view('jsz?streams=true')}` : '';
  }
  /** Runs a step and, when it fails, adds the processes' output and the server's view to the error. */
  async function withLogs<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (err) {
      throw new Error(`${err instanceof Error ? err.message : String(err)}\n${logs()}\n${await serverView()}`);
    }
  }

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-m5-'));
    // One `go build` for both commands; the Go build cache makes reruns fast.
    const build = spawnSync('go', ['build', '-o', tmp + path.sep, './order/cmd/order', './inventory/cmd/inventory'], {
      cwd: solution,
      encoding: 'utf8',
      env: { ...process.env, GOFLAGS: '-mod=mod' },
    });
    assert.equal(build.status, 0, `go build failed:\n${build.stderr}`);

    // The services start first, on a NATS URL nobody listens on yet: alive, not ready.
    const natsPort = await freePort();
    const [orderPort, inventoryPort] = [await freePort(), await freePort()];
    orderUrl = `http://127.0.0.1:${orderPort}`;
    inventoryUrl = `http://127.0.0.1:${inventoryPort}`;
    const natsUrl = `nats://127.0.0.1:${natsPort}`;
    order = startProcess('order', path.join(tmp, 'order'), [], { NATS_URL: natsUrl, HTTP_ADDR: `127.0.0.1:${orderPort}` });
    inventory = startProcess('inventory', path.join(tmp, 'inventory'), [], { NATS_URL: natsUrl, HTTP_ADDR: `127.0.0.1:${inventoryPort}`, INVENTORY_STOCK: 'sku-1=5' });
    await Promise.all([order.waitForOutput(/listening/, 20_000), inventory.waitForOutput(/listening/, 20_000)]);
    for (const url of [orderUrl, inventoryUrl]) {
      beforeNats.push(await eventually(`${url}/healthz`, async () => [(await getJson(`${url}/healthz`)).status, (await getJson(`${url}/readyz`)).status]));
    }

    const monitorPort = await freePort();
    nats = startProcess('nats-server', natsServer!, ['-js', '-a', '127.0.0.1', '-p', String(natsPort), '-m', String(monitorPort), '-sd', path.join(tmp, 'jetstream')]);
    natsMonitorUrl = `http://127.0.0.1:${monitorPort}`;
    await nats.waitForOutput(/Server is ready/, 20_000);
  });

  after(async () => {
    await Promise.all([stop(order), stop(inventory)]);
    await stop(nats);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is alive but not ready while NATS is down', () => {
    assert.deepEqual(beforeNats, [
      [200, 503],
      [200, 503],
    ]);
  });

  it('reports ready once connected to JetStream', async () => {
    for (const url of [orderUrl, inventoryUrl]) {
      assert.equal(await withLogs(() => eventually(`${url}/readyz`, () => expectOk(`${url}/readyz`), 60_000)), true);
    }
  });

  it('confirms a POSTed order after Inventory reserves its stock', async () => {
    const res = await fetch(`${orderUrl}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'c-1', items: [{ sku: 'sku-1', quantity: 2 }] }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const created = (await res.json()) as { id: string; status: string };
    assert.equal(created.status, 'pending');

    const status = await withLogs(() =>
      eventually('the order to be settled', async () => {
        const { body } = await getJson(`${orderUrl}/orders/${created.id}`);
        return body.status === 'pending' ? undefined : body.status;
      }),
    );
    assert.equal(status, 'confirmed', `order output:\n${order?.output}\ninventory output:\n${inventory?.output}`);
    const stock = await getJson(`${inventoryUrl}/stock/sku-1`);
    assert.deepEqual([stock.body.available, stock.body.processed], [3, 1]);
  });

  it('rejects an order Inventory cannot fill, and reserves nothing for it', async () => {
    const res = await fetch(`${orderUrl}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'c-2', items: [{ sku: 'sku-1', quantity: 50 }] }),
    });
    const created = (await res.json()) as { id: string };
    const settled = await withLogs(() =>
      eventually('the order to be rejected', async () => {
        const { body } = await getJson(`${orderUrl}/orders/${created.id}`);
        return body.status === 'pending' ? undefined : body;
      }),
    );
    assert.equal(settled.status, 'rejected');
    assert.match(String(settled.reason), /insufficient stock/);
    assert.equal((await getJson(`${inventoryUrl}/stock/sku-1`)).body.available, 3);
  });
});
