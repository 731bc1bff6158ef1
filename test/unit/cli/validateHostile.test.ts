// `edgo validate` with bad paths and hostile files: a clear message, the right
// exit code, bounded time, and nothing from a file written raw to the terminal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, repoRoot } from '../../lsp/lspClient';

const cli = path.join(repoRoot, 'dist', 'cli.js');
let dir = '';

before(() => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-cli-hostile-'));
  const w = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  w('shop/events/ok.yaml', 'name: order.created\nversion: "1.0.0"\n');
  w('shop/events/empty.yaml', '');
  w('shop/events/zero.yaml', '# $schema: /dev/zero\nname: a.b\n');
  w('shop/events/environ.yaml', '# $schema: /proc/self/environ\nname: a.b\n');
  w('shop/events/ctl.yaml', 'name: "x\\u001b]0;pwned\\u0007\\u001b[2J"\nversion: "1.0.0"\n');
  w('shop/.github/workflows/ci.yml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n');
  fs.mkdirSync(path.join(dir, 'shop', 'x.yaml'));
  // A trap beside the project: reading it would block for ever.
  fs.mkdirSync(path.join(dir, 'other', 'events'), { recursive: true });
  execFileSync('mkfifo', [path.join(dir, 'other', 'events', 'trap.yaml')]);
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

function edgo(...args: string[]): { code: number | null; out: string; err: string; ms: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [cli, 'validate', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, ms: performance.now() - started };
}

test('a missing path and a folder named like a file are usage errors (exit 2)', () => {
  const missing = edgo('shop/events/nope.yaml');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /'shop\/events\/nope\.yaml' does not exist/);
  const folder = edgo('shop/x.yaml');
  assert.equal(folder.code, 2);
  assert.match(folder.err, /is a folder, not a file/);
});

test('/dev/zero and /proc/self/environ as schemas: a finding each, quickly, nothing leaked', () => {
  const r = edgo('shop/events/zero.yaml', 'shop/events/environ.yaml');
  assert.equal(r.code, 1);
  assert.match(r.out, /shop\/events\/zero\.yaml:1:1 error schema\/unreadable .*system file/);
  assert.match(r.out, /shop\/events\/environ\.yaml:1:1 error schema\/unreadable .*system file/);
  assert.doesNotMatch(r.out, /PATH=|HOME=/);
  assert.ok(r.ms < 20_000, `${r.ms} ms`);
});

test('a FIFO given on the command line is a finding, not a hang', () => {
  const r = edgo('other/events/trap.yaml');
  assert.equal(r.code, 1);
  assert.match(r.out, /other\/events\/trap\.yaml:1:1 error file\/not-a-file /);
});

test('an unreadable file is an error finding (exit 1)', { skip: process.getuid?.() === 0 ? 'running as root, which reads any file' : false }, () => {
  const f = path.join(dir, 'shop', 'events', 'locked.yaml');
  fs.writeFileSync(f, 'name: a.b\n');
  fs.chmodSync(f, 0);
  try {
    const r = edgo('shop/events/locked.yaml');
    assert.equal(r.code, 1);
    assert.match(r.out, /file\/unreadable/);
  } finally {
    fs.rmSync(f);
  }
});

test('an empty event file gets a finding', () => {
  const r = edgo('shop/events/empty.yaml');
  assert.match(r.out, /shop\/events\/empty\.yaml:1:1 warning event\/empty /);
});

test('one file is validated within its own project, not the whole working directory', () => {
  // The FIFO in other/ would hang a walk of the working directory.
  const r = edgo('shop/events/ok.yaml');
  assert.equal(r.code, 0, r.out + r.err);
  assert.equal(r.out, '');
});

test('a folder includes .github/workflows', () => {
  const r = edgo('shop');
  assert.match(r.out, /shop\/\.github\/workflows\/ci\.yml:\d+:\d+ error /);
});

test('control characters from a file are escaped, in text and JSON output', () => {
  const text = edgo('shop/events/ctl.yaml');
  assert.match(text.out, /\\u\{1b\}\]0;pwned/);
  assert.doesNotMatch(text.out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  const json = edgo('--format', 'json', 'shop/events/ctl.yaml');
  assert.doesNotMatch(json.out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
});
