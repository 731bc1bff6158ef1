/**
 * The event inspector at 5,000 messages a second: a publisher in its own
 * process sends module 5's order.created (10 % breaking the contract) to a real
 * nats-server; this process tails it with the inspector's pipeline (ordered
 * consumer, envelope decoding, contract check, ring buffer, tally) as the
 * extension host runs it, and prints messages validated per second and its CPU time.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { RingBuffer, VerdictTally } from '../../src/core/inspector/buffer';
import { inspectMessage } from '../../src/core/inspector/message';
import { checkMessage } from '../../src/core/inspector/verdict';
import { loadWorkspaceContracts } from '../../src/core/inspector/workspace';
import { connect } from '../../src/nats/client';
import { freePort, natsServer, startProcess, stop } from '../go/realProcesses';

const repoRoot = path.resolve(__dirname, '..', '..');
const rate = 5000;
const seconds = 4;

export async function run(): Promise<void> {
  if (!natsServer) {
    console.log('skipped: nats-server is not installed (apt-get install nats-server)');
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-bench-nats-'));
  const port = await freePort();
  const url = `nats://127.0.0.1:${port}`;
  const nats = startProcess('nats-server', natsServer, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', tmp]);
  try {
    await nats.waitForOutput(/Server is ready/, 20_000);
    const session = await connect({ url });
    // The stream module 5 creates; the bench publishes into it.
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const { connect: raw } = await import('@nats-io/transport-node');
    const admin = await raw({ servers: `127.0.0.1:${port}` });
    await (await jetstreamManager(admin)).streams.add({ name: 'ORDERS', subjects: ['order.>'] });
    await admin.close();

    const { catalog, protobuf } = loadWorkspaceContracts([path.join(repoRoot, 'walkthroughs', '05-event-driven-services', 'solution')]);
    const buffer = new RingBuffer<unknown>(1000);
    const tally = new VerdictTally();
    let first = 0;
    let last = 0;
    const total = rate * seconds;
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((r) => (resolveDone = r));
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpu0 = process.cpuUsage();
    const tail = await session.tail({
      subjects: ['order.>'],
      deliver: 'new',
      onMessage(msg) {
        if (!first) first = performance.now();
        const m = inspectMessage(msg, { protobuf });
        const v = checkMessage(m, catalog);
        tally.add(m.type, v);
        buffer.push({ m, v });
        last = performance.now();
        if (tally.total >= total) resolveDone();
      },
    });
    const publisher = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'helpers', 'paced-publisher.ts'), url, String(rate), String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let published = '';
    publisher.stdout.on('data', (c: Buffer) => (published += c.toString()));
    const pubExit = new Promise<void>((r) => publisher.once('exit', () => r()));
    await Promise.race([done, new Promise((r) => setTimeout(r, (seconds + 20) * 1000))]);
    const cpu = process.cpuUsage(cpu0);
    loop.disable();
    await pubExit;
    await tail.stop();
    await session.close();
    const [sent = '0', pubMs = '0'] = published.trim().split(' ');
    const elapsed = (last - first) / 1000;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(`publisher: ${sent} messages in ${(Number(pubMs) / 1000).toFixed(2)} s (${Math.round(Number(sent) / (Number(pubMs) / 1000))} msg/s offered)`);
    console.log(`inspector: ${tally.total} of ${total} messages decoded and validated in ${elapsed.toFixed(2)} s = ${Math.round(tally.total / elapsed)} msg/s validated`);
    console.log(`verdicts: ${tally.valid} valid, ${tally.invalid} invalid (expected ${total / 10}), ${tally.undocumented} undocumented; buffer kept ${buffer.length} (bound 1000)`);
    console.log(
      `CPU time of the tailing process (the extension host's share): ${cpuMs.toFixed(0)} ms for ${tally.total} messages = ${((cpuMs / tally.total) * 1000).toFixed(1)} µs/message, ${((cpuMs / 1000 / elapsed) * 100).toFixed(0)} % of one core while receiving`,
    );
    console.log(`event loop delay while tailing: p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms (the host stays responsive when these stay small)`);
    // The same pipeline without the network: what one core can check when NATS is not the limit.
    const bodies = Array.from({ length: 20_000 }, (_, i) =>
      new TextEncoder().encode(
        JSON.stringify({
          specversion: '1.0',
          id: `x-${i}`,
          type: 'order.created',
          source: '/bench',
          time: '2026-01-31T12:00:00Z',
          datacontenttype: 'application/json',
          data: { orderId: '0b8e6a3c-8a55-4b8c-9d1e-3d2f0f6c1a11', customerId: `c-${i}`, items: [{ sku: 'sku-1', quantity: i % 10 === 0 ? 0 : 2 }], placedAt: '2026-01-31T12:00:00Z' },
        }),
      ),
    );
    const t0 = performance.now();
    for (const data of bodies) checkMessage(inspectMessage({ subject: 'order.created', data }), catalog);
    const inMemory = (performance.now() - t0) / 1000;
    console.log(`pipeline alone (no network): ${bodies.length} messages in ${inMemory.toFixed(2)} s = ${Math.round(bodies.length / inMemory)} msg/s on one core`);
  } finally {
    await stop(nats);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
