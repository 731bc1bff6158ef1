// The course's Go minimum is real: every solution builds, vets and passes its
// tests with exactly that toolchain (GOTOOLCHAIN=go<minimum>, which `go` fetches
// from the module proxy as golang.org/toolchain), not only with the newest Go
// that modules.test.ts uses. The minimum is read from module 1's tool table.
// Run: node test/tools/run-node-tests.mjs test/go/goMinimum.test.ts --stage=go
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { goMinimum } from '../tools/toolVersions';
import { usePostgres } from './postgres';
import { composeModule, walkthroughsRoot } from '../tools/composedModule';

const minimum = goMinimum();
const env: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: `go${minimum}`, GOFLAGS: `${process.env.GOFLAGS ?? ''} -mod=readonly`.trim() };
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));
// The capstone's Go tests keep bookings in PostgreSQL and read DATABASE_URL: a throwaway cluster.
usePostgres(hasGo, (pg) => (env.DATABASE_URL = pg.url));

const modules = fs
  .readdirSync(walkthroughsRoot)
  .filter((slug) => fs.existsSync(path.join(walkthroughsRoot, slug, 'module.json')))
  .filter((slug) => (JSON.parse(fs.readFileSync(path.join(walkthroughsRoot, slug, 'module.json'), 'utf8')) as { solution?: string }).solution)
  .sort();

function go(args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync('go', args, { cwd, env, encoding: 'utf8', timeout: 15 * 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ''}` };
}

describe(`every solution with Go ${minimum}, the course's minimum`, { skip: !hasGo && 'go is not on PATH', timeout: 60 * 60_000 }, () => {
  before(() => {
    const v = go(['version'], walkthroughsRoot);
    assert.equal(v.status, 0, `could not get the go${minimum} toolchain from the module proxy:\n${v.out}`);
    assert.match(v.out, new RegExp(`go version go${minimum.replace(/\./g, '\\.')} `), v.out);
  });

  for (const slug of modules) {
    it(`${slug}: go build, go vet and go test pass`, { timeout: 20 * 60_000 }, () => {
      const dir = composeModule(slug, 'solution', `min-${slug.slice(0, 2)}`);
      temps.push(dir);
      if (!fs.existsSync(path.join(dir, 'go.mod'))) return;
      for (const args of [
        ['build', './...'],
        ['vet', './...'],
        ['test', './...'],
      ]) {
        const r = go(args, dir);
        assert.equal(r.status, 0, `go ${args.join(' ')} with go${minimum} failed:\n${r.out.split('\n').slice(-40).join('\n')}`);
      }
    });
  }
});
