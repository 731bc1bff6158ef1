/**
 * The event inspector against a REAL nats-server with module 5's solution
 * running as processes: `edgo tail` (from sources) shows the POSTed order's
 * order.created and Inventory's answer as valid, flags a payload that breaks
 * its schema with the rule's file and line and an undocumented type, exits 1
 * with --fail-on-violation, and a dead-lettered message is re-driven.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, freePort, natsServer, skipWithoutGoAndNats as skip, startProcess, stop, type Proc } from './realProcesses';
import { connect } from '../../src/nats/client';
import { prepareRedrive, redrive } from '../../src/nats/redrive';
import type { NatsSession } from '../../src/nats/types';

const repoRoot = path.resolve(__dirname, '..', '..');
const solution = path.join(repoRoot, 'walkthroughs', '05-event-driven-services', 'solution');
const cliMain = path.join(repoRoot, 'src', 'cli', 'main.ts');

interface TailRecord {
  subject: string;
  type: string;
  verdict: string;
  headers: Record<string, string[]>;
  contract?: { file: string; line: number };
  violations?: Array<{ message: string; file: string; line: number }>;
  reason?: string;
}

/** `edgo tail` as a learner runs it, from the sources through tsx. */
function startTail(args: string[]): { child: ChildProcess; out: () => string; err: () => string; records: () => TailRecord[]; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', cliMain, 'tail', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const records = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as TailRecord);
  return { child, out: () => out, err: () => err, records, exit };
}

function envelope(type: string, data: unknown, id: string): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ specversion: '1.0', id, type, source: '/tests/inspector', time: new Date().toISOString(), datacontenttype: 'application/json', data }));
}

describe('event inspector on a real nats-server with module 5 running', { skip, timeout: 300_000 }, () => {
  let tmp = '';
  let nats: Proc | undefined;
  let order: Proc | undefined;
  let inventory: Proc | undefined;
  let natsUrl = '';
  let orderUrl = '';
  let session: NatsSession | undefined;
  let tail: ReturnType<typeof startTail> | undefined;
  const logs = () => [order, inventory, nats].map((p) => `--- ${p?.name}\n${p?.output.slice(-2000) ?? ''}`).join('\n') + `\n--- tail stderr\n${tail?.err()}\n--- tail stdout\n${tail?.out().slice(-4000)}`;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-inspector-'));
    const build = spawnSync('go', ['build', '-o', tmp + path.sep, './order/cmd/order', './inventory/cmd/inventory'], { cwd: solution, encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod' } });
    assert.equal(build.status, 0, `go build failed:\n${build.stderr}`);
    const natsPort = await freePort();
    natsUrl = `nats://127.0.0.1:${natsPort}`;
    nats = startProcess('nats-server', natsServer!, ['-js', '-a', '127.0.0.1', '-p', String(natsPort), '-sd', path.join(tmp, 'jetstream')]);
    await nats.waitForOutput(/Server is ready/, 20_000);
    const [orderPort, inventoryPort] = [await freePort(), await freePort()];
    orderUrl = `http://127.0.0.1:${orderPort}`;
    order = startProcess('order', path.join(tmp, 'order'), [], { NATS_URL: natsUrl, HTTP_ADDR: `127.0.0.1:${orderPort}` });
    inventory = startProcess('inventory', path.join(tmp, 'inventory'), [], { NATS_URL: natsUrl, HTTP_ADDR: `127.0.0.1:${inventoryPort}`, INVENTORY_STOCK: 'sku-1=5' });
    for (const url of [orderUrl, `http://127.0.0.1:${inventoryPort}`]) {
      await eventually(`${url}/readyz`, async () => ((await fetch(`${url}/readyz`)).status === 200 ? true : undefined), 60_000);
    }
    session = await connect({ url: natsUrl, name: 'inspector-test' });
  });

  after(async () => {
    tail?.child.kill('SIGTERM');
    await session?.close();
    await Promise.all([stop(order), stop(inventory)]);
    await stop(nats);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the POSTed order.created and the inventory answer as valid', async () => {
    tail = startTail(['order.>', 'inventory.>', 'dlq.>', '--server', natsUrl, '--format', 'json', '--contracts', solution]);
    await eventually('the tail to start', async () => (/streams /.test(tail!.err()) ? true : undefined), 30_000).catch((e: unknown) => assert.fail(`${String(e)}\n${logs()}`));
    const res = await fetch(`${orderUrl}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerId: 'c-1', items: [{ sku: 'sku-1', quantity: 2 }] }) });
    assert.equal(res.status, 201);
    const seen = await eventually('order.created and inventory.reserved in the tail', async () => {
      const r = tail!.records();
      const created = r.find((x) => x.type === 'order.created');
      const reserved = r.find((x) => x.type === 'inventory.reserved');
      return created && reserved ? { created, reserved } : undefined;
    }).catch((e: unknown) => assert.fail(`${String(e)}\n${logs()}`));
    assert.equal(seen.created.verdict, 'valid', JSON.stringify(seen.created));
    assert.deepEqual(seen.created.contract, { name: 'order.created', version: '1.0.0', file: 'events/order.created.yaml', line: 2 });
    assert.equal(seen.reserved.verdict, 'valid', JSON.stringify(seen.reserved));
    assert.ok(seen.created.headers['Nats-Msg-Id'], 'the Nats-Msg-Id header is shown');
  });

  it('flags a payload that breaks its schema with the rule, file and line, and an undocumented type', async () => {
    // No orderId: the contract requires it (and Inventory dead-letters it, used below).
    await session!.publish('order.created', envelope('order.created', { customerId: 'c-9', items: [{ sku: 'sku-1', quantity: 1 }], placedAt: new Date().toISOString() }, 'bad-1'), { 'Nats-Msg-Id': 'bad-1' });
    await session!.publish('order.shipped', envelope('order.shipped', { orderId: 'x' }, 'shipped-1'), { 'Nats-Msg-Id': 'shipped-1' });
    const { bad, undocumented } = await eventually('the bad and the undocumented event in the tail', async () => {
      const r = tail!.records();
      const b = r.find((x) => x.subject === 'order.created' && x.verdict === 'invalid');
      const u = r.find((x) => x.type === 'order.shipped');
      return b && u ? { bad: b, undocumented: u } : undefined;
    }).catch((e: unknown) => assert.fail(`${String(e)}\n${logs()}`));
    assert.equal(bad.violations?.length, 1);
    assert.match(bad.violations?.[0]?.message ?? '', /lacks the required property orderId/);
    const yaml = fs.readFileSync(path.join(solution, 'events', 'order.created.yaml'), 'utf8').split('\n');
    assert.equal(bad.violations?.[0]?.file, 'events/order.created.yaml');
    assert.match(yaml[(bad.violations?.[0]?.line ?? 0) - 1] ?? '', /^\s*required: \[orderId/);
    assert.equal(undocumented.verdict, 'undocumented');
    assert.match(undocumented.reason ?? '', /no event contract in the workspace has the type order\.shipped/);
  });

  it('edgo tail --fail-on-violation exits 1 at the bad message; without it, --max ends with 0', async () => {
    const failing = startTail(['order.created', '--all', '--fail-on-violation', '--server', natsUrl, '--contracts', solution]);
    const timer = setTimeout(() => failing.child.kill('SIGKILL'), 30_000);
    const code = await failing.exit;
    clearTimeout(timer);
    assert.equal(code, 1, `stdout:\n${failing.out()}\nstderr:\n${failing.err()}`);
    assert.match(failing.out(), /✓ valid order\.created 1\.0\.0 \(events\/order\.created\.yaml:2\)\n.*✗ invalid: the payload lacks the required property orderId \(events\/order\.created\.yaml:11\)\n$/);
    const passing = startTail(['order.created', '--all', '--max', '1', '--server', natsUrl, '--contracts', solution]);
    assert.equal(await passing.exit, 0, passing.err());
  });

  it('edgo tail --expect: 0 once a valid event of each type was seen, 1 when none comes in time', async () => {
    const seen = startTail(['order.>', 'inventory.>', '--all', '--expect', 'order.created', '--expect', 'inventory.reserved', '--duration', '30', '--server', natsUrl, '--contracts', solution]);
    assert.equal(await seen.exit, 0, seen.err());
    assert.match(seen.err(), /seen valid: order\.created, inventory\.reserved/);
    const never = startTail(['order.>', '--all', '--expect', 'order.shipped', '--duration', '3', '--server', natsUrl, '--contracts', solution]);
    assert.equal(await never.exit, 1, never.err());
    assert.match(never.err(), /no valid order\.shipped seen in 3 s/);
  });

  it('re-drives the dead-lettered message to its original subject, once', async () => {
    // Inventory dead-lettered the order.created without orderId to dlq.inventory.
    const dead = await eventually('the dead letter', async () => {
      const streams = await session!.listStreams();
      const dl = streams.find((s) => s.deadLetter);
      return dl && dl.messages > 0 ? dl : undefined;
    }).catch((e: unknown) => assert.fail(`${String(e)}\n${logs()}`));
    assert.equal(dead.name, 'DEADLETTER');
    const plan = await prepareRedrive(session!, 'DEADLETTER', 1);
    assert.ok(typeof plan !== 'string', String(plan));
    assert.equal(plan.subject, 'order.created');
    assert.equal(plan.headers['Edgo-Error'], undefined, 'the dead-letter headers are dropped');
    const first = await redrive(session!, plan);
    assert.deepEqual([first.result.stream, first.result.duplicate], ['ORDERS', false]);
    // A second click on the same dead letter (planned afresh) is dropped by the stream's duplicate window.
    const planAgain = await prepareRedrive(session!, 'DEADLETTER', 1);
    assert.ok(typeof planAgain !== 'string');
    const again = await redrive(session!, planAgain);
    assert.equal(again.result.duplicate, true, 'a second re-drive of the same dead letter is dropped by the stream');
    const back = await session!.getMessage('ORDERS', first.result.seq);
    assert.equal(back?.subject, 'order.created');
    assert.equal(back?.headers?.['Edgo-Redriven-From']?.[0], 'DEADLETTER#1');
    // The tail shows it again on order.created, with the redrive header.
    await eventually('the re-driven message in the tail', async () => (tail!.records().some((r) => r.headers['Edgo-Redriven-From']) ? true : undefined));
    // The consumers saw no durable from the inspector: only the services' own.
    const consumers = (await session!.listStreams()).flatMap((s) => s.consumers.filter((c) => c.durable).map((c) => c.name)).sort();
    assert.deepEqual(consumers, ['inventory_order-created', 'order_inventory-rejected', 'order_inventory-reserved']);
  });
});
