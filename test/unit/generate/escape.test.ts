// Each escape against the syntax of its target, and YAML frontmatter against a
// summary that tries to close the fence and add keys.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { codeSpan, linkText, markdownText, mdxText, mermaidLabel, oneLine, tableCell, visible } from '../../../src/core/generate/escape';
import { joinMdx, splitMdx } from '../../../src/core/generate/frontmatter';

describe('escaping event text for generated files', () => {
  it('one line: line breaks, tabs and other control characters become one space', () => {
    assert.equal(oneLine('a\r\nb\tc\u0007d\u2028e  '), 'a b c d e');
    assert.equal(visible('a\nb\u001b[31m'), 'a\\nb\\u001b[31m');
  });

  it('Markdown text, table cells and link text keep to their cell and link', () => {
    assert.equal(markdownText('x <!-- edgo:end events --> & y'), 'x &lt;!-- edgo:end events --> &amp; y');
    assert.equal(tableCell('a|b\nc'), 'a\\|b c');
    assert.equal(linkText('a]b[c', true), 'a\\]b\\[c');
    assert.equal(linkText('a|b', true), 'a\\|b');
  });

  it('code spans: a fence longer than any backtick run inside, pipes escaped in tables', () => {
    assert.equal(codeSpan('plain'), '`plain`');
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('`x'), '`` `x ``');
    assert.equal(codeSpan('a|b', true), '`a\\|b`');
  });

  it('MDX text: no expression, no JSX, no module statement', () => {
    assert.equal(mdxText('{x} <A/>'), '\\{x\\} &lt;A/>');
    assert.equal(mdxText('import x from "y"'), '&#105;mport x from "y"');
    assert.equal(mdxText('export const a = 1'), '&#101;xport const a = 1');
    assert.equal(mdxText('important'), 'important');
  });

  it('Mermaid labels: one line, without quote, comment or entity syntax', () => {
    assert.equal(mermaidLabel('a"b#c;d`e\nf<g>{h}'), "a'b'c'd'e fgh");
  });

  it('frontmatter: a summary that closes the fence stays one value', () => {
    const summary = 'Hi\n---\nid: evil\nimport x from "y"';
    const page = joinMdx({ id: 'order-created', summary }, '\nBody\n');
    const { data, body } = splitMdx(page);
    assert.deepEqual(data, { id: 'order-created', summary });
    assert.equal(body, '\nBody\n');
  });
});
