import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

import { diagnosticsFrom, extensionApi, scratch } from '../helpers';

/** Our event server's diagnostics of `uri`, once `accept` says they are the ones. */
const diagnosticsOf = (uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean) => diagnosticsFrom('edgo-events', uri, accept);

describe('event validation in VS Code', () => {
  let dir: string;
  before(async () => {
    dir = scratch('edgo-events-it');
    fs.mkdirSync(path.join(dir, 'events'), { recursive: true });
    await extensionApi();
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
