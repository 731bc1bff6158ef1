// The event language server over stdio, driven as a real LSP client would.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, Location } from 'vscode-languageserver-protocol';
import { ensureBuilt, fileUri, LspClient, repoRoot } from './lspClient';

const at = (d: Diagnostic[]) => d.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${String(x.code)}`);

describe('event language server over stdio', () => {
  let client: LspClient;
  let ws: string;

  before(async () => {
    ensureBuilt();
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-lsp-'));
    fs.mkdirSync(path.join(ws, 'catalog', 'events', 'OrderCreated'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'catalog', 'events', 'OrderCreated', 'index.mdx'), '---\nid: order-created\nname: Order Created\nversion: 1.0.0\n---\n');
    client = LspClient.server({ debounceMs: 20 });
    const init = await client.initialize(ws, { debounceMs: 20 });
    assert.ok(init.capabilities.completionProvider);
    assert.equal(init.capabilities.hoverProvider, true);
    assert.ok(init.capabilities.codeActionProvider);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('publishes diagnostics on didOpen at the exact positions, and clears them on didChange', async () => {
    const uri = fileUri(path.join(ws, 'events', 'order-created.yaml'));
    const d = await client.open(uri, 'name: order.created\nversion: 1.0\nsumary: hi\n');
    assert.deepEqual(at(d), ['2:10 event/version-not-string', '3:1 event/unknown-property']);
    assert.equal(d[0]?.severity, 1);
    const fixed = await client.change(uri, 'name: order.created\nversion: "1.0.0"\nsummary: hi\n');
    assert.deepEqual(fixed, []);
  });

  it('offers quick fixes that repair the file', async () => {
    const uri = fileUri(path.join(ws, 'events', 'fix.yaml'));
    const d = await client.open(uri, 'name: order.paid\nversion: 2.1\n');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d[0]?.range, context: { diagnostics: d } });
    assert.equal(actions[0]?.title, 'Quote the version: "2.1.0"');
    assert.deepEqual(actions[0]?.edit?.changes?.[uri]?.[0]?.newText, '"2.1.0"');
    const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      outline.map((x) => `${x.name}@${x.selectionRange.start.line}`),
      ['name@0', 'version@1'],
    );
  });

  it('completes property names and enum values, and hovers with descriptions', async () => {
    const uri = fileUri(path.join(ws, 'catalog', 'channels', 'orders', 'index.mdx'));
    await client.open(uri, '---\nid: orders\nname: Orders\nversion: 1.0.0\ndeliveryGuarantee: \n\n---\n', 'mdx');
    const values = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 19 } });
    assert.deepEqual(
      values.map((c) => c.label),
      ['at-most-once', 'at-least-once', 'exactly-once'],
    );
    const keys = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 0 } });
    assert.ok(keys.some((c) => c.label === 'address'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 3 } });
    assert.match(JSON.stringify(hover.contents), /Delivery guarantee/);
  });

  it('checks references against files on disk it indexed at start, and jumps to them', async () => {
    const uri = fileUri(path.join(ws, 'catalog', 'services', 'Orders', 'index.mdx'));
    const d = await client.open(uri, '---\nid: orders\nname: Orders\nversion: 1.0.0\nsends:\n  - id: order-created\n  - id: order-deleted\n---\n', 'mdx');
    assert.deepEqual(at(d), ['7:9 reference/not-found']);
    const loc = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: { line: 5, character: 10 } });
    assert.equal(loc.uri, fileUri(path.join(ws, 'catalog', 'events', 'OrderCreated', 'index.mdx')));
    assert.equal(loc.range.start.line, 1);
  });

  it('re-checks an open file when a file it references changes', async () => {
    const consumer = fileUri(path.join(ws, 'shop', 'catalog', 'services', 'Billing', 'index.mdx'));
    const d1 = await client.open(consumer, '---\nid: billing\nname: Billing\nversion: 1.0.0\nreceives:\n  - id: invoice-due\n---\n', 'mdx');
    assert.deepEqual(at(d1), ['6:9 reference/not-found']);
    const again = client.nextDiagnostics(consumer);
    await client.open(fileUri(path.join(ws, 'shop', 'catalog', 'events', 'InvoiceDue', 'index.mdx')), '---\nid: invoice-due\nname: Invoice Due\nversion: 1.0.0\n---\n', 'mdx');
    assert.deepEqual(at((await again).diagnostics), ['6:9 event/consumed-not-produced']);
  });

  it("re-checks only the open files of the changed file's project (a starter and a solution define the same ids)", async () => {
    const farmConsumer = fileUri(path.join(ws, 'farm', 'catalog', 'services', 'Feed', 'index.mdx'));
    const d1 = await client.open(farmConsumer, '---\nid: feed\nname: Feed\nversion: 1.0.0\nreceives:\n  - id: feed-due\n---\n', 'mdx');
    assert.deepEqual(at(d1), ['6:9 reference/not-found']);
    // feed-due defined in another project: the farm's consumer is not checked again.
    const published = client.latest.get(farmConsumer);
    await client.open(fileUri(path.join(ws, 'shop', 'catalog', 'events', 'FeedDue', 'index.mdx')), '---\nid: feed-due\nname: Feed Due\nversion: 1.0.0\n---\n', 'mdx');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(client.latest.get(farmConsumer), published, "a definition in the shop project re-checked the farm project's file");
    // In its own project, it is.
    const again = client.nextDiagnostics(farmConsumer);
    await client.open(fileUri(path.join(ws, 'farm', 'catalog', 'events', 'FeedDue', 'index.mdx')), '---\nid: feed-due\nname: Feed Due\nversion: 1.0.0\n---\n', 'mdx');
    assert.deepEqual(at((await again).diagnostics), ['6:9 event/consumed-not-produced']);
  });

  it('survives hostile files within bounded time and keeps serving others', async () => {
    const started = Date.now();
    const cases: Array<[string, string, string]> = [
      ['big.yaml', `name: a.b\nsummary: "${'x'.repeat(10 * 1024 * 1024)}"\n`, 'file/too-large'],
      ['deep.yaml', `name: a.b\npayload: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'yaml/too-deep'],
      ['bin.yaml', 'name: \u0000\u0001\u0002', 'file/binary'],
      ['enc.yaml', 'name: \ufffd\ufffd\n', 'file/invalid-encoding'],
      ['bomb.yaml', 'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n', 'yaml/alias-bomb'],
    ];
    for (const [name, text, code] of cases) {
      const d = await client.open(fileUri(path.join(ws, 'events', name)), text);
      assert.deepEqual(
        d.map((x) => x.code),
        [code],
        name,
      );
    }
    const ok = await client.open(fileUri(path.join(ws, 'events', 'after.yaml')), 'name: order.shipped\nversion: 3\n');
    assert.deepEqual(at(ok), ['2:10 event/version-not-string']);
    assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
  });

  it('edgo lsp --stdio starts the same server', async () => {
    const cli = path.join(repoRoot, 'dist', 'cli.js');
    const other = new LspClient(process.execPath, [cli, 'lsp', '--stdio']);
    try {
      const init = await other.initialize(undefined);
      assert.ok(init.capabilities.hoverProvider);
      const d = await other.open('untitled:Untitled-1', '# $schema: event.schema.json\nname: Bad Name\n');
      assert.deepEqual(at(d), ['2:7 event/invalid-format']);
    } finally {
      await other.stop();
    }
  });
});
