// Linked schemas (`# $schema:`, `$ref`, `schemaPath`) are read only as regular
// files inside the workspace, size-capped; a refusal never echoes the file's bytes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventService } from '../../../src/core/events/eventService';
import { validateText } from '../../../src/core/events/validate';
import { nodeLinkedFileReader } from '../../../src/core/host/nodeLinkedFiles';
import { nodeLinkedFilePrefetcher } from '../../../src/core/host/nodeLinkedPrefetch';
import { isRefused } from '../../../src/core/events/linkedFiles';

let ws = '';
let outside = '';
const secret = 'EDGO_PLANTED_SECRET_4711';

before(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-linked-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-outside-'));
  fs.mkdirSync(path.join(ws, 'events'));
  fs.writeFileSync(path.join(ws, 'schema.json'), '{"type":"object","required":["id"]}');
  fs.writeFileSync(path.join(ws, 'big.json'), `{"description":"${'x'.repeat(2 * 1024 * 1024)}"}`);
  fs.writeFileSync(path.join(ws, 'notjson.json'), `${secret}=1\n`);
  fs.writeFileSync(path.join(outside, 'schema.json'), '{"type":"object"}');
  fs.symlinkSync(path.join(outside, 'schema.json'), path.join(ws, 'link.json'));
  execFileSync('mkfifo', [path.join(ws, 'fifo.json')]);
  process.env[secret] = 'do-not-print-me';
});

after(() => {
  fs.rmSync(ws, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

function validate(modeline: string): { codes: string[]; messages: string; ms: number } {
  const read = nodeLinkedFileReader(() => [ws]);
  const started = performance.now();
  const r = validateText(path.join(ws, 'events', 'x.yaml'), `# $schema: ${modeline}\nname: a\n`, { readLinked: read });
  return { codes: r?.diagnostics.map((d) => d.code) ?? [], messages: r?.diagnostics.map((d) => d.message).join('\n') ?? '', ms: performance.now() - started };
}

test('a schema inside the workspace is read and applied', () => {
  assert.deepEqual(validate('../schema.json').codes, ['schema/missing-property']);
});

test('/dev/zero, /proc/self/environ, a FIFO, a path outside, a symlink out, a huge file: refused in bounded time, never echoed', () => {
  const cases: Array<[string, RegExp]> = [
    ['/dev/zero', /system file/],
    ['/proc/self/environ', /system file/],
    ['../fifo.json', /not a regular file/],
    [path.join(outside, 'schema.json'), /outside the workspace/],
    ['../link.json', /outside the workspace/],
    ['../big.json', /larger than 1024 KB/],
  ];
  for (const [target, why] of cases) {
    const r = validate(target);
    assert.deepEqual(r.codes, ['schema/unreadable'], target);
    assert.match(r.messages, why, target);
    assert.doesNotMatch(r.messages, /do-not-print-me|PATH=|\u0000/, target);
    assert.ok(r.ms < 1000, `${target}: ${r.ms} ms`);
  }
});

test('a linked file that is not JSON is reported by position, without quoting it', () => {
  const r = validate('../notjson.json');
  assert.deepEqual(r.codes, ['schema/invalid']);
  assert.doesNotMatch(r.messages, new RegExp(secret));
});

test('a `$ref` in the course catalog pointing at /proc or /dev is a finding, not a read', () => {
  const s = new EventService({ readLinked: nodeLinkedFileReader(() => [ws]) });
  const file = path.join(ws, 'eventcatalog.yaml');
  const up = '../'.repeat(ws.split('/').length);
  s.setFile(file, `events:\n  - name: a.b\n    version: "1.0.0"\n    schema:\n      $ref: ${up}proc/self/environ\n  - name: c.d\n    version: "1.0.0"\n    schema:\n      $ref: ${up}dev/zero\n`);
  const d = s.diagnostics(file);
  assert.deepEqual(
    d.map((x) => `${x.range.start.line + 1} ${x.code}`),
    ['5 reference/schema-unreadable', '9 reference/schema-unreadable'],
  );
  assert.doesNotMatch(d.map((x) => x.message).join('\n'), /do-not-print-me/);
});

test('files read ahead on a worker thread get the answer the reader gives, or are left to the reader', async () => {
  const from = path.join(ws, 'events', 'x.yaml');
  const paths = ['/dev/zero', '/proc/self/environ', 'fifo.json', 'link.json', 'big.json', 'schema.json', 'notjson.json', 'missing.json', 'no-folder/x.json']
    .map((p) => (p.startsWith('/') ? p : path.join(ws, p)))
    .concat(path.join(outside, 'schema.json'));
  const ahead = await nodeLinkedFilePrefetcher(() => [ws])(paths, from);
  const read = nodeLinkedFileReader(() => [ws]);
  const says = (t: unknown) => (isRefused(t as never) ? `refused: ${(t as { refused: string }).refused}` : t === undefined ? 'missing' : `text of ${String(t).length}`);
  for (const p of paths) if (ahead.has(p)) assert.equal(says(ahead.get(p)), says(read(p, from)), p);
  // What it decided: the plain files, the missing one, and every refusal it can make without opening.
  assert.deepEqual([...ahead.keys()].map((p) => path.basename(p)).sort(), ['big.json', 'environ', 'fifo.json', 'missing.json', 'notjson.json', 'schema.json', 'schema.json', 'x.json', 'zero']);
  assert.ok(!ahead.has(path.join(ws, 'link.json')), 'a symlink is left to the reader');
  assert.equal(read(path.join(ws, 'no-folder', 'x.json'), from), undefined, 'a file in a folder that does not exist is missing');
  // Without a worker (where none can start) only what the folders decide is answered; the rest is left to the reader.
  const withoutWorker = await nodeLinkedFilePrefetcher(() => [ws], undefined, false)(paths, from);
  for (const p of paths) if (withoutWorker.has(p)) assert.equal(says(withoutWorker.get(p)), says(read(p, from)), p);
  assert.deepEqual([...withoutWorker.keys()].map((p) => path.basename(p)).sort(), ['environ', 'schema.json', 'x.json', 'zero']);
});

test("a folder swapped for a symlink out of the workspace is refused a second later (the reader's answers last a second)", async () => {
  const read = nodeLinkedFileReader(() => [ws]);
  const from = path.join(ws, 'events', 'x.yaml');
  const folder = path.join(ws, 'swapped');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'schema.json'), '{"type":"object"}');
  assert.equal(read(path.join(folder, 'schema.json'), from), '{"type":"object"}');
  fs.rmSync(folder, { recursive: true });
  fs.symlinkSync(outside, folder);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const now = read(path.join(folder, 'schema.json'), from);
  assert.ok(isRefused(now), `read through the swapped folder: ${JSON.stringify(now)}`);
});

test('a workspace folder that was a symlink and is now a real folder no longer lets its old target in, a second later', async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-moved-'));
  try {
    const target = path.join(base, 'target');
    const root = path.join(base, 'root');
    fs.mkdirSync(path.join(target, 'events'), { recursive: true });
    fs.writeFileSync(path.join(target, 'schema.json'), '{"type":"object"}');
    fs.symlinkSync(target, root);
    const read = nodeLinkedFileReader(() => [root]);
    // The catalog lives in neither folder: only the workspace folder allows the read.
    const from = path.join(base, 'catalog', 'eventcatalog.yaml');
    assert.equal(read(path.join(target, 'schema.json'), from), '{"type":"object"}', 'inside the workspace while it points there');
    fs.unlinkSync(root);
    fs.mkdirSync(root);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const now = read(path.join(target, 'schema.json'), from);
    assert.ok(isRefused(now), `the old target of the workspace folder is still read: ${JSON.stringify(now)}`);
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
});
