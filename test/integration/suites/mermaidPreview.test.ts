import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

import { diagnosticsFrom, extensionApi, scratch } from '../helpers';

interface Rendered {
  uri: string;
  version: number;
  theme: string;
  diagrams: { index: number; svg?: string; error?: { message: string; line: number }; rerendered: boolean }[];
}

/** Waits for the preview to draw `uri` at `minVersion` or later (the panel signals it; no sleeps). */
function rendered(uri: vscode.Uri, minVersion: number): Thenable<Rendered> {
  return vscode.commands.executeCommand<Rendered>('edgo.mermaid.test.waitForRender', { uri: uri.toString(), minVersion, timeoutMs: 45_000 });
}

/** Our Mermaid diagnostics of `uri`, once `accept` says they are the ones. */
const mermaidDiagnostics = (uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean) => diagnosticsFrom('mermaid', uri, accept);

async function replaceAll(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('mermaid preview in VS Code', () => {
  let dir: string;
  before(async () => {
    dir = scratch('edgo-mermaid-it');
    await extensionApi();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the panel for a .mmd file, renders its labels, and re-renders an edit', async () => {
    const file = path.join(dir, 'orders.mmd');
    fs.writeFileSync(file, 'flowchart LR\n  Cart[Cart checked out] --> Order[Order placed]\n');
    const uri = vscode.Uri.file(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'mermaid');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('edgo.mermaid.openPreview');
    const first = await rendered(uri, doc.version);
    assert.equal(first.diagrams.length, 1);
    assert.match(first.diagrams[0]?.svg ?? '', /Cart checked out/, JSON.stringify(first.diagrams[0]?.error));
    assert.match(first.diagrams[0]?.svg ?? '', /Order placed/);

    await replaceAll(doc, 'flowchart LR\n  Cart[Cart checked out] --> Order[Order placed]\n  Order --> Paid[Payment captured]\n');
    const second = await rendered(uri, doc.version);
    assert.match(second.diagrams[0]?.svg ?? '', /Payment captured/);
    assert.equal(second.diagrams[0]?.rerendered, true);
  });

  it("shows a syntax error in the panel and in Problems at the learner's line, and clears both when fixed", async () => {
    const file = path.join(dir, 'broken.mmd');
    const text = '---\ntitle: Broken\n---\nsequenceDiagram\n  %% a comment\n  Orders->>Billing: charge\n  Billing->>\n';
    fs.writeFileSync(file, text);
    const uri = vscode.Uri.file(file);
    const problems = mermaidDiagnostics(uri, (d) => d.length > 0);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('edgo.mermaid.openPreview');
    const shown = await rendered(uri, doc.version);
    assert.equal(shown.diagrams[0]?.error?.line, 6);
    assert.match(shown.diagrams[0]?.error?.message ?? '', /Syntax error/);
    const diagnostics = await problems;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.range.start.line, 6);
    assert.equal(diagnostics[0]?.severity, vscode.DiagnosticSeverity.Error);

    const cleared = mermaidDiagnostics(uri, (d) => d.length === 0);
    await replaceAll(doc, text.replace('Billing->>\n', 'Billing->>Orders: ok\n'));
    const fixed = await rendered(uri, doc.version);
    assert.equal(fixed.diagrams[0]?.error, undefined);
    assert.match(fixed.diagrams[0]?.svg ?? '', /charge/);
    assert.deepEqual(await cleared, []);
  });

  it('re-renders only the changed diagram of a Markdown file and reports fence errors at file lines', async () => {
    const file = path.join(dir, 'design.md');
    const fences = ['flowchart TD\n  A[First] --> B', 'sequenceDiagram\n  A->>B: Second', 'classDiagram\n  class Third'];
    fs.writeFileSync(file, `# Design\n\n${fences.map((f) => `\`\`\`mermaid\n${f}\n\`\`\`\n`).join('\n')}`);
    const uri = vscode.Uri.file(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('edgo.mermaid.openPreview');
    const first = await rendered(uri, doc.version);
    assert.equal(first.diagrams.length, 3);
    await replaceAll(doc, doc.getText().replace('A->>B: Second', 'A->>B: Changed'));
    const second = await rendered(uri, doc.version);
    assert.deepEqual(
      second.diagrams.map((d) => d.rerendered),
      [false, true, false],
    );

    const problems = mermaidDiagnostics(uri, (d) => d.length > 0);
    await replaceAll(doc, doc.getText().replace('class Third', 'class Third {'));
    const diagnostics = await problems;
    assert.equal(
      diagnostics[0]?.range.start.line,
      doc
        .getText()
        .split('\n')
        .findIndex((l) => l.includes('class Third {')),
    );
  });

  it('follows the active editor unless locked', async () => {
    const [a, b] = ['a.mmd', 'b.mmd'].map((n) => path.join(dir, n));
    fs.writeFileSync(a!, 'flowchart LR\n  A1[Alpha]\n');
    fs.writeFileSync(b!, 'flowchart LR\n  B1[Bravo]\n');
    const docA = await vscode.workspace.openTextDocument(vscode.Uri.file(a!));
    const docB = await vscode.workspace.openTextDocument(vscode.Uri.file(b!));
    await vscode.window.showTextDocument(docA, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('edgo.mermaid.openPreview');
    assert.match((await rendered(docA.uri, docA.version)).diagrams[0]?.svg ?? '', /Alpha/);
    await vscode.commands.executeCommand('edgo.mermaid.toggleLock');
    await vscode.window.showTextDocument(docB, vscode.ViewColumn.One);
    const locked = await vscode.commands.executeCommand<{ uri: string; locked: boolean; title: string }>('edgo.mermaid.test.state');
    assert.deepEqual([locked.uri, locked.locked], [docA.uri.toString(), true]);
    assert.match(locked.title, /^\[Locked\] Mermaid: a\.mmd$/);
    await vscode.commands.executeCommand('edgo.mermaid.toggleLock');
    assert.match((await rendered(docB.uri, docB.version)).diagrams[0]?.svg ?? '', /Bravo/);
  });

  it('gives .mmd files the mermaid language with %% comment toggling', async () => {
    const file = path.join(dir, 'comment.mmd');
    fs.writeFileSync(file, 'flowchart TD\n  A --> B\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    assert.equal(doc.languageId, 'mermaid');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.equal(doc.lineAt(1).text, '  %% A --> B');
  });

  it("adds mermaid fences to VS Code's own Markdown preview", async () => {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', '# T\n\n```mermaid\nflowchart TD\n  A["<b>x</b>"] --> B\n```\n');
    assert.match(html, /<pre class="edgo-mermaid[^"]*"[^>]*>flowchart TD\n {2}A\[&quot;&lt;b&gt;x&lt;\/b&gt;&quot;\] --&gt; B\n<\/pre>/);
  });

  it('exports the diagram as a valid SVG and PNG beside the source', async () => {
    const file = path.join(dir, 'export.mmd');
    fs.writeFileSync(file, 'flowchart LR\n  Publish[Publish event] --> Consume[Consume event]\n');
    const uri = vscode.Uri.file(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('edgo.mermaid.openPreview');
    await rendered(uri, doc.version);
    const svgUri = await vscode.commands.executeCommand<vscode.Uri>('edgo.mermaid.exportSvg', { target: path.join(dir, 'export.svg') });
    const pngUri = await vscode.commands.executeCommand<vscode.Uri>('edgo.mermaid.exportPng', { target: path.join(dir, 'export.png') });
    assert.equal(svgUri?.fsPath, path.join(dir, 'export.svg'));
    const svg = fs.readFileSync(path.join(dir, 'export.svg'), 'utf8');
    assert.match(svg, /^<\?xml[^>]*>\n<svg[\s\S]*Publish event[\s\S]*<\/svg>$/);
    assert.equal(pngUri?.fsPath, path.join(dir, 'export.png'));
    const png = fs.readFileSync(path.join(dir, 'export.png'));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR width and height are real numbers, not an empty canvas.
    assert.ok(png.readUInt32BE(16) > 100 && png.readUInt32BE(20) > 20, `PNG is ${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`);
  });

  it('exports beside the source by default, numbering the diagrams of a Markdown file', async () => {
    const file = path.join(dir, 'notes.md');
    fs.writeFileSync(file, '# Notes\n\n```mermaid\npie\n  "a": 1\n```\n\n```mermaid\nflowchart LR\n  Second[Second diagram]\n```\n');
    const uri = vscode.Uri.file(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('edgo.mermaid.openPreview');
    await rendered(uri, doc.version);
    const written = await vscode.commands.executeCommand<vscode.Uri>('edgo.mermaid.exportSvg', { index: 1 });
    assert.equal(written?.fsPath, path.join(dir, 'notes-2.svg'));
    assert.match(fs.readFileSync(path.join(dir, 'notes-2.svg'), 'utf8'), /Second diagram/);
  });
});
