// Walkthrough steps as a learner sees them in code-server, in a light and in a
// dark colour theme: two steps that show the generated Mermaid SVG diagrams
// (module 3's Booking sketch, module 4's CQRS flow), a drawn SVG that VS Code
// inlines in the theme's colours (module 4's pub/sub), and module 8's step on
// building and exploring the catalog beside the built catalog in VS Code's Simple
// Browser: the site the eventcatalog stage built (it runs before this stage) served
// from 127.0.0.1, as a learner sees it after `npm run build`.
// Screenshots: test-results/screenshots/step-<theme>-*.png.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { describe, it } from 'node:test';
import { repoRoot } from '../tools/codeServer';
import { prepareSampleWorkspace } from '../tools/sampleWorkspace';
import { serveStatic } from '../tools/staticSite';
import { runCommand, screenshot, settle, type Workbench } from '../tools/workbench';
import { skipWithoutCodeServer, useWorkbench } from '../tools/uiSession';

const extensionId = 'edgo-lab.event-driven-go-lab';
/** Module 8's solution catalog as `eventcatalog build` made it, kept by test/eventcatalog/catalogs.test.ts. */
const builtCatalog = path.join(repoRoot, '.tmp', 'eventcatalog-sites', '08-event-catalog');
const noBuiltCatalog = fs.existsSync(path.join(builtCatalog, 'docs', 'events', 'order-created', 'index.html'))
  ? false
  : `no built module 8 catalog in ${builtCatalog}: the eventcatalog stage builds it (node test/tools/run-node-tests.mjs test/eventcatalog)`;

/**
 * Opens a module's walkthrough with "Welcome: Open Walkthrough..." and selects the
 * step on its page: every step of every module is reachable this way, unlike a row
 * far down the Learning Path view's virtual list.
 */
async function openStep(bench: Workbench, walkthrough: string, walkthroughTitle: string, stepId: string): Promise<void> {
  const page = bench.page;
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = (text: string) => page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();
  const step = page.locator(`button.getting-started-step[data-step-id="${extensionId}#${walkthrough}#${stepId}"]`);
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      await page.keyboard.press('Control+Shift+P');
      await input.fill('>Welcome: Open Walkthrough', { timeout: 5000 });
      await row('Open Walkthrough').waitFor({ state: 'visible', timeout: 5000 });
      await page.keyboard.press('Enter');
      // The palette gives way to the list of walkthroughs, in the same widget.
      await row(walkthroughTitle).waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(walkthroughTitle, { timeout: 5000 });
      await row(walkthroughTitle).waitFor({ state: 'visible', timeout: 5000 });
      await page.keyboard.press('Enter');
      await step.waitFor({ state: 'visible', timeout: 30_000 });
      break;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`could not open the walkthrough '${walkthroughTitle}'`, { cause: err });
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
    }
  }
  await step.click();
  await page.locator(`button.getting-started-step.expanded[data-step-id="${extensionId}#${walkthrough}#${stepId}"]`).waitFor({ timeout: 30_000 });
}

/** The step's Markdown media (a webview: nested iframes, the inner one `#active-frame`). */
const media = (bench: Workbench) => bench.page.frameLocator('.getting-started-media iframe').frameLocator('iframe#active-frame');

/** "Simple Browser: Show", which asks for the URL in the same quick input the palette used. */
async function showInSimpleBrowser(bench: Workbench, url: string): Promise<void> {
  const page = bench.page;
  const urlInput = page.locator('.quick-input-widget .quick-input-box input[placeholder="https://example.com"]');
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      await page.keyboard.press('Control+Shift+P');
      await page.locator('.quick-input-widget .quick-input-box input').fill('>Simple Browser: Show', { timeout: 5000 });
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Simple Browser: Show' }).first().waitFor({ state: 'visible', timeout: 5000 });
      await page.keyboard.press('Enter');
      await urlInput.waitFor({ state: 'visible', timeout: 10_000 });
      // The URL box can close by itself as it opens (focus taken by the step's page, seen in CI:
      // inert, then hidden): then the command is run again, which is harmless for this one.
      await urlInput.fill(url, { timeout: 5000 });
      await page.keyboard.press('Enter');
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error('could not run "Simple Browser: Show" and give it the URL', { cause: err });
      await page.keyboard.press('Escape');
    }
  }
}

/** The Simple Browser's page (a frame inside its webview) once it shows `origin`'s site. */
async function catalogFrame(bench: Workbench, origin: string): Promise<Frame> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const frame = bench.page.frames().find((f) => f.url().startsWith(origin));
    if (frame) {
      await frame.waitForLoadState('load');
      return frame;
    }
    if (Date.now() > deadline) {
      const seen = bench.page.frames().map((f) => f.url());
      throw new Error(`the Simple Browser did not open ${origin}; frames: ${seen.join(', ')}`);
    }
    await bench.page.waitForTimeout(500);
  }
}

for (const [theme, colorTheme] of [
  ['light', 'Default Light Modern'],
  ['dark', 'Default Dark Modern'],
] as const) {
  describe(`walkthrough steps with pictures, ${theme} theme`, { skip: skipWithoutCodeServer }, () => {
    const ui = useWorkbench(`steps-${theme}`, 'workspace', (workspace) => {
      prepareSampleWorkspace(workspace);
      return { extensionDevelopmentPath: repoRoot, settings: { 'workbench.colorTheme': colorTheme } };
    });

    /** The step's page is drawn in this theme (the webview's body carries VS Code's theme class). */
    async function assertThemed(): Promise<void> {
      const body = await media(ui.bench).locator('body').getAttribute('class');
      assert.match(body ?? '', new RegExp(`\\bvscode-${theme}\\b`), `the step's page is not in the ${theme} theme: body class "${body}"`);
    }

    for (const [name, walkthrough, walkthroughTitle, stepId, alt] of [
      ['diagram-module03', 'edgo.module03', 'Event-Driven Go 03', 'booking-sketch', /class diagram/],
      ['diagram-module04', 'edgo.module04', 'Event-Driven Go 04', 'sourcing-cqrs', /CQRS: the PlaceOrder command/],
      // The widest sequence diagrams: five lifelines, and four with long messages.
      ['sequence-module04', 'edgo.module04', 'Event-Driven Go 04', 'read-model', /Eventual consistency between the write and the read side/],
      ['sequence-module05', 'edgo.module05', 'Event-Driven Go 05', 'hands-on', /The hands-on flow/],
    ] as const) {
      it(`shows ${walkthrough}'s step ${stepId} with its diagram`, async () => {
        await openStep(ui.bench, walkthrough, walkthroughTitle, stepId);
        await media(ui.bench).locator('img').first().waitFor({ state: 'visible', timeout: 60_000 });
        await assertThemed();
        const alts = await media(ui.bench)
          .locator('img')
          .evaluateAll((els) => els.map((e) => `${e.getAttribute('alt') ?? ''}|${(e as HTMLImageElement).naturalWidth}`));
        const target = alts.findIndex((a) => alt.test(a));
        assert.ok(target >= 0, `no diagram image with alt ${alt} among ${JSON.stringify(alts)}`);
        assert.ok(Number(alts[target]?.split('|')[1]) > 0, `the diagram did not load: ${alts[target]}`);
        const image = media(ui.bench).locator('img').nth(target);
        await image.scrollIntoViewIfNeeded();
        // The step fits a wide image to its column: text scaled far below Mermaid's 16 px cannot be read.
        const scale = await image.evaluate((el) => el.getBoundingClientRect().width / (el as HTMLImageElement).naturalWidth);
        console.log(`  ${name}: drawn at ${Math.round(scale * 100)}% of its size`);
        if (name.startsWith('sequence-')) assert.ok(scale >= 0.8, `${name} is drawn at ${Math.round(scale * 100)}% of its size: its 16 px text shrinks below 12.8 px`);
        await settle(ui.bench);
        const file = await screenshot(ui.bench.page, `step-${theme}-${name}`);
        assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
      });
    }

    it("shows edgo.module04's step scaffold with its drawn SVG in the theme's colours (svg media, inlined by VS Code)", async () => {
      await openStep(ui.bench, 'edgo.module04', 'Event-Driven Go 04', 'scaffold');
      const label = media(ui.bench).locator('svg text', { hasText: 'Order service' });
      await label.waitFor({ state: 'visible', timeout: 60_000 });
      await assertThemed();
      // The text is drawn in var(--vscode-foreground): light on a dark theme, dark on a light one.
      const fill = await label.evaluate((el) => getComputedStyle(el).fill);
      const [r, g, b] = (fill.match(/\d+/g) ?? []).map(Number);
      const luminance = ((r ?? 0) + (g ?? 0) + (b ?? 0)) / 3;
      assert.ok(theme === 'dark' ? luminance > 160 : luminance < 100, `the diagram's text is ${fill} in the ${theme} theme`);
      await settle(ui.bench);
      const file = await screenshot(ui.bench.page, `step-${theme}-svg-module04-pub-sub`);
      assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
    });

    it("shows module 8's step on building and exploring the catalog beside the built catalog", { skip: noBuiltCatalog }, async () => {
      const page = ui.bench.page;
      const site = await serveStatic(builtCatalog);
      // Below about 950 px a walkthrough hides its step's media: a wider window gives each group more.
      const viewport = page.viewportSize();
      await page.setViewportSize({ width: 2400, height: 1080 });
      try {
        // The catalog in one editor group, the walkthrough in the other.
        await runCommand(page, 'View: Close Primary Side Bar');
        await showInSimpleBrowser(ui.bench, `${site.origin}/docs/events/order-created/`);
        const catalog = await catalogFrame(ui.bench, site.origin);
        await runCommand(page, 'View: Move Editor into Right Group');
        await runCommand(page, 'View: Focus First Editor Group');
        await openStep(ui.bench, 'edgo.module08', 'Event-Driven Go 08', 'run-catalog');
        const heading = media(ui.bench).locator('h1', { hasText: 'Run and explore the catalog' });
        await heading.waitFor({ state: 'visible', timeout: 60_000 });
        await assertThemed();
        const text = await media(ui.bench).locator('body').innerText();
        for (const expected of ['EventCatalog 3', 'npm run build', 'Visualiser', '/docs/events/order-created']) {
          assert.ok(text.includes(expected), `module 8's step does not say "${expected}"`);
        }
        // The page the step names, from the learner's built site, still showing beside the step.
        assert.match(await catalog.title(), /Order Created/);
        assert.match(await catalog.locator('body').innerText(), /order\.created/);
        const groups = await page.locator('.editor-group-container').count();
        assert.equal(groups, 2, 'the step and the catalog are not side by side');
        await settle(ui.bench);
        const file = await screenshot(page, `step-${theme}-module08-run-catalog`);
        assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
      } finally {
        site.close();
        if (viewport) await page.setViewportSize(viewport);
      }
    });
  });
}
