// Hostile diagrams in a real Chromium: labels with HTML, script tags,
// javascript: links, click callbacks and attempts to lower the security level
// must render as text or not at all, and no script of theirs may run.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchBrowser, openPreviewPage, update, type Harness } from './harness';

const skip = !fs.existsSync(chromiumPath) && `no Chromium at ${chromiumPath}`;

const hostile = [
  [
    'flowchart TD',
    '  A["<img src=x onerror=window.__pwned=\'img\'>"] --> B["<script>window.__pwned=\'script\'</script>"]',
    '  C[Call me] --> D[Link me]',
    '  E["<a href=\'javascript:window.__pwned=1\'>anchor</a>"] --> F["<iframe src=\'javascript:parent.__pwned=2\'></iframe>"]',
    '  click C call pwn()',
    '  click D href "javascript:window.__pwned=\'href\'"',
    '  click E pwn',
  ].join('\n'),
  '%%{init: {"securityLevel": "loose", "startOnLoad": true}}%%\nflowchart LR\n  G[Directive] --> H["<img src=y onerror=window.__pwned=\'directive\'>"]\n  click G call pwn()',
  '---\nconfig:\n  securityLevel: loose\n---\nflowchart LR\n  I[Frontmatter] --> J\n  click I call pwn()',
  "sequenceDiagram\n  participant A as <img src=z onerror=window.__pwned='seq'>\n  A->>B: <script>window.__pwned=\"msg\"</script>\n  link A: Evil @ javascript:window.__pwned='link'",
  "classDiagram\n  class K {\n    +<img src=w onerror=window.__pwned='class'>()\n  }\n  click K call pwn()",
];

describe('mermaid preview security (real Chromium)', { skip, timeout: 120_000 }, () => {
  let browser: Browser;
  let h: Harness;
  before(async () => {
    browser = await launchBrowser();
    h = await openPreviewPage(browser);
    await h.page.evaluate('window.pwn = () => { window.__pwned = "callback"; }');
  });
  after(async () => {
    await browser?.close();
  });

  it('renders hostile labels as text and runs none of their scripts', async () => {
    const done = h.rendered(1);
    await h.post(update(1, hostile));
    const r = await done;
    // Every diagram parsed and drew (hostile text is still text), or failed harmlessly.
    assert.equal(r.diagrams.length, hostile.length);
    // Click every node, link and label that might carry a handler.
    for (const target of await h.page.locator('.diagram svg .node, .diagram svg a, .diagram svg text, .diagram svg .actor').all()) {
      await target.click({ force: true, timeout: 2000 }).catch(() => undefined);
    }
    const dom = await h.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: document.querySelectorAll('.diagram script').length,
      handlers: Array.from(document.querySelectorAll('.diagram *')).flatMap((e) =>
        Array.from(e.attributes)
          .filter((a) => /^on/i.test(a.name))
          .map((a) => `${e.tagName}[${a.name}]`),
      ),
      jsLinks: Array.from(document.querySelectorAll('.diagram [href], .diagram [src]'))
        .map((e) => e.getAttribute('href') ?? e.getAttribute('xlink:href') ?? e.getAttribute('src') ?? '')
        .filter((v) => /^\s*javascript:/i.test(v)),
      images: document.querySelectorAll('.diagram img, .diagram iframe').length,
      imageTags: Array.from(document.querySelectorAll('.diagram img, .diagram iframe')).map((e) => e.outerHTML),
    }));
    assert.equal(dom.pwned, undefined, 'a script from a diagram ran');
    assert.equal(dom.scripts, 0);
    assert.deepEqual(dom.handlers, []);
    assert.deepEqual(dom.jsLinks, []);
    // Mermaid keeps <img> in labels (without handlers): the CSP stops them from loading anything.
    // Inline handlers met while sanitizing or in Mermaid's own actor menus are refused by the CSP too.
    assert.ok(
      h.cspViolations.every((v) => /^(img-src|script-src-attr) /.test(v)),
      h.cspViolations.join('\n'),
    );
    assert.equal(h.cspViolations.filter((v) => v.startsWith('img-src')).length, dom.images * 2, dom.imageTags.join(' '));
    const svgText = r.diagrams.map((d) => d.svg ?? '').join('\n');
    // Hostile markup may survive only as escaped text, never as a tag or a handler attribute.
    assert.equal(/<script/i.test(svgText), false, 'a <script> tag in the SVG');
    const handler = /<[a-z][^>]*\son[a-z]+\s*=/i.exec(svgText);
    assert.equal(handler, null, `a handler attribute in the SVG: ${handler?.[0].slice(0, 200)}`);
    assert.match(svgText, /&lt;img src=z onerror=/, 'the sequence participant label is shown as text');
    // The labels are still there, as text.
    assert.match(svgText, /Call me/);
    await h.close();
    // Nothing was fetched and no script failed.
    assert.deepEqual(h.requests, []);
    assert.deepEqual(h.pageErrors, []);
  });
});
