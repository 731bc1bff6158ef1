/**
 * What the Event Streams view costs while it is shown: the view's own refresh
 * loop (core/inspector/refreshLoop.ts, the default 3 s poll and 500 ms wake gap)
 * and refresh (nats/streamsSnapshot.ts: streams, consumers, the latest 20 dead
 * letters) on a real nats-server, with module 5's shape: ORDERS (`order.>`) and
 * DEADLETTER (`dlq.>`, 20 dead letters), one durable consumer. Four phases of
 * the same length: shown and idle; shown while a publisher in its own process
 * sends 5,000 order.created a second; hidden (loop stopped) under the same load;
 * and, side by side, a plain subscription to the same subjects (what listening
 * to every message would cost instead of the one-message wake). Figures from the
 * server's /connz for the view's connection (in_msgs: requests it sent; out_msgs:
 * messages delivered to it) and this process's CPU time and event-loop delay.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { defaultRefreshSeconds, defaultWakeGapMs, RefreshLoop } from '../../src/core/inspector/refreshLoop';
import { connect } from '../../src/nats/client';
import { readStreamsSnapshot } from '../../src/nats/streamsSnapshot';
import { freePort, natsServer, startProcess, stop } from '../go/realProcesses';

const rate = 5000;
const seconds = 4;
const viewName = 'edgo-bench-view';

interface Counters {
  readonly inMsgs: number;
  readonly outMsgs: number;
}

async function counters(monitor: number, name: string): Promise<Counters> {
  const connz = (await (await fetch(`http://127.0.0.1:${monitor}/connz`)).json()) as { connections?: Array<{ name?: string; in_msgs: number; out_msgs: number }> };
  const c = (connz.connections ?? []).find((x) => x.name === name);
  return { inMsgs: c?.in_msgs ?? 0, outMsgs: c?.out_msgs ?? 0 };
}

function publish(url: string): Promise<string> {
  const publisher = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'helpers', 'paced-publisher.ts'), url, String(rate), String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  publisher.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => publisher.once('exit', () => resolve(out.trim())));
}

function offered(line: string): string {
  const [sent = '0', ms = '1'] = line.split(' ');
  return `${sent} messages in ${(Number(ms) / 1000).toFixed(2)} s = ${Math.round(Number(sent) / (Number(ms) / 1000))} msg/s published`;
}

interface Phase {
  readonly label: string;
  readonly refreshes: number;
  readonly wakes: number;
  readonly inMsgs: number;
  readonly outMsgs: number;
  readonly cpuMs: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly seconds: number;
  readonly publisher?: string;
}

function sentOf(line: string | undefined): number {
  return Number(line?.split(' ')[0] ?? 0);
}

function print(p: Phase): void {
  const per = (n: number) => (n / p.seconds).toFixed(1);
  console.log(
    `${p.label} (${p.seconds.toFixed(1)} s): ${per(p.refreshes)} refreshes/s (${p.wakes} woken by a message), server in_msgs from the view ${per(p.inMsgs)}/s, out_msgs to it ${per(p.outMsgs)}/s` +
      (p.publisher ? ` = ${((p.outMsgs / Math.max(1, sentOf(p.publisher))) * 1000).toFixed(1)} per 1,000 published` : '') +
      `, CPU ${((p.cpuMs / 1000 / p.seconds) * 100).toFixed(1)} % of one core, event loop p99 ${p.p99Ms.toFixed(1)} ms max ${p.maxMs.toFixed(1)} ms${p.publisher ? `; publisher ${offered(p.publisher)}` : ''}`,
  );
}

export async function run(): Promise<void> {
  if (!natsServer) {
    console.log('skipped: nats-server is not installed (apt-get install nats-server)');
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-bench-view-'));
  const port = await freePort();
  const monitor = await freePort();
  const url = `nats://127.0.0.1:${port}`;
  const nats = startProcess('nats-server', natsServer, ['-js', '-a', '127.0.0.1', '-p', String(port), '-m', String(monitor), '-sd', tmp]);
  try {
    await nats.waitForOutput(/Server is ready/, 20_000);
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const { connect: raw } = await import('@nats-io/transport-node');
    const admin = await raw({ servers: `127.0.0.1:${port}` });
    const jsm = await jetstreamManager(admin);
    await jsm.streams.add({ name: 'ORDERS', subjects: ['order.>'] });
    await jsm.streams.add({ name: 'DEADLETTER', subjects: ['dlq.>'] });
    await jsm.consumers.add('ORDERS', { durable_name: 'inventory_order-created', filter_subject: 'order.created', ack_policy: 'explicit' as never });
    for (let i = 0; i < 20; i++) admin.publish('dlq.order.created', new TextEncoder().encode(JSON.stringify({ specversion: '1.0', id: `dl-${i}`, type: 'order.created', source: '/bench', data: {} })));
    await admin.flush();
    await admin.close();

    const session = await connect({ url, name: viewName });
    const refreshMs: number[] = [];
    let shownCount = 0;
    const loop = new RefreshLoop({
      run: async () => {
        const t0 = performance.now();
        const snap = await readStreamsSnapshot(session);
        refreshMs.push(performance.now() - t0);
        shownCount = snap.streams.find((s) => s.name === 'ORDERS')?.messages ?? 0;
        return true;
      },
      listen: (wake) => session.onNextMessage(['order.>', 'dlq.>'], wake),
      periodMs: () => defaultRefreshSeconds * 1000,
      wakeGapMs: defaultWakeGapMs,
    });

    const measure = async (label: string, withPublisher: boolean): Promise<Phase> => {
      const c0 = await counters(monitor, viewName);
      const r0 = loop.refreshes;
      const w0 = loop.wakes;
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const publisher = withPublisher ? await publish(url) : await new Promise<undefined>((r) => setTimeout(() => r(undefined), seconds * 1000));
      const elapsed = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      loopDelay.disable();
      const c1 = await counters(monitor, viewName);
      return {
        label,
        refreshes: loop.refreshes - r0,
        wakes: loop.wakes - w0,
        inMsgs: c1.inMsgs - c0.inMsgs,
        outMsgs: c1.outMsgs - c0.outMsgs,
        cpuMs: (cpu.user + cpu.system) / 1000,
        p99Ms: loopDelay.percentile(99) / 1e6,
        maxMs: loopDelay.max / 1e6,
        seconds: elapsed,
        ...(publisher ? { publisher } : {}),
      };
    };

    loop.start();
    await new Promise((r) => setTimeout(r, 1000));
    print(await measure('view shown, idle', false));
    // How soon one published message shows in the view's count, on an idle stream (the wake, not the 3 s poll).
    const lags: number[] = [];
    const pub = await raw({ servers: `127.0.0.1:${port}` });
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 1200));
      const want = shownCount + 1;
      const t0 = performance.now();
      pub.publish('order.created', new TextEncoder().encode('{}'));
      while (shownCount < want && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 2));
      lags.push(performance.now() - t0);
    }
    await pub.close();
    console.log(
      `publish → view count updated (idle stream, ${lags.length} messages): median ${lags.sort((a, b) => a - b)[2]!.toFixed(0)} ms, max ${Math.max(...lags).toFixed(0)} ms (the poll alone: up to ${defaultRefreshSeconds * 1000} ms)`,
    );
    refreshMs.length = 0;
    const busy = await measure(`view shown, publisher at ${rate} msg/s`, true);
    print(busy);
    const sorted = [...refreshMs].sort((a, b) => a - b);
    console.log(`one refresh (streams, consumers, 20 dead letters) under that load: median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms over ${sorted.length}`);
    loop.stop();
    await new Promise((r) => setTimeout(r, 500));
    print(await measure(`view hidden, publisher at ${rate} msg/s`, true));
    await session.close();

    // The peer shape: a plain subscription to the same subjects instead of the one-message wake.
    const peerName = 'edgo-bench-plain-subscription';
    const peer = await raw({ servers: `127.0.0.1:${port}`, name: peerName });
    let seen = 0;
    peer.subscribe('order.>', { callback: () => void seen++ });
    peer.subscribe('dlq.>', { callback: () => void seen++ });
    await peer.flush();
    const c0 = await counters(monitor, peerName);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const line = await publish(url);
    const elapsed = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const c1 = await counters(monitor, peerName);
    await peer.close();
    const peerOut = c1.outMsgs - c0.outMsgs;
    console.log(
      `peer, a plain subscription to order.> and dlq.> (${elapsed.toFixed(1)} s): out_msgs to it ${(peerOut / elapsed).toFixed(1)}/s = ${((peerOut / Math.max(1, sentOf(line))) * 1000).toFixed(1)} per 1,000 published (${seen} received), CPU ${(((cpu.user + cpu.system) / 1000 / 1000 / elapsed) * 100).toFixed(1)} % of one core with an empty callback; publisher ${offered(line)}`,
    );
    console.log(
      `the shown view under load receives ${((busy.outMsgs / Math.max(1, sentOf(busy.publisher))) * 1000).toFixed(1)} messages per 1,000 published (API replies and one wake per refresh) against ${((peerOut / Math.max(1, sentOf(line))) * 1000).toFixed(1)} for a plain subscription; each phase's time includes the publisher's ~0.5 s start-up`,
    );
  } finally {
    await stop(nats);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
