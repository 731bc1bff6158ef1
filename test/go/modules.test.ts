// The course's own CI for the hands-on modules, with the real Go toolchain:
// every solution/ passes all of its module's checks, and every starter/ fails
// exactly the checks module.json's `expect.starterFails` names, with the
// expected messages (so the checks can fail), and passes the others (it builds).
// Run: node test/tools/run-node-tests.mjs test/go --stage=go
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { usePostgres } from './postgres';
import { putTaughtHelmOnPath } from '../tools/ensureHelm';
import { nodeCourseFs, folderLayers, loadAllModules, nodeProcessRunner, runChecks, type CheckResult, type LoadedModule } from '../../src/core/checks';
import { composeFolder } from '../tools/composeFolder';

const repoRoot = path.resolve(__dirname, '..', '..');
const roots = [path.join(repoRoot, 'walkthroughs'), path.join(repoRoot, 'test', 'fixtures', 'modules')];
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
// helm-chart checks run `helm` from PATH: the taught Helm goes first.
putTaughtHelmOnPath();
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));
// The capstone's Go tests keep bookings in PostgreSQL and read DATABASE_URL, which
// the checks' go test inherits: a throwaway cluster for the whole file.
usePostgres(hasGo);

/**
 * A fresh copy, so checks never write into the repository (go test caches, go.sum),
 * composed as scaffolding composes it (a module with a `base` lies over the base's solution).
 */
function copyOf(m: LoadedModule, which: 'starter' | 'solution'): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), `edgo-go-${m.module.number}-${which}-`));
  temps.push(target);
  composeFolder(folderLayers(m, which), target);
  return target;
}

const describeResults = (results: readonly CheckResult[]) => results.map((r) => `${r.status} ${r.id}: ${r.message}`).join('\n');

/** Checks that could not run because a tool other than Go is missing here (helm, docker): reported, not judged. */
function withoutMissingTools(results: readonly CheckResult[], t: { diagnostic(message: string): void }): { judged: CheckResult[]; skipped: string[] } {
  const skipped = results.filter((r) => r.missingTool && r.missingTool !== 'go').map((r) => r.id);
  for (const r of results.filter((x) => skipped.includes(x.id))) t.diagnostic(`${r.id} not judged: ${r.message}`);
  return { judged: results.filter((r) => !skipped.includes(r.id)), skipped };
}

for (const root of roots) {
  const modules = fs.existsSync(root) ? loadAllModules(root) : [];
  describe(`modules under ${path.relative(repoRoot, root)}`, () => {
    it('load without errors', () => {
      assert.deepEqual(
        modules.flatMap((m) => ('error' in m ? [m.error.message] : [])),
        [],
      );
    });

    for (const m of modules.filter((x): x is LoadedModule => !('error' in x) && x.spec.checks.length > 0)) {
      const { spec, module } = m;
      if (spec.solution) {
        it(`${module.slug}: the solution passes every check`, { skip: !hasGo && 'go is not on PATH', timeout: 600_000 }, async (t) => {
          const results = await runChecks(spec, copyOf(m, 'solution'), { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: m.dir });
          const { judged } = withoutMissingTools(results, t);
          assert.deepEqual(
            judged.filter((r) => r.status === 'fail').map((r) => r.id),
            [],
            describeResults(results),
          );
        });
      }
      if (spec.starter) {
        it(`${module.slug}: the starter fails exactly ${spec.expect.starterFails.join(', ') || 'nothing'}, with the expected messages`, { skip: !hasGo && 'go is not on PATH', timeout: 600_000 }, async (t) => {
          const results = await runChecks(spec, copyOf(m, 'starter'), { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: m.dir });
          const { judged, skipped } = withoutMissingTools(results, t);
          const failed = judged
            .filter((r) => r.status === 'fail')
            .map((r) => r.id)
            .sort();
          assert.deepEqual(failed, spec.expect.starterFails.filter((id) => !skipped.includes(id)).sort(), describeResults(results));
          for (const [id, text] of Object.entries(spec.expect.starterMessages)) {
            if (skipped.includes(id)) continue;
            const r = results.find((x) => x.id === id);
            const all = [r?.message ?? '', ...(r?.problems ?? []).map((p) => p.message)].join('\n');
            assert.ok(all.includes(text), `check ${id} should mention "${text}", but said:\n${all}`);
          }
          for (const r of judged.filter((x) => x.status === 'fail')) {
            assert.ok(r.message.length > 0 && !r.missingTool, `${r.id} failed for a reason the learner can act on: ${r.message}`);
          }
        });
      }
    }
  });
}
