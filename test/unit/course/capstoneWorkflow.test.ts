// The capstone's GitHub Actions workflow passes secrets to scripts through
// `env:`, never as `${{ secrets.X }}` pasted into a `run:` script.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { parse } from 'yaml';
import { walkthroughsDir } from './moduleCode';

interface Workflow {
  jobs: Record<string, { steps?: { name?: string; uses?: string; run?: string }[] }>;
}

for (const folder of ['starter', 'solution']) {
  it(`capstone ${folder} workflow: no secrets expanded inside run: scripts`, () => {
    const file = path.join(walkthroughsDir, '10-capstone', folder, '.github', 'workflows', 'ci.yml');
    const workflow = parse(fs.readFileSync(file, 'utf8')) as Workflow;
    const bad = Object.entries(workflow.jobs).flatMap(([job, j]) => (j.steps ?? []).filter((s) => /\$\{\{\s*secrets\./.test(s.run ?? '')).map((s) => `${job}: ${s.name ?? s.run}`));
    assert.deepEqual(bad, []);
  });
}
