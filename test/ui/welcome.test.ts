// The workbench as a learner sees it: code-server in Chromium with the packaged
// VSIX installed (as `npm start` does; development mode when no VSIX was built),
// the welcome command run from the command palette.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../tools/codeServer';
import { prepareSampleWorkspace } from '../tools/sampleWorkspace';
import { runCommand, screenshot, settle } from '../tools/workbench';
import { skipWithoutCodeServer, useWorkbench } from '../tools/uiSession';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`);

describe('welcome in a real VS Code', { skip: skipWithoutCodeServer }, () => {
  const ui = useWorkbench('welcome', 'workspace', (workspace) => {
    prepareSampleWorkspace(workspace);
    return fs.existsSync(vsix) ? { installVsix: [vsix] } : { extensionDevelopmentPath: repoRoot };
  });

  it('opens the learning path of module 1 from the command palette', async () => {
    await runCommand(ui.bench.page, 'Event-Driven Go: Welcome');
    const walkthrough = ui.bench.page.locator('.gettingStartedContainer .getting-started-category .category-title, .gettingStartedSlideDetails h2', {
      hasText: 'Event-Driven Go',
    });
    await walkthrough.first().waitFor({ state: 'visible', timeout: 60_000 });
    // The step's Markdown media renders in a webview: nested iframes, the inner one `#active-frame`.
    const media = ui.bench.page.frameLocator('.getting-started-media iframe').frameLocator('iframe#active-frame');
    await media.locator('h1, h2, h3, p').first().waitFor({ state: 'visible', timeout: 60_000 });
    await settle(ui.bench);
    const file = await screenshot(ui.bench.page, 'welcome-walkthrough');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
    assert.deepEqual(
      ui.bench.consoleErrors.filter((e) => /edgo|event-driven-go/i.test(e)),
      [],
      'no console error from the extension',
    );
  });
});
