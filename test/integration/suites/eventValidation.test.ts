import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

const extensionId = 'edgo-lab.event-driven-go-lab';

/** Resolves with the diagnostics of `uri` from our server once `accept` says they are the ones (no sleeps). */
function diagnosticsOf(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'edgo-events');
    const now = ours();
    if (now.length && accept(now)) return resolve(now);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = ours();
      if (accept(d)) {
        sub.dispose();
        resolve(d);
      }
    });
  });
}

describe('event validation in VS Code', () => {
  let dir: string;
  before(async () => {
    const base = process.env.EDGO_TEST_TMP ?? os.tmpdir();
    fs.mkdirSync(base, { recursive: true });
    dir = fs.mkdtempSync(path.join(base, 'edgo-events-it-'));
    fs.mkdirSync(path.join(dir, 'events'), { recursive: true });
    await vscode.extensions.getExtension(extensionId)?.activate();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows a diagnostic at the right line of a bad event YAML, and a quick fix repairs it', async () => {
    const file = path.join(dir, 'events', 'order-created.yaml');
    fs.writeFileSync(file, 'name: order.created\ntitle: Order Created\nversion: 1.0\n');
    const uri = vscode.Uri.file(file);
    const pending = diagnosticsOf(uri, (d) => d.length > 0);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diagnostics = await pending;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.code, 'event/version-not-string');
    assert.equal(diagnostics[0]?.range.start.line, 2);
    assert.equal(diagnostics[0]?.range.start.character, 9);
    assert.equal(diagnostics[0]?.severity, vscode.DiagnosticSeverity.Error);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostics[0]!.range);
    const quote = actions.find((a) => a.title.startsWith('Quote the version'));
    assert.ok(quote?.edit, `no quote fix among ${actions.map((a) => a.title).join(', ')}`);
    const cleared = diagnosticsOf(uri, (d) => d.length === 0);
    await vscode.workspace.applyEdit(quote.edit);
    assert.equal(doc.lineAt(2).text, 'version: "1.0.0"');
    assert.deepEqual(await cleared, []);
  });

  it('validates EventCatalog frontmatter in Markdown coordinates', async () => {
    const file = path.join(dir, 'catalog', 'channels', 'orders', 'index.mdx');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '---\nid: orders\nname: Orders\nversion: 1.0.0\ndeliveryGuarantee: twice\n---\n\n# Orders\n');
    const uri = vscode.Uri.file(file);
    const pending = diagnosticsOf(uri, (d) => d.length > 0);
    const doc = await vscode.workspace.openTextDocument(uri);
    // .mdx has no language in a bare VS Code: use markdown, which the client selects too.
    if (doc.languageId !== 'mdx' && doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    const d = await pending;
    assert.equal(d[0]?.code, 'catalog/invalid-value');
    assert.equal(d[0]?.range.start.line, 4);
  });
});
