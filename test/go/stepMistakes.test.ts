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
import { composeFolder, folderLayers, loadModule, nodeProcessRunner, runChecks, stepsCompletedBy, type LoadedModule } from '../../src/core/checks';
import { findCurrentHelm, putTaughtHelmOnPath } from '../tools/ensureHelm';
import { postgresMissing, usePostgres } from './postgres';
import { allModules, type Mistake, type ModuleMistakes } from './stepMistakeCases';

const repoRoot = path.resolve(__dirname, '..', '..');
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
// The helm checks run the Helm the course teaches (npm test builds it first; EDGO_HELM names one).
putTaughtHelmOnPath();
const noHelm = findCurrentHelm(false).bin ? false : 'the Helm the course teaches is not built (node --import tsx test/tools/ensureHelm.ts)';
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
        const skip = isGo && !hasGo ? 'go is not on PATH' : isGo && needsDb && postgresMissing ? postgresMissing : kind.startsWith('helm-') ? noHelm : false;
        it(`step ${m.step}: ${m.what}`, { skip, timeout: 600_000 }, async () => {
          assert.ok(
            mod.spec.steps.some((s) => s.id === m.step),
            `module ${mod.module.number} has no step ${m.step}`,
          );
          // The step's own check: one whose pass completes the step (module 1's service/errors overlap is the exception it always had).
          const owns = stepsCompletedBy(mod.spec, m.check).includes(m.step) || (group.slug === '01-go-foundations' && mod.spec.steps.find((s) => s.id === m.step)?.doneWhen.kind === 'check');
          assert.ok(owns, `check ${m.check} does not complete step ${m.step}`);
          const folder = correctFolder(mod, group.base);
          // The folder is correct before the mistake: the check passes (else the test could pass for a wrong reason).
          if (!isGo) {
            const [before] = await runChecks(mod.spec, folder, { runner: nodeProcessRunner, moduleDir: mod.dir, only: [m.check] });
            assert.equal(before?.status, 'pass', `${m.check} fails on the correct folder: ${before?.message}`);
          }
          plant(folder, m);
          const [result] = await runChecks(mod.spec, folder, { runner: nodeProcessRunner, moduleDir: mod.dir, only: [m.check] });
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
