// The `edgo` npm package as a learner's CI gets it: `npm run package:cli` packs
// edgo-<version>.tgz; installed from that file into an empty folder with no
// registry reachable, `edgo --version` prints the package's version and
// `npx edgo validate` passes on the capstone solution, as its workflow runs it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..');
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const capstone = path.join(root, 'walkthroughs', '10-capstone', 'solution');
// No network: a registry that cannot answer, and npm told to stay offline.
const offline = { ...process.env, npm_config_offline: 'true', npm_config_registry: 'http://127.0.0.1:9/', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
const hasBundle = fs.existsSync(path.join(root, 'dist', 'cli.js'));

describe('the edgo npm package', { skip: hasBundle ? false : 'dist/cli.js not built: run npm run build', timeout: 5 * 60_000 }, () => {
  let dir = '';
  let tarball = '';
  before(() => {
    const pack = spawnSync(process.execPath, [path.join(root, 'test', 'tools', 'pack-cli.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    tarball = pack.stdout.trim().split('\n').pop()!;
    assert.equal(path.basename(tarball), `edgo-${version}.tgz`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-npm-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "ci", "private": true }\n');
    const install = spawnSync('npm', ['install', tarball], { cwd: dir, env: offline, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stdout + install.stderr);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const npx = (args: string[], cwd = dir) => spawnSync('npx', ['--offline', '--prefix', dir, ...args], { cwd, env: offline, encoding: 'utf8' });

  it('holds only what the CLI runs', () => {
    const list = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    assert.deepEqual(
      list.filter((f) => !/^package\/(dist\/(cli|mermaid-node)\.js(\.LEGAL\.txt)?|walkthroughs\/[\w-]+\/module\.json|package\.json|README\.md|LICENSE)$/.test(f)),
      [],
    );
    assert.ok(list.includes('package/dist/cli.js'));
  });

  it('edgo --version prints the package version', () => {
    const r = npx(['edgo', '--version']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), version);
  });

  it('npx edgo validate passes on the capstone solution, as its workflow runs it', () => {
    const r = npx(['edgo', 'validate', 'events', '.github/workflows'], capstone);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /\b0 error\(s\)/);
  });

  it('the capstone workflow installs this version', () => {
    const workflow = fs.readFileSync(path.join(capstone, '.github', 'workflows', 'ci.yml'), 'utf8');
    assert.match(workflow, new RegExp(`--package edgo@${version.replace(/\./g, '\\.')} edgo validate`));
  });
});
