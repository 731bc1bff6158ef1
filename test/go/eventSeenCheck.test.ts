/**
 * The `event-seen` check kind against a REAL nats-server: it reads the stream
 * history (so it passes after the event was published, and again), checks each
 * message against module 5's contracts as `edgo tail` does, creates no durable
 * consumer, and fails clearly when the server is down (reported as not run),
 * when only invalid events exist (the rule's file and line), or when none exist;
 * and, on a second server with a user and password, says the credentials were
 * refused (not "no event seen") until the folder's .env gives them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect as natsConnect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { freePort, natsServer, startProcess, stop, type Proc } from './realProcesses';
import { eventSeenCheck } from '../../src/core/checks/kinds/eventSeen';
import { findCheckKind } from '../../src/core/checks/registry';
import { nodeProcessRunner } from '../../src/core/host/nodeProcessRunner';
import type { CheckContext, CheckSpec } from '../../src/core/checks/types';
import { loadWorkspaceContracts } from '../../src/core/inspector/workspace';
import { envelopeFor, samplePayload } from '../../src/core/inspector/sample';
import { nodeCourseFs } from '../../src/core/host/nodeCourseFs';

const repoRoot = path.resolve(__dirname, '..', '..');
const m5 = path.join(repoRoot, 'walkthroughs', '05-event-driven-services', 'solution');
const ctx = { folder: m5, runner: nodeProcessRunner, fs: nodeCourseFs } as unknown as CheckContext;
const spec = (fields: Record<string, unknown>): CheckSpec => ({ id: 'order-seen', kind: 'event-seen', title: 't', type: 'order.created', subjects: ['order.>'], action: 'POST an order', ...fields });

describe('event-seen check on a real nats-server', { skip: !natsServer && 'nats-server is not installed (apt-get install nats-server)', timeout: 120_000 }, () => {
  let tmp = '';
  let nats: Proc | undefined;
  let url = '';
  let nc: NatsConnection | undefined;
  let jsm: JetStreamManager | undefined;
  const orderCreated = loadWorkspaceContracts([m5]).catalog.find('order.created')!;
  const publish = async (data: unknown, id: string) => {
    const body = new TextEncoder().encode(JSON.stringify(envelopeFor(orderCreated, data, id, new Date())));
    await jsm!.jetstream().publish('order.created', body, { msgID: id });
  };
  /** Durable consumers on ORDERS (the check's ephemeral ones go away on their own once it disconnects). */
  const durables = async () => (await jsm!.consumers.list('ORDERS').next()).filter((c) => c.config.durable_name).map((c) => c.name);

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-event-seen-'));
    const port = await freePort();
    url = `nats://127.0.0.1:${port}`;
    nats = startProcess('nats-server', natsServer!, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', path.join(tmp, 'js')]);
    await nats.waitForOutput(/Server is ready/, 20_000);
    nc = await natsConnect({ servers: url });
    jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'ORDERS', subjects: ['order.>'] });
  });

  after(async () => {
    await nc?.close();
    await stop(nats);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is registered, and validates its fields', () => {
    assert.equal(findCheckKind('event-seen'), eventSeenCheck);
    assert.deepEqual(eventSeenCheck.validate(spec({})), []);
    assert.equal(eventSeenCheck.validate(spec({ type: undefined })).length, 1);
    assert.match(eventSeenCheck.validate(spec({ server: 'http://x' })).join(' '), /NATS URL/);
  });

  it('is reported as not run, saying what to start, when no server answers', async () => {
    const down = `nats://127.0.0.1:${await freePort()}`;
    const r = await eventSeenCheck.run(spec({ server: down }), ctx);
    assert.equal(r.status, 'fail');
    assert.equal(r.missingTool, 'nats-server');
    assert.match(r.message, /^Not run: no NATS server answers at nats:\/\/127\.0\.0\.1:\d+.*start nats-server and your services, then POST an order/);
  });

  it('fails when the stream holds no order.created', async () => {
    const r = await eventSeenCheck.run(spec({ server: url }), ctx);
    assert.equal(r.status, 'fail');
    assert.match(r.message, /No order\.created event in the stream history of order\.> at nats:.*POST an order/);
  });

  it('fails with the schema error and the contract line when only invalid ones exist', async () => {
    const bad = { ...(samplePayload(orderCreated) as Record<string, unknown>) };
    delete bad.orderId;
    await publish(bad, 'bad-1');
    const r = await eventSeenCheck.run(spec({ server: url }), ctx);
    assert.equal(r.status, 'fail', r.message);
    assert.match(r.message, /1 order\.created event seen, none valid against the contract: .*orderId/);
    const where = r.problems?.[0]?.location;
    assert.equal(where?.file, path.join('events', 'order.created.yaml'));
    const line = fs.readFileSync(path.join(m5, 'events', 'order.created.yaml'), 'utf8').split('\n')[(where?.line ?? 0) - 1] ?? '';
    assert.match(line, /required|orderId/, `line ${where?.line} is the rule: ${line}`);
  });

  it('passes once a valid one was published, again on a second run, and creates no durable consumer', async () => {
    await publish(samplePayload(orderCreated), 'good-1');
    const first = await eventSeenCheck.run(spec({ server: url }), ctx);
    assert.equal(first.status, 'pass', first.message);
    assert.match(first.message, /A valid order\.created event was seen \(order\.created, id good-1, ORDERS #2\)/);
    const again = await eventSeenCheck.run(spec({ server: url }), ctx);
    assert.equal(again.status, 'pass', again.message);
    assert.deepEqual(await durables(), [], 'the check creates no durable consumer on ORDERS');
    // Another type with a contract but no event is still "none".
    const none = await eventSeenCheck.run(spec({ server: url, type: 'inventory.reserved', subjects: ['order.>'] }), ctx);
    assert.equal(none.status, 'fail');
  });

  describe('on a server that requires a user and password', () => {
    let secured: Proc | undefined;
    let securedUrl = '';
    const folder = () => path.join(tmp, 'learner');

    before(async () => {
      const port = await freePort();
      securedUrl = `nats://127.0.0.1:${port}`;
      const config = path.join(tmp, 'auth.conf');
      fs.writeFileSync(config, `listen: 127.0.0.1:${port}\njetstream { store_dir: "${path.join(tmp, 'js-auth')}" }\nauthorization { user: learner, password: "s3cret-pass" }\n`);
      secured = startProcess('nats-server (auth)', natsServer!, ['-c', config]);
      await secured.waitForOutput(/Server is ready/, 20_000);
      const authed = await natsConnect({ servers: securedUrl, user: 'learner', pass: 's3cret-pass' });
      const m = await jetstreamManager(authed);
      await m.streams.add({ name: 'ORDERS', subjects: ['order.>'] });
      await m.jetstream().publish('order.created', new TextEncoder().encode(JSON.stringify(envelopeFor(orderCreated, samplePayload(orderCreated), 'auth-1', new Date()))), { msgID: 'auth-1' });
      await authed.close();
      fs.mkdirSync(folder(), { recursive: true });
    });

    after(() => stop(secured));

    it('says the credentials were refused, and does not count it against the learner', async () => {
      const r = await eventSeenCheck.run(spec({ server: securedUrl }), ctx);
      assert.equal(r.status, 'fail');
      assert.match(r.message, /^Could not check: the NATS server at nats:\/\/127\.0\.0\.1:\d+ refused the credentials sent without a user or password: Authorization Violation\. Put the user and password .* NATS_USER and NATS_PASSWORD/i);
      assert.doesNotMatch(r.message, /No order\.created event|start nats-server/);
      assert.equal(r.blocked, true);
      assert.equal(r.missingTool, undefined, 'nats-server is not missing');
    });

    it("names the user a wrong .env sent, and passes with the .env's right credentials", async () => {
      const env = (password: string) => fs.writeFileSync(path.join(folder(), '.env'), `NATS_URL=${securedUrl}\nNATS_USER=learner\nNATS_PASSWORD=${password}\n`);
      const inFolder = { ...ctx, folder: folder() } as CheckContext;
      env('wrong');
      const refused = await eventSeenCheck.run(spec({ contracts: m5 }), inFolder);
      assert.match(refused.message, /refused the credentials sent as user "learner" \(NATS_USER in \.env\)/);
      env('s3cret-pass');
      const r = await eventSeenCheck.run(spec({ contracts: m5 }), inFolder);
      assert.equal(r.status, 'pass', r.message);
      assert.match(r.message, /id auth-1/);
    });
  });
});
