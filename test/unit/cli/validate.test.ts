// `edgo validate`: text, JSON and SARIF output, exit codes, on a temp folder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runValidate } from '../../../src/cli/validate';

let dir = '';
const cwd = process.cwd();

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-cli-'));
  fs.mkdirSync(path.join(dir, 'events'));
  fs.writeFileSync(path.join(dir, 'events', 'bad.yaml'), 'name: order.created\nversion: 1.0\n');
  fs.writeFileSync(path.join(dir, 'events', 'good.yaml'), 'eventType: order.paid\npayload:\n  orderId: UUID\n');
  fs.writeFileSync(path.join(dir, 'events', 'binary.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
  fs.writeFileSync(path.join(dir, 'notes.md'), '# not ours\n');
  process.chdir(dir);
});

after(() => {
  process.chdir(cwd);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runValidate(args, (s) => (out += s));
  return { code, out };
}

test('text output is file:line:col severity code message, exit 1 on errors', async () => {
  const { code, out } = await run(['.']);
  assert.equal(code, 1);
  const lines = out.trim().split('\n');
  assert.ok(
    lines.some((l) => l.startsWith('events/bad.yaml:2:10 error event/version-not-string ')),
    out,
  );
  assert.ok(
    lines.some((l) => /^events\/binary\.yaml:1:1 error file\/(binary|invalid-encoding) /.test(l)),
    out,
  );
  assert.ok(!out.includes('good.yaml') && !out.includes('notes.md'), out);
});

test('exit 0 when there are no errors; one file can be given', async () => {
  assert.equal((await run(['events/good.yaml'])).code, 0);
});

test('--format json and --format sarif', async () => {
  const json = JSON.parse((await run(['--format', 'json', 'events/bad.yaml'])).out) as Array<Record<string, unknown>>;
  assert.deepEqual(
    json.map((f) => [f.file, f.line, f.column, f.code]),
    [['events/bad.yaml', 2, 10, 'event/version-not-string']],
  );
  const sarif = JSON.parse((await run(['--format=sarif', 'events/bad.yaml'])).out) as {
    version: string;
    runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }> }> }>;
  };
  assert.equal(sarif.version, '2.1.0');
  const r = sarif.runs[0]?.results[0];
  assert.equal(r?.ruleId, 'event/version-not-string');
  assert.equal(r?.level, 'error');
  assert.deepEqual(r?.locations[0]?.physicalLocation.region.startLine, 2);
});

test('a bad option is a usage error (exit 2)', async () => {
  assert.equal((await run(['--format', 'xml'])).code, 2);
  assert.equal((await run(['--colour', 'events/good.yaml'])).code, 2);
  assert.equal((await run(['--root'])).code, 2);
});

test('-f is --format, and --root=DIR takes the other files from DIR', async () => {
  assert.equal(JSON.parse((await run(['-f', 'json', 'events/good.yaml'])).out).length, 0);
  assert.equal((await run(['--root=events', 'events/bad.yaml'])).code, 1);
});
