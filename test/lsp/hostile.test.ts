// The language server with hostile files in its workspace (indexed at start,
// as in an untrusted folder): each gets a clear finding in bounded time, and
// the server keeps answering.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { ensureBuilt, fileUri, LspClient } from './lspClient';

describe('language server with hostile files', () => {
  let client: LspClient;
  let ws: string;

  before(async () => {
    ensureBuilt();
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-lsp-hostile-'));
    fs.mkdirSync(path.join(ws, 'events'));
    fs.writeFileSync(path.join(ws, 'events', 'zero.yaml'), '# $schema: /dev/zero\nname: a.b\n');
    fs.writeFileSync(path.join(ws, 'events', 'environ.yaml'), '# $schema: /proc/self/environ\nname: a.b\n');
    execFileSync('mkfifo', [path.join(ws, 'events', 'fifo.yaml')]);
    client = LspClient.server({ debounceMs: 0 });
    await client.initialize(ws, { debounceMs: 0 });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('reports /dev/zero and /proc/self/environ as schemas it will not read, without their bytes', async () => {
    const started = Date.now();
    for (const name of ['zero.yaml', 'environ.yaml']) {
      const file = path.join(ws, 'events', name);
      const d = await client.open(fileUri(file), fs.readFileSync(file, 'utf8'));
      assert.deepEqual(
        d.map((x) => x.code),
        ['schema/unreadable'],
        name,
      );
      assert.match(String(d[0]?.message ?? ''), /system file/);
      assert.doesNotMatch(String(d[0]?.message ?? ''), /PATH=|HOME=/);
    }
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
  });

  it('publishes the finding of a 130,000-character broken Mermaid diagram', async () => {
    const big = `flowchart TD\n${'  A --> B(\n'.repeat(13_000)}`;
    const uri = fileUri(path.join(ws, 'big.mmd'));
    const next = client.nextDiagnostics(uri, 60_000);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mermaid', version: 1, text: big } });
    // Mermaid is loaded on first use; the first publish may be the empty one before it.
    let d = (await next).diagnostics;
    for (let i = 0; i < 3 && d.length === 0; i++) d = (await client.nextDiagnostics(uri, 60_000)).diagnostics;
    assert.deepEqual(
      d.map((x) => x.code),
      ['mermaid/syntax'],
    );
  });

  it('gives a hostile workflow and manifest (alias bomb, 6 MB) the same clear finding as an event file, in bounded time', async () => {
    const bomb = ['x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 9 }, (_, i) => `x${i + 1}: &x${i + 1} [${Array(10).fill(`*x${i}`).join(', ')}]`)].join('\n');
    const huge = `data:\n${'  k: 0123456789012345678901234567890123456789\n'.repeat(150_000)}`;
    const cases: [string, string, string][] = [
      ['.github/workflows/bomb.yml', `on: push\njobs: {}\n${bomb}\n`, 'yaml/alias-bomb'],
      ['.github/workflows/huge.yml', `on: push\n${huge}`, 'file/too-large'],
      ['deploy/bomb.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n${bomb}\n`, 'yaml/alias-bomb'],
      ['deploy/huge.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n${huge}`, 'file/too-large'],
    ];
    for (const [name, text, code] of cases) {
      const started = Date.now();
      const d = await client.open(fileUri(path.join(ws, name)), text);
      assert.deepEqual(
        d.map((x) => x.code),
        [code],
        name,
      );
      assert.ok(Date.now() - started < 5_000, `${name}: ${Date.now() - started} ms`);
    }
  });

  it('still answers requests afterwards', async () => {
    const uri = fileUri(path.join(ws, 'events', 'after.yaml'));
    const d = await client.open(uri, 'name: order.shipped\nversion: 3\n');
    assert.deepEqual(
      d.map((x) => x.code),
      ['event/version-not-string'],
    );
    const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      outline.map((s) => s.name),
      ['name', 'version'],
    );
  });
});
