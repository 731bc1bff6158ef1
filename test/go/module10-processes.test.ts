/**
 * The capstone solution as a person would run it: a REAL nats-server process
 * (Debian's package) with JetStream, the three services built and started as
 * processes, bookings POSTed over HTTP, /metrics scraped, and the spans the
 * services export over OTLP/HTTP caught by a small local receiver, which must
 * see one trace id from all three services. Skips where `go` or `nats-server`
 * is not installed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, freePort, natsServer, skipWithoutGoAndNats as skip, startProcess, stop, type Proc } from './realProcesses';

const repoRoot = path.resolve(__dirname, '..', '..');
const solution = path.join(repoRoot, 'walkthroughs', '10-capstone', 'solution');
const services = ['booking', 'payment', 'notification'] as const;

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
  const procs: Proc[] = [];
  const urls: Record<string, string> = {};
  const otlpBodies: Buffer[] = [];
  let otlp: http.Server | undefined;
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

    for (const name of services) {
      const port = await freePort();
      urls[name] = `http://127.0.0.1:${port}`;
      procs.push(
        startProcess(name, path.join(tmp, name), [], {
          NATS_URL: `nats://127.0.0.1:${natsPort}`,
          HTTP_ADDR: `127.0.0.1:${port}`,
          SLOT_CAPACITY: '1',
          PAYMENT_LIMIT_CENTS: '100000',
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
          OTEL_BSP_SCHEDULE_DELAY: '100',
        }),
      );
    }
    for (const name of services) {
      await eventually(`${name} /readyz`, async () => ((await fetch(`${urls[name]}/readyz`)).status === 200 ? true : undefined));
    }
  });

  after(async () => {
    await Promise.all(procs.map((p) => stop(p)));
    await stop(nats);
    await new Promise<void>((resolve) => (otlp ? otlp.close(() => resolve()) : resolve()));
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const book = async (slotId: string, paymentMethod: string, traceparent?: string): Promise<{ status: number; id: string }> => {
    const res = await fetch(`${urls.booking}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(traceparent ? { traceparent } : {}) },
      body: JSON.stringify({ slotId, customerEmail: 'ada@example.com', amountCents: 4200, currency: 'EUR', paymentMethod }),
    });
    const body = (await res.json()) as { id?: string };
    return { status: res.status, id: body.id ?? '' };
  };
  const statusOf = async (id: string): Promise<string> => ((await (await fetch(`${urls.booking}/bookings/${id}`)).json()) as { status: string }).status;

  it('confirms a paid booking and carries its trace through all three services', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const created = await book('yoga-1', 'card_ok', `00-${traceId}-00f067aa0ba902b7-01`);
    assert.equal(created.status, 202);
    await eventually('the booking to be confirmed', async () => ((await statusOf(created.id)) === 'confirmed' ? true : undefined)).catch((e: Error) => {
      throw new Error(`${e.message}\n${logs()}`);
    });
    const notified = await eventually('the confirmation mail in the notification log', async () => (/"msg":"mail sent"/.test(procs[2]?.output ?? '') ? true : undefined));
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
      ['booking', /events_published_total\{service="booking",type="booking\.cancelled"\} 1\n/],
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
      return missing.length === 0 ? true : undefined;
    }).catch((e: Error) => {
      throw new Error(`${e.message}; missing:\n${missing.join('\n')}`);
    });
  });
});
