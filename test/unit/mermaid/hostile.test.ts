// Mermaid diagnostics on hostile input: a huge broken diagram gets its finding
// (no stack overflow), and a frontmatter YAML error lands on its own line.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { validateMermaidText } from '../../../src/core/mermaid/diagnostics';
import { cleanDiagram } from '../../../src/core/mermaid/preprocess';
import { nodeMermaidParser } from '../../../src/core/host/nodeMermaidParser';

describe('mermaid on hostile input', { timeout: 120_000 }, () => {
  it('cleans a 130,000-character diagram full of comments without overflowing the stack', () => {
    const big = `flowchart TD\n${'%% note\n  A --> B\n'.repeat(8000)}`;
    assert.ok(big.length > 130_000);
    const cleaned = cleanDiagram(big);
    assert.equal(cleaned.toOriginal(1, 2).line, 2);
  });

  it('reports a 130,000-character broken diagram at its line', async () => {
    const big = `flowchart TD\n${'  A --> B(\n'.repeat(13_000)}`;
    const started = performance.now();
    const d = await validateMermaidText('big.mmd', big, nodeMermaidParser);
    assert.equal(d.length, 1);
    assert.equal(d[0]?.code, 'mermaid/syntax');
    assert.equal(d[0]?.range.start.line, 1);
    assert.ok(performance.now() - started < 30_000);
  });

  it('puts a frontmatter YAML error on the line that holds it', async () => {
    const text = '---\ntitle: a\nconfig: [\n  bad: : x\n---\nflowchart TD\n  A-->B\n';
    const d = await validateMermaidText('a.mmd', text, nodeMermaidParser);
    assert.deepEqual(
      d.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.code}`),
      ['4:8 mermaid/syntax'],
    );
    assert.match(d[0]?.message ?? '', /^YAML frontmatter: /);
    const md = '# Doc\n\n```mermaid\n---\ntitle: x\nconfig: [\n  a: : b\n---\nflowchart TD\n  A-->B\n```\n';
    const inMd = await validateMermaidText('doc.md', md, nodeMermaidParser);
    assert.deepEqual(
      inMd.map((x) => x.range.start.line + 1),
      [7],
    );
  });
});
