// Correct-but-different solutions pass every check. Each folder under
// test/go/differentSolutions/<module>/ holds the learner's files of a module,
// written from the starter's TODOs and the steps only (without reading the
// reference solution), in a different style from it: laid over a fresh starter,
// every check of the module must pass. Real Go toolchain (and, for the capstone,
// a throwaway PostgreSQL). A check that needs a tool or a running service this
// machine lacks (not go) is reported as not judged, as in modules.test.ts.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { nodeCourseFs, folderLayers, loadModule, nodeProcessRunner, runChecks } from '../../src/core/checks';
import { composeFolder } from '../tools/composeFolder';
import { putTaughtHelmOnPath } from '../tools/ensureHelm';
import { usePostgres } from './postgres';

const repoRoot = path.resolve(__dirname, '..', '..');
const solutionsDir = path.join(__dirname, 'differentSolutions');
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));
putTaughtHelmOnPath();
// The capstone's Go tests read DATABASE_URL, which the checks' go test inherits.
usePostgres(hasGo);

/**
 * Modules whose different solution covers one step only, laid over the reference solution (the
 * other steps' files) instead of the starter: module 4's covers the CQRS read model.
 */
const overSolution = new Set(['04-event-driven-concepts']);

/** A fresh starter (or solution, see overSolution) with the different solution's files laid over it. */
function learnerFolder(slug: string): { folder: string; dir: string; spec: ReturnType<typeof loadModule>['spec'] } {
  const m = loadModule(path.join(repoRoot, 'walkthroughs'), slug);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `edgo-different-${m.module.number}-`));
  temps.push(folder);
  composeFolder(folderLayers(m, overSolution.has(slug) ? 'solution' : 'starter'), folder);
  fs.cpSync(path.join(solutionsDir, slug), folder, { recursive: true });
  return { folder, dir: m.dir, spec: m.spec };
}

/**
 * Modules whose different solution covers only part of the learner's work: the checks it
 * must pass. The capstone's covers the Go (compensation and idempotent notification); its
 * documents, catalog and pipeline are other steps' work. Module 8's catalog is judged here by
 * the checks that read it; its `catalog-builds` check runs the real EventCatalog (Node 22.12+,
 * minutes), so the eventcatalog stage (test/eventcatalog/catalogs.test.ts) runs that one on it.
 */
const covers: Record<string, readonly string[]> = {
  '04-event-driven-concepts': ['vet', 'projection'],
  '08-event-catalog': ['catalog', 'owners'],
  '10-capstone': ['build', 'vet', 'boundaries', 'confirmed', 'compensation', 'idempotency', 'outbox', 'telemetry', 'all-tests'],
};

describe('correct-but-different solutions pass every check', () => {
  for (const slug of fs.readdirSync(solutionsDir).sort()) {
    it(`${slug}`, { skip: !hasGo && 'go is not on PATH', timeout: 600_000 }, async () => {
      const { folder, dir, spec } = learnerFolder(slug);
      const only = covers[slug];
      // Only the covered checks run: each go check is a process, and the go stage is near its budget.
      const all = await runChecks(spec, folder, { runner: nodeProcessRunner, fs: nodeCourseFs, moduleDir: dir, ...(only ? { only } : {}) });
      const results = only ? all.filter((r) => only.includes(r.id)) : all;
      if (only) assert.deepEqual(results.map((r) => r.id).sort(), [...only].sort(), 'a check the different solution covers is gone from module.json');
      const notJudged = results.filter((r) => r.missingTool && r.missingTool !== 'go');
      for (const r of notJudged) console.log(`  ${r.id} not judged: ${r.message}`);
      assert.deepEqual(
        results.filter((r) => r.status === 'fail' && !notJudged.includes(r)).map((r) => `${r.id}: ${r.message} ${JSON.stringify(r.problems)}`),
        [],
      );
      if (!only) assert.equal(results.length, spec.checks.length);
    });
  }
});
