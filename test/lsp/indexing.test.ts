// The workspace index is built in the background: the file the learner opens gets its diagnostics at once,
// requests are answered meanwhile, its reference checks follow when the index is complete, and a request
// the client cancels is not answered with work done for nobody.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionItem, Diagnostic } from 'vscode-languageserver-protocol';
import { ensureBuilt, fileUri, LspClient } from './lspClient';

const codes = (d: Diagnostic[]) => d.map((x) => `${x.range.start.line + 1} ${String(x.code)}`);
const pages = 4000;

describe('workspace indexing over stdio', () => {
  let client: LspClient;
  let ws: string;
  /** When the server said the index is complete (performance.now of this process), or undefined. */
  let indexedAt: number | undefined;

  before(async () => {
    ensureBuilt();
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-lsp-index-'));
    for (let i = 0; i < pages; i++) {
      const dir = path.join(ws, 'catalog', 'events', `E${i}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'index.mdx'), `---\nid: e-${i}\nname: Event ${i}\nversion: 1.0.0\n---\n`);
    }
    client = LspClient.server({ debounceMs: 0 });
    client.connection.onNotification('window/logMessage', (p: { message: string }) => {
      if (/^events: indexed \d+ file/.test(p.message)) indexedAt = performance.now();
    });
    await client.initialize(ws, { debounceMs: 0 });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('publishes the open file first, answers while indexing, then adds the reference checks', async () => {
    const uri = fileUri(path.join(ws, 'catalog', 'services', 'Orders', 'index.mdx'));
    const text = `---\nid: orders\nname: Orders\nversion: 1.0.0\nsends:\n  - id: e-${pages - 1}\n  - id: e-missing\n---\n`;
    const first = client.nextDiagnostics(uri);
    const complete = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mdx', version: 1, text } });
    const firstAt = await first.then(() => performance.now());
    const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
    const hoverAt = performance.now();
    assert.equal(indexedAt, undefined, 'the open file and the hover were answered before the index was complete');
    assert.ok(firstAt <= hoverAt);
    assert.ok(hover !== undefined);
    assert.deepEqual(codes((await first).diagnostics), [], 'no reference is called missing before the index is read');
    // Then, with every page read: the last page resolves, the missing id is an error.
    assert.deepEqual(codes((await complete).diagnostics), ['7 reference/not-found']);
    assert.ok(indexedAt !== undefined);
  });

  it('answers nothing to a request the client cancelled before the server reached it', async () => {
    const uri = fileUri(path.join(ws, 'catalog', 'channels', 'orders', 'index.mdx'));
    await client.open(uri, '---\nid: orders\nname: Orders\nversion: 1.0.0\ndeliveryGuarantee: \n---\n', 'mdx');
    const params = { textDocument: { uri }, position: { line: 4, character: 19 } };
    const answered = await client.request<CompletionItem[]>('textDocument/completion', params);
    assert.ok(answered.length > 0, 'the same request, not cancelled, is answered');
    // A large file keeps the server busy, so the cancellation arrives while the request still waits.
    const big = fileUri(path.join(ws, 'events', 'big.yaml'));
    const bigText = Array.from({ length: 3000 }, (_, i) => `name: shop.e${i}\nversion: "1.0.0"\ntitle: E ${i}\n`).join('---\n');
    const busy = client.nextDiagnostics(big);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'yaml', version: 1, text: bigText } });
    const source = new (await import('vscode-jsonrpc/node')).CancellationTokenSource();
    const request = client.connection.sendRequest<CompletionItem[] | null>('textDocument/completion', params, source.token);
    source.cancel();
    const cancelled = await request.catch((err: unknown) => err);
    await busy;
    assert.ok(cancelled === null || (Array.isArray(cancelled) && cancelled.length === 0) || (cancelled as { code?: number }).code === -32800, `answered after cancellation: ${JSON.stringify(cancelled).slice(0, 200)}`);
  });
});
