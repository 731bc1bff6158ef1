// The workbench as a learner sees it: code-server in Chromium with the packaged
// VSIX installed (as `npm start` does; development mode when no VSIX was built),
// the welcome command run from the command palette.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { codeServerInstalled, repoRoot, startCodeServer, type CodeServer } from '../tools/codeServer';
import { prepareSampleWorkspace } from '../tools/sampleWorkspace';
import { openWorkbench, runCommand, screenshot, settle, type Workbench } from '../tools/workbench';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`);

describe('welcome in a real VS Code', { skip: codeServerInstalled() ? false : 'code-server is not installed (bash test/tools/ensure-code-server.sh)' }, () => {
  let server: CodeServer;
  let bench: Workbench;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-ui-welcome-'));

  before(async () => {
    const workspace = prepareSampleWorkspace(path.join(tmp, 'workspace'));
    server = await startCodeServer(fs.existsSync(vsix) ? { workspace, installVsix: [vsix] } : { workspace, extensionDevelopmentPath: repoRoot });
    bench = await openWorkbench(server.url);
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('opens the learning path of module 1 from the command palette', async () => {
    await runCommand(bench.page, 'Event-Driven Go: Welcome');
    const walkthrough = bench.page.locator('.gettingStartedContainer .getting-started-category .category-title, .gettingStartedSlideDetails h2', {
      hasText: 'Event-Driven Go',
    });
    await walkthrough.first().waitFor({ state: 'visible', timeout: 60_000 });
    // The step's Markdown media renders in a webview: nested iframes, the inner one `#active-frame`.
    const media = bench.page.frameLocator('.getting-started-media iframe').frameLocator('iframe#active-frame');
    await media.locator('h1, h2, h3, p').first().waitFor({ state: 'visible', timeout: 60_000 });
    await settle(bench);
    const file = await screenshot(bench.page, 'welcome-walkthrough');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
    assert.deepEqual(bench.consoleErrors.filter((e) => /edgo|event-driven-go/i.test(e)), [], 'no console error from the extension');
  });
});
