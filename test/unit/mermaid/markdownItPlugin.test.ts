import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { mermaidMarkdownItPlugin } from '../../../src/core/mermaid/markdownItPlugin';

describe('mermaidMarkdownItPlugin', () => {
  const md = new MarkdownIt({ html: true });
  mermaidMarkdownItPlugin(md);

  it('turns mermaid fences into escaped pre.edgo-mermaid and leaves other fences alone', () => {
    const html = md.render('# T\n\n```mermaid \ngraph TD\n  A["<img src=x onerror=alert(1)>"] --> B\n```\n\n```js\nlet a = 1;\n```\n');
    assert.match(html, /<pre class="edgo-mermaid code-line" data-line="2">graph TD\n {2}A\[&quot;&lt;img src=x onerror=alert\(1\)&gt;&quot;\] --&gt; B\n<\/pre>/);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<code class="language-js">/);
  });

  it('renders :::mermaid blocks', () => {
    const html = md.render('intro\n\n:::mermaid\nsequenceDiagram\n  A->>B: hi\n:::\n\nafter\n');
    assert.match(html, /<pre class="edgo-mermaid code-line" data-line="2">sequenceDiagram\n {2}A-&gt;&gt;B: hi\n<\/pre>/);
    assert.match(html, /<p>after<\/p>/);
  });
});
