// The workbench as a learner sees it: code-server in Chromium, the extension in
// development mode, the welcome command run from the command palette.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { codeServerInstalled, repoRoot, startCodeServer, type CodeServer } from '../tools/codeServer';
import { prepareSampleWorkspace } from '../tools/sampleWorkspace';
import { openWorkbench, runCommand, screenshot, type Workbench } from '../tools/workbench';

describe('welcome in a real VS Code', { skip: codeServerInstalled() ? false : 'code-server is not installed (bash test/tools/ensure-code-server.sh)' }, () => {
  let server: CodeServer;
  let bench: Workbench;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-ui-welcome-'));

  before(async () => {
    const workspace = prepareSampleWorkspace(path.join(tmp, 'workspace'));
    server = await startCodeServer({ workspace, extensionDevelopmentPath: repoRoot });
    bench = await openWorkbench(server.url);
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('loads the extension in development mode', async () => {
    // The window title of a development host says so; it is set once the workbench restored.
    await bench.page.waitForFunction(() => document.title.includes('Extension Development Host'), undefined, { timeout: 60_000 });
  });

  it('opens the learning path of module 1 from the command palette', async () => {
    await runCommand(bench.page, 'Event-Driven Go: Welcome');
    const walkthrough = bench.page.locator('.gettingStartedContainer .getting-started-category .category-title, .gettingStartedSlideDetails h2', {
      hasText: 'Event-Driven Go',
    });
    await walkthrough.first().waitFor({ state: 'visible', timeout: 60_000 });
    const file = await screenshot(bench.page, 'welcome-walkthrough');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is not empty');
    assert.deepEqual(bench.consoleErrors.filter((e) => /edgo|event-driven-go/i.test(e)), [], 'no console error from the extension');
  });
});
