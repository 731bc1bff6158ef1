// The Mermaid preview as a learner sees it, in code-server driven by Chromium:
// open a .mmd file, open the preview to the side, look at it in a light and a
// dark theme. Screenshots: test-results/screenshots/mermaid-preview-{light,dark}.png.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../tools/codeServer';
import { runCommand, screenshot, settle } from '../tools/workbench';
import { skipWithoutCodeServer, useWorkbench } from '../tools/uiSession';

const diagram = `---
title: Order flow
---
flowchart LR
  %% Module 4: one command, events fan out
  Client([Learner's client]) -->|POST /orders| Orders[Order service]
  Orders -->|OrderPlaced| Bus[(NATS JetStream)]
  Bus --> Billing[Billing service]
  Bus --> Shipping[Shipping service]
  Billing -->|PaymentCaptured| Bus
`;

describe('mermaid preview in the workbench', { skip: skipWithoutCodeServer, timeout: 600_000 }, () => {
  const ui = useWorkbench('mermaid', 'docs', (workspace) => {
    fs.mkdirSync(workspace, { recursive: true });
    fs.writeFileSync(path.join(workspace, 'order-flow.mmd'), diagram);
    return {
      extensionDevelopmentPath: repoRoot,
      settings: { 'workbench.colorTheme': 'Default Light Modern', 'workbench.startupEditor': 'none', 'window.autoDetectColorScheme': false },
    };
  });

  // The webview is an iframe holding another iframe with the panel's page.
  const panel = () => ui.bench.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

  it('renders the diagram beside the editor in a light theme', async () => {
    await ui.bench.page.keyboard.press('Control+P');
    await ui.bench.page.keyboard.type('order-flow.mmd');
    await ui.bench.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'order-flow.mmd' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await ui.bench.page.keyboard.press('Enter');
    await ui.bench.page.locator('.monaco-editor .view-line', { hasText: 'flowchart LR' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await runCommand(ui.bench.page, 'Event-Driven Go: Open Mermaid Preview to the Side');
    const svg = panel().locator('.diagram svg').first();
    await svg.waitFor({ state: 'visible', timeout: 120_000 });
    assert.match((await svg.textContent()) ?? '', /Order service/);
    assert.equal(await panel().locator('body.vscode-light').count(), 1);
    await settle(ui.bench);
    const file = await screenshot(ui.bench.page, 'mermaid-preview-light');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
  });

  it('follows a switch to a dark theme', async () => {
    assert.equal(await panel().locator('.diagram[data-theme="light"] svg').count(), 1);
    await runCommand(ui.bench.page, 'Preferences: Toggle between Light/Dark Themes');
    // Drawn again with Mermaid's dark theme (the panel marks each picture with its theme).
    await panel().locator('body.vscode-dark .diagram[data-theme="dark"] svg').first().waitFor({ state: 'visible', timeout: 60_000 });
    await settle(ui.bench);
    const file = await screenshot(ui.bench.page, 'mermaid-preview-dark');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
  });
});
