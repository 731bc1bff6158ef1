// A breaking payload change since the last commit (a real git repository):
// the page's version gets a warning whose quick fix bumps the major version
// and keeps the committed page and schema under versioned/<old>/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventService } from '../../../src/core/events/eventService';
import { quickFixes } from '../../../src/core/events/languageFeatures';
import { nodeGitBaseline } from '../../../src/core/host/nodeGitBaseline';
import { nodeLinkedFileReader } from '../../../src/core/host/nodeLinkedFiles';

const page = (version: string) => `---\nid: order-placed\nname: Order Placed\nversion: ${version}\nschemaPath: schema.json\n---\n\nText.\n`;
const v1 = '{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}';
const breaking = '{"type":"object","required":["id","total"],"properties":{"id":{"type":"integer"},"total":{"type":"number"}}}';

test('a breaking change since the commit offers: bump the major version and keep the old one in versioned/', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-bump-'));
  try {
    const dir = path.join(ws, 'events', 'OrderPlaced');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.mdx'), page('1.0.0'));
    fs.writeFileSync(path.join(dir, 'schema.json'), v1);
    const git = (...args: string[]) => execFileSync('git', ['-C', ws, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'v1');
    const service = () => new EventService({ readLinked: nodeLinkedFileReader(() => [ws]), readBaseline: nodeGitBaseline() });
    const file = path.join(dir, 'index.mdx');

    let s = service();
    s.setFile(file, page('1.0.0'));
    assert.deepEqual(s.diagnostics(file), [], 'unchanged schema: nothing');

    fs.writeFileSync(path.join(dir, 'schema.json'), breaking);
    s = service();
    s.setFile(file, page('1.0.0'));
    const d = s.diagnostics(file).filter((x) => x.code === 'event/breaking-change');
    assert.equal(d.length, 1);
    assert.match(d[0]?.message ?? '', /required field `total` added/);
    assert.equal(d[0]?.range.start.line, 3);
    const [fix] = quickFixes(s, file, d);
    assert.equal(fix?.title, 'Bump the major version to 2.0.0 and keep 1.0.0 in versioned/1.0.0/');
    assert.deepEqual(
      fix?.edits.map((e) => e.newText),
      ['2.0.0'],
    );
    assert.deepEqual(
      fix?.creates?.map((c) => [path.relative(dir, c.path), c.text]),
      [
        [path.join('versioned', '1.0.0', 'index.mdx'), page('1.0.0')],
        [path.join('versioned', '1.0.0', 'schema.json'), v1],
      ],
    );

    // After the fix is applied: the new version is bumped, the old one archived: no warning.
    fs.mkdirSync(path.join(dir, 'versioned', '1.0.0'), { recursive: true });
    for (const c of fix?.creates ?? []) fs.writeFileSync(c.path, c.text);
    s = service();
    for (const c of fix?.creates ?? []) s.setFile(c.path, c.text);
    s.setFile(file, page('2.0.0'));
    assert.deepEqual(
      s.diagnostics(file).map((x) => x.code),
      [],
    );
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
});
