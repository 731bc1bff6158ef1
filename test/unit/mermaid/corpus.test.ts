// Runs the real Mermaid parser (mermaid 12 under jsdom) over diagrams written by
// others: every one must pass, and broken ones must be reported on the right line.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { extractMarkdownBlocks } from '../../../src/core/mermaid/blocks';
import { validateMermaidText } from '../../../src/core/mermaid/diagnostics';
import { nodeMermaidParser } from '../../../src/core/host/nodeMermaidParser';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus');
const validDir = path.join(corpus, 'mermaid', 'valid');
const markdownDir = path.join(corpus, 'markdown');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'mermaid');

describe('mermaid corpus', { timeout: 120_000 }, () => {
  it('reports no error for the 76 diagrams of mermaid/valid', { skip: !fs.existsSync(validDir) && `no corpus at ${validDir}` }, async () => {
    const files = fs.readdirSync(validDir).filter((f) => f.endsWith('.mmd'));
    assert.equal(files.length, 76);
    const problems: string[] = [];
    for (const f of files) {
      const diagnostics = await validateMermaidText(f, fs.readFileSync(path.join(validDir, f), 'utf8'), nodeMermaidParser);
      problems.push(...diagnostics.map((d) => `${f}:${d.range.start.line + 1}: ${d.message}`));
    }
    assert.deepEqual(problems, []);
  });

  it('finds the 21 blocks of the markdown corpus at the lines of EXPECTED.tsv, all valid', { skip: !fs.existsSync(markdownDir) && `no corpus at ${markdownDir}` }, async () => {
    const rows = fs
      .readFileSync(path.join(markdownDir, 'EXPECTED.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    assert.equal(rows.length, 21);
    const expected = rows.map((r) => `${r[0]}:${r[2]}:${r[3]}:${r[4]}`);
    const found: string[] = [];
    const problems: string[] = [];
    for (const file of [...new Set(rows.map((r) => r[0] ?? ''))]) {
      const text = fs.readFileSync(path.join(markdownDir, file), 'utf8');
      for (const b of extractMarkdownBlocks(text)) found.push(`${file}:${b.openLine + 1}:${b.contentLine + 1}:${(b.closeLine ?? -2) + 1}`);
      const diagnostics = await validateMermaidText(file, text, nodeMermaidParser);
      problems.push(...diagnostics.map((d) => `${file}:${d.range.start.line + 1}: ${d.message}`));
    }
    assert.deepEqual(found.sort(), expected.sort());
    assert.deepEqual(problems, []);
  });

  it('reports each broken fixture at the line marked "error here"', async () => {
    const files = fs.readdirSync(fixtures).filter((f) => /^broken-/.test(f));
    assert.ok(files.length >= 5, 'broken fixtures are missing');
    for (const f of files) {
      const text = fs.readFileSync(path.join(fixtures, f), 'utf8');
      const lines = text.split(/\r?\n/);
      const marked = lines.map((l, i) => (/error here/.test(l) ? i : -1)).filter((i) => i >= 0);
      const diagnostics = await validateMermaidText(f, text, nodeMermaidParser);
      assert.deepEqual(
        diagnostics.map((d) => d.range.start.line),
        marked.map((i) => i + 1),
        `${f}: ${JSON.stringify(diagnostics.map((d) => [d.range.start.line + 1, d.message]))}`,
      );
    }
  });
});
