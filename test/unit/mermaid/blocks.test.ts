import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { blockToFile, extractBlocks, extractMarkdownBlocks, wholeFileBlock } from '../../../src/core/mermaid/blocks';

describe('extractMarkdownBlocks', () => {
  it('finds backtick and tilde fences with their open, content and close lines', () => {
    const md = ['# Title', '', '```mermaid', 'flowchart TD', '  A-->B', '```', '', '~~~mermaid', 'pie', '  "a": 1', '~~~'].join('\n');
    const blocks = extractMarkdownBlocks(md);
    assert.deepEqual(
      blocks.map((b) => [b.kind, b.openLine, b.contentLine, b.closeLine, b.text]),
      [
        ['backtick', 2, 3, 5, 'flowchart TD\n  A-->B'],
        ['tilde', 7, 8, 10, 'pie\n  "a": 1'],
      ],
    );
  });

  it('accepts trailing spaces after mermaid, a space before it and upper case', () => {
    const md = '```mermaid  \ngraph TD\n```\n``` Mermaid\ngraph LR\n```\n';
    assert.deepEqual(
      extractMarkdownBlocks(md).map((b) => b.text),
      ['graph TD', 'graph LR'],
    );
  });

  it('removes the fence indentation from indented fences and maps columns back', () => {
    const md = ['- item', '', '    ```mermaid', '    sequenceDiagram', '      A->>B: hi', '  B', '    ```'].join('\n');
    const [block] = extractMarkdownBlocks(md);
    assert.ok(block);
    assert.equal(block.text, 'sequenceDiagram\n  A->>B: hi\nB');
    assert.deepEqual(blockToFile(block, 1, 2), { line: 4, character: 6 });
    assert.deepEqual(blockToFile(block, 2, 0), { line: 5, character: 2 });
  });

  it('reads :::mermaid colon blocks (Azure DevOps style)', () => {
    const md = ':::mermaid\ngraph TD\nA-->B\n:::\ntext\n::: mermaid\nsequenceDiagram\n:::\n';
    const blocks = extractMarkdownBlocks(md);
    assert.deepEqual(
      blocks.map((b) => [b.kind, b.openLine, b.closeLine]),
      [
        ['colon', 0, 3],
        ['colon', 5, 7],
      ],
    );
  });

  it('handles CRLF files', () => {
    const md = '# x\r\n\r\n```mermaid\r\ngraph TD\r\n  A-->B\r\n```\r\n';
    const [block] = extractMarkdownBlocks(md);
    assert.equal(block?.text, 'graph TD\n  A-->B');
    assert.equal(block?.contentLine, 3);
  });

  it('ignores mermaid fences shown inside a longer fence, and other languages', () => {
    const md = '````markdown\n```mermaid\ngraph TD\n```\n````\n```js\nx\n```\n```mermaid\ngraph LR\n```';
    assert.deepEqual(
      extractMarkdownBlocks(md).map((b) => b.openLine),
      [8],
    );
  });

  it('needs a closing fence at least as long as the opening one', () => {
    const md = '````mermaid\ngraph TD\n```\nA-->B\n````\n';
    assert.equal(extractMarkdownBlocks(md)[0]?.text, 'graph TD\n```\nA-->B');
  });

  it('runs an unclosed fence to the end of the file', () => {
    const [block] = extractMarkdownBlocks('text\n```mermaid\ngraph TD\nA-->B');
    assert.equal(block?.closeLine, undefined);
    assert.equal(block?.text, 'graph TD\nA-->B');
  });

  it('treats a .mmd file as one block and other files as none', () => {
    assert.equal(extractBlocks('a.mmd', 'graph TD\r\nA').length, 1);
    assert.equal(wholeFileBlock('graph TD\r\nA').text, 'graph TD\nA');
    assert.equal(extractBlocks('a.txt', '```mermaid\ngraph TD\n```').length, 0);
    assert.equal(extractBlocks('a.mdx', '```mermaid\ngraph TD\n```').length, 1);
  });
});
