// `edgo tail` arguments, subject patterns, and a server that is not there (a real refused connection).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTailArgs, runTail } from '../../../src/cli/tail';
import { subjectMatches, subjectProblem } from '../../../src/core/inspector/subjects';
import { freePort, natsServer, startProcess, stop } from '../../go/realProcesses';

test('tail arguments: subjects, server, format, flags; bad ones say why', () => {
  const a = parseTailArgs(['order.>', 'inventory.*,dlq.>', '--server', 'nats://h:4333', '--format=json', '--fail-on-violation', '--all', '--max', '5'], {});
  assert.ok(typeof a !== 'string');
  assert.deepEqual([a.subjects, a.server, a.format, a.failOnViolation, a.deliver, a.max], [['order.>', 'inventory.*', 'dlq.>'], 'nats://h:4333', 'json', true, 'all', 5]);
  assert.equal((parseTailArgs([], { NATS_URL: 'nats://env:4222' }) as { server: string }).server, 'nats://env:4222');
  assert.equal(parseTailArgs(['--format', 'xml'], {}), '--format is text or json, not xml');
  assert.equal(parseTailArgs(['--max', '-1'], {}), '--max needs a positive number');
  assert.equal(parseTailArgs(['--server', 'http://x'], {}), '--server http://x is not a NATS URL (nats://host:port)');
  assert.equal(parseTailArgs(['--nope'], {}), 'unknown option --nope');
});

test('subject patterns: matching and the problems NATS would reject', () => {
  assert.ok(subjectMatches('order.>', 'order.created'));
  assert.ok(!subjectMatches('order.>', 'order'));
  assert.ok(subjectMatches('*.created', 'order.created'));
  assert.ok(!subjectMatches('order.*', 'order.created.v1'));
  assert.equal(subjectProblem('order..created'), 'the subject "order..created" has an empty token (two dots, or a dot at an end)');
  assert.equal(subjectProblem('order.>.x'), 'in "order.>.x", ">" can only be the last token');
  assert.equal(subjectProblem('order.cre*'), 'in "order.cre*", "*" and ">" must be whole tokens');
  assert.equal(subjectProblem('order.created'), undefined);
});

test('a server that is down: one clear line and exit 2, no retry loop', async () => {
  const port = await freePort();
  let err = '';
  const started = Date.now();
  const code = await runTail(
    ['--server', `nats://127.0.0.1:${port}`],
    () => undefined,
    (s) => (err += s),
  );
  assert.equal(code, 2);
  assert.equal(err, `edgo tail: No NATS server answers at nats://127.0.0.1:${port} (connection refused). Start one with \`nats-server -js\`, or set the URL.\n`);
  assert.ok(Date.now() - started < 10_000);
});

test('a server that refuses the credentials says so (real nats-server with a user)', { skip: natsServer ? false : 'nats-server is not installed' }, async () => {
  const port = await freePort();
  const server = startProcess('nats-server', natsServer!, ['-a', '127.0.0.1', '-p', String(port), '--user', 'learner', '--pass', 'right']);
  try {
    await server.waitForOutput(/Server is ready/, 20_000);
    let err = '';
    const code = await runTail(
      ['--server', `nats://127.0.0.1:${port}`, '--user', 'learner', '--password', 'wrong'],
      () => undefined,
      (s) => (err += s),
    );
    assert.equal(code, 2);
    assert.match(err, new RegExp(`^edgo tail: The NATS server at nats://127\\.0\\.0\\.1:${port} refused the credentials \\(.*\\)\\. Check the user and password, or the token\\.\\n$`));
  } finally {
    await stop(server);
  }
});

test('only src/nats/client.ts imports the NATS client, so the extension and the CLI load it on first use', async () => {
  const { walkFiles } = await import('../../../src/core/host/folderWalk');
  const path = await import('node:path');
  const fs = await import('node:fs');
  const src = path.resolve(__dirname, '..', '..', '..', 'src');
  const importers = [...walkFiles(src)].filter((f) => f.endsWith('.ts') && /from '@nats-io\//.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(src, f));
  assert.deepEqual(importers, [path.join('nats', 'client.ts')]);
});
