// Event files in the editor go through the core language service: the server publishes, for each file of
// one tree, the diagnostics `createLanguageService` gives for it (codes, lines and messages).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeLanguageHost } from '../../src/core/host/nodeLanguageHost';
import { createLanguageService } from '../../src/core/language/service';
import { ensureBuilt, fileUri, LspClient } from './lspClient';

const page = (fm: string) => `---\n${fm}\n---\n`;
const tree: Record<string, string> = {
  'events/order-created.yaml': 'name: order.created\nversion: 1.0\nsumary: hi\n',
  'eventcatalog.yaml': 'name: Shop\nversion: "1.0.0"\nevents:\n  - name: shop.a\n    version: "1.0"\n    schema:\n      $ref: ./missing.json\n  - name: shop.b\n    version: 2\n',
  'catalog/events/Paid/index.mdx': page('id: paid\nname: Paid\nversion: 1.0.0'),
  'catalog/services/Orders/index.mdx': page('id: orders\nname: Orders\nversion: 1.0.0\nsends:\n  - id: paid\n  - id: refunded'),
};

let ws = '';
let client: LspClient;

before(async () => {
  ensureBuilt();
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-lsp-same-'));
  for (const [rel, text] of Object.entries(tree)) {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), text);
  }
  client = LspClient.server({ debounceMs: 0 });
  await client.initialize(ws, { debounceMs: 0 });
});

after(async () => {
  await client.stop();
  fs.rmSync(ws, { recursive: true, force: true });
});

test('the server publishes what the core language service reports, file by file', async () => {
  const service = createLanguageService({ workspace: { folders: () => [ws] }, host: nodeLanguageHost(() => [ws]) });
  for (const [rel, text] of Object.entries(tree)) service.setFile(path.join(ws, rel), text);
  const line = (d: { readonly range: { readonly start: { readonly line: number } }; readonly code?: string | number | undefined; readonly message: unknown }) => `${d.range.start.line + 1} ${String(d.code)} ${String(d.message)}`;
  let total = 0;
  for (const [rel, text] of Object.entries(tree)) {
    const file = path.join(ws, rel);
    const expected = (await service.diagnostics(file)).map(line);
    const uri = fileUri(file);
    let published = await client.open(uri, text, rel.endsWith('.mdx') ? 'mdx' : 'yaml');
    // The workspace index may still be read when the file opens: then its reference checks follow.
    if (published.length < expected.length) published = (await client.nextDiagnostics(uri)).diagnostics;
    assert.deepEqual(published.map(line), expected, rel);
    total += expected.length;
  }
  assert.ok(total >= 5, `the tree has findings to compare (${total})`);
});
