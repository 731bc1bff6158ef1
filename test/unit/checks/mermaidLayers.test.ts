// Module 2's layer diagram check reads the learner's Mermaid flowchart in
// README.md: the four layers must be there and every arrow must point inwards;
// an arrow from the domain outwards fails at its own README line. Runs the real
// check (the real Mermaid parser) on folders written here.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { nodeCourseFs, loadModule, runChecks, type CheckResult } from '../../../src/core/checks';
import { noGo, repoRoot } from './helpers';

const walkthroughs = path.join(repoRoot, 'walkthroughs');
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

async function diagramCheck(readme: string | undefined): Promise<CheckResult> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-layers-'));
  temps.push(folder);
  if (readme !== undefined) fs.writeFileSync(path.join(folder, 'README.md'), readme);
  const loaded = loadModule(walkthroughs, '02-clean-architecture');
  const [r] = await runChecks(loaded.spec, folder, { runner: noGo, fs: nodeCourseFs, moduleDir: loaded.dir, only: ['diagram'] });
  assert.ok(r);
  return r;
}

const said = (r: CheckResult) => [r.message, ...(r.problems ?? []).map((p) => `${p.location?.file}:${p.location?.line} ${p.message}`)].join('\n');
const readme = (...lines: string[]) => ['# Users and orders', '', '## Architecture', '', '```mermaid', ...lines, '```', ''].join('\n');

describe('module 2: the layer diagram', () => {
  it('the reference README passes', async () => {
    const r = await diagramCheck(fs.readFileSync(path.join(walkthroughs, '02-clean-architecture', 'solution', 'README.md'), 'utf8'));
    assert.equal(r.status, 'pass', said(r));
  });

  it('a different correct diagram (other ids, labels, shapes) passes', async () => {
    const r = await diagramCheck(readme('flowchart TB', '  H(["HTTP Interface adapters"]) --> UC{{Use cases}}', '  PG[(Infrastructure: Postgres)] -.->|implements OrderRepository| UC', '  UC ==> D[Domain entities]', '  H --> D'));
    // "Use cases" matches usecase (spaces ignored), "Infrastructure" matches infra.
    assert.equal(r.status, 'pass', said(r));
  });

  it('an arrow from the domain outwards fails at that README line, with a clear message', async () => {
    const r = await diagramCheck(readme('graph LR', '  interface --> usecase', '  infra --> usecase', '  usecase --> domain', '  domain --> infra'));
    assert.equal(r.status, 'fail', said(r));
    const outward = (r.problems ?? []).find((p) => p.message.startsWith('the arrow domain --> infra points outwards'));
    assert.ok(outward, said(r));
    // README line 10 is "  domain --> infra" (the fence opens on line 5).
    assert.deepEqual(outward.location, { file: 'README.md', line: 10 });
    assert.match(outward.message, /inner layers know nothing of outer ones/);
  });

  it('a missing layer and an outer layer with no arrow inwards are named', async () => {
    const r = await diagramCheck(readme('graph LR', '  interface --> usecase', '  usecase --> domain'));
    assert.equal(r.status, 'fail');
    assert.match(said(r), /the diagram has no infra layer/);
    const r2 = await diagramCheck(readme('graph LR', '  interface --> usecase', '  usecase --> domain', '  infra'));
    assert.match(said(r2), /infra has no arrow to an inner layer/);
  });

  it('an arrow between the two outer layers fails', async () => {
    const r = await diagramCheck(readme('graph LR', '  interface --> usecase', '  infra --> usecase', '  usecase --> domain', '  interface --> infra'));
    assert.equal(r.status, 'fail');
    assert.match(said(r), /the arrow interface --> infra points outwards: interface and infra are both outer layers/);
  });

  it('the starter README (no diagram yet), a missing README and a syntax error fail with what to do', async () => {
    const starter = await diagramCheck(fs.readFileSync(path.join(walkthroughs, '02-clean-architecture', 'starter', 'README.md'), 'utf8'));
    assert.match(starter.message, /no Mermaid flowchart of the layers yet/);
    assert.match((await diagramCheck(undefined)).message, /No README\.md yet/);
    const broken = await diagramCheck(readme('graph LR', '  interface -->|calls usecase', '  usecase --> domain'));
    assert.equal(broken.status, 'fail');
    assert.match(broken.message, /Mermaid problem/);
  });
});
