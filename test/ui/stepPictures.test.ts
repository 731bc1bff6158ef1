// Walkthrough steps as a learner sees them in code-server, in a light and in a
// dark colour theme: two steps that show the generated Mermaid SVG diagrams
// (module 3's Booking sketch, module 4's CQRS flow). Screenshots: test-results/screenshots/step-<theme>-*.png.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { repoRoot } from '../tools/codeServer';
import { prepareSampleWorkspace } from '../tools/sampleWorkspace';
import { runCommand, screenshot, settle, type Workbench } from '../tools/workbench';
import { skipWithoutCodeServer, useWorkbench } from '../tools/uiSession';

/** Opens a step from the Learning Path view: the module row, then the step row. */
async function openStep(bench: Workbench, moduleTitle: string, stepTitle: string): Promise<void> {
  await runCommand(bench.page, 'Event-Driven Go: Focus on Learning Path View');
  const view = bench.page.locator('.pane', { has: bench.page.locator('.pane-header', { hasText: 'Learning Path' }) });
  const step = view.locator('.monaco-list-row', { hasText: stepTitle }).first();
  if (!(await step.isVisible())) {
    const module = view.locator('.monaco-list-row', { hasText: moduleTitle }).first();
    await module.waitFor({ state: 'visible', timeout: 60_000 });
    await module.click();
    if (!(await step.isVisible({ timeout: 3_000 }).catch(() => false))) await bench.page.keyboard.press('ArrowRight');
  }
  await step.waitFor({ state: 'visible', timeout: 30_000 });
  await step.click();
}

/** The step's Markdown media (a webview: nested iframes, the inner one `#active-frame`). */
const media = (bench: Workbench) => bench.page.frameLocator('.getting-started-media iframe').frameLocator('iframe#active-frame');

for (const [theme, colorTheme] of [['light', 'Default Light Modern'], ['dark', 'Default Dark Modern']] as const) {
  describe(`walkthrough steps with pictures, ${theme} theme`, { skip: skipWithoutCodeServer }, () => {
    const ui = useWorkbench(`steps-${theme}`, 'workspace', (workspace) => {
      prepareSampleWorkspace(workspace);
      return { extensionDevelopmentPath: repoRoot, settings: { 'workbench.colorTheme': colorTheme } };
    });

    for (const [name, moduleTitle, stepTitle, alt] of [
      ['diagram-module03', '03 Domain-Driven Design', 'Hands-on: sketch the Booking context', /class diagram/],
      ['diagram-module04', '04 Event-driven architecture', 'Event sourcing and CQRS', /CQRS: the PlaceOrder command/],
    ] as const) {
      it(`shows ${stepTitle} with its diagram`, async () => {
        await openStep(ui.bench, moduleTitle, stepTitle);
        await media(ui.bench).locator('img').first().waitFor({ state: 'visible', timeout: 60_000 });
        const alts = await media(ui.bench).locator('img').evaluateAll((els) => els.map((e) => `${e.getAttribute('alt') ?? ''}|${(e as HTMLImageElement).naturalWidth}`));
        const target = alts.findIndex((a) => alt.test(a));
        assert.ok(target >= 0, `no diagram image with alt ${alt} among ${JSON.stringify(alts)}`);
        assert.ok(Number(alts[target]?.split('|')[1]) > 0, `the diagram did not load: ${alts[target]}`);
        await media(ui.bench).locator('img').nth(target).scrollIntoViewIfNeeded();
        await settle(ui.bench);
        const file = await screenshot(ui.bench.page, `step-${theme}-${name}`);
        assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
      });
    }
  });
}
