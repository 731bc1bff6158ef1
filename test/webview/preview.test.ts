// The preview panel's browser code in a real Chromium: it draws, reports errors
// in the file's lines, re-renders only what changed, follows the theme, exports.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchBrowser, openPreviewPage, update, type Harness } from './harness';

const skip = !fs.existsSync(chromiumPath) && `no Chromium at ${chromiumPath}`;

describe('mermaid preview webview', { skip, timeout: 120_000 }, () => {
  let browser: Browser;
  let h: Harness;
  before(async () => {
    browser = await launchBrowser();
    h = await openPreviewPage(browser);
  });
  after(async () => {
    await h?.close();
    await browser?.close();
  });

  const flow = 'flowchart LR\n  Order[Order placed] --> Pay[Payment taken]\n  Pay --> Ship[Shipped]';
  const seq = 'sequenceDiagram\n  participant Orders\n  Orders->>Billing: ChargeCard';

  it('renders every diagram to SVG with its labels', async () => {
    const done = h.rendered(1);
    await h.post(update(1, [flow, seq]));
    const r = await done;
    assert.equal(r.diagrams.length, 2);
    assert.match(r.diagrams[0]?.svg ?? '', /Order placed/);
    assert.match(r.diagrams[0]?.svg ?? '', /Payment taken/);
    assert.match(r.diagrams[1]?.svg ?? '', /ChargeCard/);
    assert.equal(await h.page.locator('.diagram svg').count(), 2);
    assert.deepEqual(h.cspViolations, []);
  });

  it("shows a broken diagram's error at the file line while the others still render", async () => {
    const broken = 'sequenceDiagram\n  %% comment\n  Orders->>Billing: ok\n  Orders->>\n';
    const done = h.rendered(2);
    await h.post(update(2, [flow, broken], [5, 20]));
    const r = await done;
    assert.ok(r.diagrams[0]?.svg);
    assert.equal(r.diagrams[1]?.error?.line, 23);
    const text = await h.page.locator('.diagram-error').nth(1).textContent();
    assert.match(text ?? '', /^Line 24: Syntax error/);
    // The last good picture stays on screen, dimmed.
    assert.equal(await h.page.locator('.diagram').nth(1).locator('svg').count(), 1);
  });

  it('re-renders only the diagram that changed', async () => {
    const third = 'classDiagram\n  class Order';
    let done = h.rendered(3);
    await h.post(update(3, [flow, seq, third]));
    await done;
    done = h.rendered(4);
    await h.post(update(4, [flow, seq.replace('ChargeCard', 'RefundCard'), third]));
    const r = await done;
    assert.deepEqual(
      r.diagrams.map((d) => d.rerendered),
      [false, true, false],
    );
    assert.match(r.diagrams[1]?.svg ?? '', /RefundCard/);
  });

  it('follows the VS Code theme when the body class changes', async () => {
    const done = h.next('rendered', (m) => m.theme === 'dark');
    await h.page.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-dark'));
    const r = await done;
    assert.equal(r.theme, 'dark');
    assert.ok(r.diagrams.every((d) => d.rerendered));
    const hc = h.next('rendered', (m) => m.theme === 'high-contrast');
    await h.page.evaluate(() => document.body.classList.replace('vscode-dark', 'vscode-high-contrast'));
    assert.match((await hc).diagrams[0]?.svg ?? '', /#6fc3df/i, 'the high-contrast border colour');
  });

  it('exports a diagram as SVG text and PNG bytes', async () => {
    let result = h.next('exportResult', (m) => m.requestId === 1);
    await h.post({ type: 'exportRequest', requestId: 1, index: 0, format: 'svg' });
    assert.match((await result).data ?? '', /^<svg[\s\S]*Order placed[\s\S]*<\/svg>$/);
    result = h.next('exportResult', (m) => m.requestId === 2);
    await h.post({ type: 'exportRequest', requestId: 2, index: 0, format: 'png' });
    const png = Buffer.from((await result).data ?? '', 'base64');
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.length > 2000, `PNG too small: ${png.length} bytes`);
  });

  it('zooms with the toolbar and reports a click as a reveal of its block', async () => {
    const card = h.page.locator('.diagram').first();
    await card.locator('button[title="Zoom in"]').click();
    assert.equal(await card.locator('.viewport').getAttribute('data-scale'), '1.25');
    await card.locator('button[title="Reset zoom and position"]').click();
    assert.equal(await card.locator('.viewport').getAttribute('data-scale'), '1.00');
    const reveal = h.next('reveal');
    await card.locator('.viewport').click();
    assert.equal((await reveal).index, 0);
  });
});
