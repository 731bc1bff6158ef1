// Hostile input: each yields one clear diagnostic in bounded time, never a throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateText } from '../../../src/core/events/validate';
import { EventService } from '../../../src/core/events/eventService';

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

test('a 10 MB file is skipped with a message', () => {
  const big = `name: order.created\nsummary: "${'x'.repeat(10 * 1024 * 1024)}"\n`;
  const { value, ms } = timed(() => validateText('w/events/big.yaml', big));
  assert.deepEqual(
    value?.diagnostics.map((d) => d.code),
    ['file/too-large'],
  );
  assert.match(value?.diagnostics[0]?.message ?? '', /MB/);
  assert.ok(ms < 2000, `${ms} ms`);
});

test('10,000-deep nesting (flow and block) is refused before parsing', () => {
  const flow = `name: a.b\npayload: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
  const t1 = timed(() => validateText('w/events/deep.yaml', flow));
  assert.deepEqual(
    t1.value?.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`),
    ['2 yaml/too-deep'],
  );
  let block = 'name: a.b\npayload:\n';
  for (let i = 1; i <= 10_000 && block.length < 4_000_000; i++) block += `${' '.repeat(i)}k${i}:\n`;
  const t2 = timed(() => validateText('w/events/deep2.yaml', block));
  assert.equal(t2.value?.diagnostics[0]?.code, 'yaml/too-deep');
  assert.ok(t1.ms + t2.ms < 3000, `${t1.ms} + ${t2.ms} ms`);
});

test('invalid UTF-8 and binary files get a clear diagnostic', () => {
  const invalid = new TextDecoder('utf-8').decode(Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
  assert.deepEqual(
    validateText('w/events/enc.yaml', invalid)?.diagnostics.map((d) => d.code),
    ['file/invalid-encoding'],
  );
  const binary = new TextDecoder('utf-8').decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  const codes = validateText('w/events/img.yaml', binary)?.diagnostics.map((d) => d.code) ?? [];
  assert.equal(codes.length, 1);
  assert.match(codes[0] ?? '', /^file\/(binary|invalid-encoding)$/);
  assert.deepEqual(
    validateText('w/events/nul.yaml', 'name: a\u0000b\n')?.diagnostics.map((d) => d.code),
    ['file/binary'],
  );
});

test('a billion-laughs alias bomb is stopped', () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const [n, p] of [
    ['b', 'a'],
    ['c', 'b'],
    ['d', 'c'],
    ['e', 'd'],
    ['f', 'e'],
    ['g', 'f'],
    ['h', 'g'],
    ['i', 'h'],
  ]) {
    lines.push(`${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]`);
  }
  const { value, ms } = timed(() => validateText('w/events/bomb.yaml', `${lines.join('\n')}\n`));
  assert.deepEqual(
    value?.diagnostics.map((d) => d.code),
    ['yaml/alias-bomb'],
  );
  assert.ok(ms < 2000, `${ms} ms`);
});

test('after bad files, the service still validates good ones', () => {
  const s = new EventService();
  s.setFile('/w/events/bomb.yaml', 'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n');
  s.setFile('/w/events/deep.yaml', `${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`);
  s.setFile('/w/events/ok.yaml', 'name: order.created\nversion: 1.0\n');
  assert.deepEqual(
    s.diagnostics('/w/events/ok.yaml').map((d) => d.code),
    ['event/version-not-string'],
  );
});

test('a 4 MB list of a million lines, and a flow list of a million values, are refused quickly with a clear finding', () => {
  const lines = timed(() => validateText('w/eventcatalog.yaml', `events:\n${'- 1\n'.repeat(1_000_000)}`));
  assert.deepEqual(
    lines.value?.diagnostics.map((d) => d.code),
    ['file/too-many-lines'],
  );
  assert.match(lines.value?.diagnostics[0]?.message ?? '', /more than 100,000 lines/);
  const flow = timed(() => validateText('w/eventcatalog.yaml', `events: [${'1,'.repeat(1_000_000)}]\n`));
  assert.deepEqual(
    flow.value?.diagnostics.map((d) => d.code),
    ['file/too-many-nodes'],
  );
  assert.ok(lines.ms + flow.ms < 3000, `${lines.ms} + ${flow.ms} ms`);
});

test('an empty or comments-only event file gets a finding', () => {
  assert.deepEqual(
    validateText('w/events/e.yaml', '')?.diagnostics.map((d) => d.code),
    ['event/empty'],
  );
  assert.deepEqual(
    validateText('w/events/e.yaml', '# todo\n')?.diagnostics.map((d) => d.code),
    ['event/empty'],
  );
});
