// The same bundle as a preview script of VS Code's Markdown preview: it draws the
// `pre.edgo-mermaid` blocks the markdown-it plugin leaves, and again on updates.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import type { Browser, Page } from 'playwright-core';
import { mermaidMarkdownItPlugin } from '../../src/core/mermaid/markdownItPlugin';
import { bundleWebview, chromiumPath, launchBrowser } from './harness';

const skip = !fs.existsSync(chromiumPath) && `no Chromium at ${chromiumPath}`;

describe('mermaid in the Markdown preview (real Chromium)', { skip, timeout: 120_000 }, () => {
  let browser: Browser;
  let page: Page;
  const md = new MarkdownIt();
  mermaidMarkdownItPlugin(md);

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    const body = md.render('# Orders\n\n```mermaid\nflowchart LR\n  Placed[Order placed] --> Paid\n```\n\n:::mermaid\nsequenceDiagram\n  A->>B: Ship it\n:::\n\n```mermaid\nflowchart LR\n  A --\n```\n');
    await page.setContent(`<!DOCTYPE html><html><body class="vscode-dark">${body}</body></html>`);
    await page.addScriptTag({ path: await bundleWebview() });
  });
  after(async () => {
    await browser?.close();
  });

  it("draws every diagram in place and shows a broken one's error as text", async () => {
    await page.locator('.edgo-mermaid-diagram svg').nth(1).waitFor({ state: 'attached', timeout: 60_000 });
    assert.match((await page.locator('.edgo-mermaid-diagram').nth(0).textContent()) ?? '', /Order placed/);
    assert.match((await page.locator('.edgo-mermaid-diagram').nth(1).textContent()) ?? '', /Ship it/);
    await page.locator('.edgo-mermaid-error').waitFor({ state: 'attached', timeout: 60_000 });
    assert.match((await page.locator('.edgo-mermaid-error').textContent()) ?? '', /^Mermaid: line 2 of the diagram: Syntax error/);
    assert.equal(await page.locator('pre.edgo-mermaid[hidden]').count(), 2);
  });

  it('draws again when the preview replaces its content', async () => {
    await page.evaluate((html) => {
      document.body.innerHTML = html;
      window.dispatchEvent(new Event('vscode.markdown.updateContent'));
    }, md.render('```mermaid\nflowchart LR\n  New[Updated node]\n```\n'));
    await page.locator('.edgo-mermaid-diagram svg').first().waitFor({ state: 'attached', timeout: 60_000 });
    assert.match((await page.locator('.edgo-mermaid-diagram').first().textContent()) ?? '', /Updated node/);
  });
});
