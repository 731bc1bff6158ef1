// A test publisher for the inspector bench, in its own process: `rate` order.created
// events a second for `seconds`, every 10th breaking its contract (quantity 0).
import { connect } from '@nats-io/transport-node';

async function main(): Promise<void> {
  const [url = 'nats://127.0.0.1:4222', rate = '5000', seconds = '4'] = process.argv.slice(2);
  const nc = await connect({ servers: url.replace(/^nats:\/\//, '') });
  const total = Number(rate) * Number(seconds);
  const perTick = Number(rate) / 100;
  const enc = new TextEncoder();
  const start = Date.now();
  let sent = 0;
  while (sent < total) {
    for (let i = 0; i < perTick && sent < total; i++, sent++) {
      const data = { orderId: '0b8e6a3c-8a55-4b8c-9d1e-3d2f0f6c1a11', customerId: `c-${sent}`, items: [{ sku: 'sku-1', quantity: sent % 10 === 0 ? 0 : 2 }], placedAt: '2026-01-31T12:00:00Z' };
      nc.publish('order.created', enc.encode(JSON.stringify({ specversion: '1.0', id: `bench-${sent}`, type: 'order.created', source: '/bench', time: new Date().toISOString(), datacontenttype: 'application/json', data })));
    }
    // Pace by the clock, so a slow tick does not lower the rate.
    const due = start + (sent / Number(rate)) * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
  }
  await nc.flush();
  process.stdout.write(`${sent} ${Date.now() - start}\n`);
  await nc.close();
}

void main();
