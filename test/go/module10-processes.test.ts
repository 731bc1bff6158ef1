/**
 * The capstone solution as a person would run it: a REAL nats-server process
 * (Debian's package) with JetStream, a REAL PostgreSQL (a throwaway cluster),
 * the services built and started as processes (two booking replicas on one
 * database), bookings POSTed over HTTP, /metrics scraped, and the spans the
 * services export over OTLP/HTTP caught by a small local receiver, which must
 * see one trace id from all three services. Then one booking process and one
 * of two notification processes are killed in the middle of a burst of
 * bookings: every booking must still settle once, every customer get one mail,
 * and no slot take more than its capacity.
 * Skips where `go` or `nats-server` is not installed; fails without PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startPostgres, type Postgres } from './postgres';
import { eventually, freePort, natsServer, skipWithoutGoAndNats as skip, startProcess, stop, type Proc } from './realProcesses';

const repoRoot = path.resolve(__dirname, '..', '..');
const solution = path.join(repoRoot, 'walkthroughs', '10-capstone', 'solution');
const services = ['booking', 'payment', 'notification'] as const;
/** The processes: two booking replicas, then payment and notification. */
const processes = [
  { name: 'booking', binary: 'booking' },
  { name: 'booking-b', binary: 'booking' },
  { name: 'payment', binary: 'payment' },
  { name: 'notification', binary: 'notification' },
] as const;
const slotCapacity = 1;

/** The protobuf bytes of the resource attribute service.name = name (KeyValue{key, AnyValue{string_value}}). */
function serviceNameBytes(name: string): Buffer {
  const key = Buffer.from('service.name');
  const value = Buffer.from(name);
  const anyValue = Buffer.concat([Buffer.from([0x0a, value.length]), value]);
  return Buffer.concat([Buffer.from([0x0a, key.length]), key, Buffer.from([0x12, anyValue.length]), anyValue]);
}

describe('module 10 solution as processes on a real nats-server', { skip, timeout: 600_000 }, () => {
  let tmp = '';
  let nats: Proc | undefined;
  let pg: Postgres | undefined;
  const procs: Proc[] = [];
  const urls: Record<string, string> = {};
  const otlpBodies: Buffer[] = [];
  let otlp: http.Server | undefined;
  /** Starts one more service process (built in before) on the shared nats-server and database. */
  let launch: (name: string, binary: string) => Promise<void> = async () => {};
  const proc = (name: string): Proc => procs.find((p) => p.name === name)!;
  const logs = (): string => procs.map((p) => `--- ${p.name}\n${p.output.slice(-3000)}`).join('\n');

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-m10-'));
    const build = spawnSync('go', ['build', '-o', tmp + path.sep, ...services.map((s) => `./cmd/${s}`)], { cwd: solution, encoding: 'utf8' });
    assert.equal(build.status, 0, `go build failed:\n${build.stderr}`);

    // A stand-in for Jaeger's OTLP/HTTP endpoint: keeps every export request's body.
    otlp = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/v1/traces') otlpBodies.push(Buffer.concat(chunks));
        res.writeHead(200, { 'content-type': 'application/x-protobuf' });
        res.end();
      });
    });
    const otlpPort = await freePort();
    await new Promise<void>((resolve) => otlp!.listen(otlpPort, '127.0.0.1', resolve));

    const natsPort = await freePort();
    nats = startProcess('nats-server', natsServer!, ['-js', '-a', '127.0.0.1', '-p', String(natsPort), '-sd', path.join(tmp, 'jetstream')]);
    await eventually('nats-server to be ready', async () => (/Server is ready/.test(nats!.output) ? true : undefined), 20_000);

    pg = await startPostgres();
    const databaseUrl = pg.createDatabase('booking');

    launch = async (name: string, binary: string): Promise<void> => {
      const port = await freePort();
      urls[name] = `http://127.0.0.1:${port}`;
      procs.push(
        startProcess(name, path.join(tmp, binary), [], {
          NATS_URL: `nats://127.0.0.1:${natsPort}`,
          DATABASE_URL: databaseUrl,
          HTTP_ADDR: `127.0.0.1:${port}`,
          SLOT_CAPACITY: String(slotCapacity),
          PAYMENT_LIMIT_CENTS: '100000',
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
          OTEL_BSP_SCHEDULE_DELAY: '100',
        }),
      );
    };
    for (const { name, binary } of processes) await launch(name, binary);
    for (const { name } of processes) {
      await eventually(`${name} /readyz`, async () => ((await fetch(`${urls[name]}/readyz`)).status === 200 ? true : undefined), 60_000).catch((e: Error) => {
        throw new Error(`${e.message}\n${logs()}`);
      });
    }
  });

  after(async () => {
    await Promise.all(procs.map((p) => stop(p)));
    await stop(nats);
    await pg?.stop();
    await new Promise<void>((resolve) => (otlp ? otlp.close(() => resolve()) : resolve()));
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const book = async (slotId: string, paymentMethod: string, traceparent?: string, replica = 'booking'): Promise<{ status: number; id: string }> => {
    const res = await fetch(`${urls[replica]}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(traceparent ? { traceparent } : {}) },
      body: JSON.stringify({ slotId, customerEmail: 'ada@example.com', amountCents: 4200, currency: 'EUR', paymentMethod }),
    });
    const body = (await res.json()) as { id?: string };
    return { status: res.status, id: body.id ?? '' };
  };
  const statusOf = async (id: string, replica = 'booking'): Promise<string> => ((await (await fetch(`${urls[replica]}/bookings/${id}`)).json()) as { status: string }).status;
  /** The value of one series in a /metrics text, 0 when absent. */
  const sample = (body: string, series: string): number => Number(new RegExp(`^${series.replace(/[{}.]/g, '\\$&')} (\\S+)$`, 'm').exec(body)?.[1] ?? 0);

  it('confirms a paid booking and carries its trace through all three services', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const created = await book('yoga-1', 'card_ok', `00-${traceId}-00f067aa0ba902b7-01`);
    assert.equal(created.status, 202);
    await eventually('the booking to be confirmed', async () => ((await statusOf(created.id)) === 'confirmed' ? true : undefined)).catch((e: Error) => {
      throw new Error(`${e.message}\n${logs()}`);
    });
    const notified = await eventually('the confirmation mail in the notification log', async () => (/"msg":"mail sent"/.test(proc('notification').output) ? true : undefined));
    assert.ok(notified);

    const id = Buffer.from(traceId, 'hex');
    const seen = await eventually('spans of the booking trace from all three services', async () => {
      const withTrace = otlpBodies.filter((b) => b.includes(id));
      const from = services.filter((s) => withTrace.some((b) => b.includes(serviceNameBytes(s))));
      return from.length === services.length ? from : undefined;
    });
    assert.deepEqual(seen, [...services]);
  });

  it('cancels a booking whose payment is declined, releasing the slot', async () => {
    const declined = await book('yoga-2', 'card_declined');
    assert.equal(declined.status, 202);
    await eventually('the booking to be cancelled', async () => ((await statusOf(declined.id)) === 'cancelled' ? true : undefined));
    // Capacity is 1: only a released hold lets the next booking in.
    const next = await book('yoga-2', 'card_ok');
    assert.equal(next.status, 202, logs());
    await eventually('the second booking to be confirmed', async () => ((await statusOf(next.id)) === 'confirmed' ? true : undefined));
  });

  it('exposes request and event metrics on /metrics', async () => {
    const expected: Array<[string, RegExp]> = [
      ['booking', /http_requests_total\{code="202",method="POST",route="POST \/bookings",service="booking"\} 3\n/],
      ['booking', /http_request_duration_seconds_bucket\{method="POST",route="POST \/bookings",service="booking",le="0\.3"\} \d/],
      ['payment', /events_consumed_total\{service="payment",type="booking\.requested"\} 3\n/],
      ['payment', /events_failed_total\{reason="dead_letter",service="payment",type="booking\.requested"\} 0\n/],
      ['notification', /events_consumed_total\{service="notification",type="booking\.confirmed"\} 2\n/],
      ['notification', /events_consumed_total\{service="notification",type="booking\.cancelled"\} 1\n/],
    ];
    // The last notification may still be in flight: poll until every series has its final value.
    let missing: string[] = [];
    await eventually('the expected metric values', async () => {
      const bodies: Record<string, string> = {};
      for (const name of services) bodies[name] = await (await fetch(`${urls[name]}/metrics`)).text();
      missing = expected.filter(([svc, re]) => !re.test(bodies[svc] ?? '')).map(([svc, re]) => `${svc}: ${re.source}`);
      // Either replica's outbox relay may have sent the cancellation: the two together sent it once.
      const replicaB = await (await fetch(`${urls['booking-b']}/metrics`)).text();
      const cancelled = 'events_published_total{service="booking",type="booking.cancelled"}';
      const sent = sample(bodies.booking ?? '', cancelled) + sample(replicaB, cancelled);
      if (sent !== 1) missing.push(`${cancelled} summed over both replicas is ${sent}, want 1`);
      return missing.length === 0 ? true : undefined;
    }).catch((e: Error) => {
      throw new Error(`${e.message}; missing:\n${missing.join('\n')}`);
    });
  });

  it('settles every booking once, mails each customer once and over-books no slot when a booking and a notification process are killed mid-run', async () => {
    // A second notification replica, so mails keep going out when the first dies.
    await launch('notification-b', 'notification');
    await eventually('notification-b /readyz', async () => ((await fetch(`${urls['notification-b']}/readyz`)).status === 200 ? true : undefined), 60_000);
    const slots = ['pilates-1', 'pilates-2', 'pilates-3', 'pilates-4'];
    let accepted = 0;
    let refused = 0;
    let cutOff = 0; // requests to the dying process that got no answer: committed or not, unknown
    const burst = async (replica: string, n: number, offset: number): Promise<void> => {
      await Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const k = offset + i;
          const r = await book(slots[k % slots.length]!, k % 3 === 0 ? 'card_declined' : 'card_ok', undefined, replica).catch(() => undefined);
          if (r?.status === 202) accepted++;
          else if (r?.status === 409) refused++;
          else if (r === undefined && replica === 'booking') cutOff++;
          else assert.fail(`POST /bookings on ${replica}: ${r?.status ?? 'no answer'}`);
        }),
      );
    };
    // The earlier tests' bookings are in the same database: count only this test's.
    const db = (sql: string): string[] => pg!.query('booking', sql);
    const storedBefore = Number(db('SELECT count(*) FROM bookings')[0]);
    // Both replicas take bookings; while they are busy the first dies without
    // warning (SIGKILL: transactions, relay runs and unacked messages cut off).
    const victim = proc('booking');
    const killed = new Promise((resolve) => victim.child.once('exit', resolve));
    const mailer = proc('notification');
    const mailerKilled = new Promise((resolve) => mailer.child.once('exit', resolve));
    await burst('booking', 12, 0);
    await Promise.all([
      burst('booking', 12, 12),
      burst('booking-b', 12, 24),
      new Promise<void>((resolve) => setTimeout(() => (victim.child.kill('SIGKILL'), resolve()), 20)),
      new Promise<void>((resolve) => setTimeout(() => (mailer.child.kill('SIGKILL'), resolve()), 60)),
    ]);
    await Promise.all([killed, mailerKilled]);
    await burst('booking-b', 12, 36);
    assert.ok(accepted > 0 && refused > 0, `accepted ${accepted}, refused ${refused}: the burst should fill some slots`);

    // What the database holds is the truth, whichever replica wrote it. Payment
    // results the dead replica had not acked come back after the consumer's AckWait (30 s).
    await eventually('no booking left pending', async () => (db(`SELECT count(*) FROM bookings WHERE status = 'pending'`)[0] === '0' ? true : undefined), 120_000).catch((e: Error) => {
      throw new Error(`${e.message}: ${db(`SELECT id, status FROM bookings WHERE status = 'pending'`).join(', ')}\n${logs()}`);
    });
    const settled = db(`SELECT id, status FROM bookings`).map((row) => row.replace('|', '/booking-'));
    const storedNow = settled.length - storedBefore;
    assert.ok(storedNow >= accepted && storedNow <= accepted + cutOff, `${storedNow} bookings stored by this test, ${accepted} accepted, ${cutOff} cut off`);

    // One mail per booking: the notification logs (both replicas, the killed
    // one's too) name each mail by booking and outcome.
    const mailKeys = (): string[] => ['notification', 'notification-b'].flatMap((name) => [...proc(name).output.matchAll(/"msg":"mail sent".*?"key":"([^"]+)"/g)].map((m) => m[1]!));
    await eventually('a mail for every settled booking', async () => (settled.every((k) => mailKeys().includes(k)) ? true : undefined), 60_000);
    const sent = mailKeys();
    assert.equal(new Set(sent).size, sent.length, `a mail went out twice: ${sent.join(' ')}`);
    assert.equal(sent.length, settled.length, 'one mail per booking, no more');

    // No over-booking: per slot, at most slotCapacity confirmed bookings.
    assert.deepEqual(db(`SELECT slot_id, count(*) FROM bookings WHERE status = 'confirmed' GROUP BY slot_id HAVING count(*) > ${slotCapacity}`), []);
  });
});
