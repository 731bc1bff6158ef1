// Hints one at a time: the first on a check's first failure, the next when it
// fails again, the last repeating; a pass starts over. edgo check prints them and,
// after two failures in a row, where the reference solution is.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCheckCli } from '../../../src/cli/check';
import { fileFailureCounts, hintFor, memoryFailureCounts, validateModuleSpec } from '../../../src/core/checks';
import { noGo, repoRoot } from './helpers';

const walkthroughs = path.join(repoRoot, 'walkthroughs');
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));
const temp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-hints-'));
  temps.push(d);
  return d;
};

describe('hints', () => {
  const check = { id: 'c', kind: 'files-exist', title: 't', hints: ['first', 'second'] };

  it('picks the hint for the n-th failure, the last one repeating', () => {
    assert.equal(hintFor(check, 0), undefined);
    assert.deepEqual(hintFor(check, 1), { text: 'first', index: 1, of: 2 });
    assert.deepEqual(hintFor(check, 2), { text: 'second', index: 2, of: 2 });
    assert.deepEqual(hintFor(check, 5), { text: 'second', index: 2, of: 2 });
    assert.equal(hintFor({ id: 'c', kind: 'files-exist', title: 't' }, 1), undefined);
  });

  it('module.json hints and solutionFiles are validated with located messages', () => {
    const base = { title: 'm', description: '', steps: [{ id: 's', title: 's', description: '', media: { markdown: 'x.md' }, completion: 'read' }] };
    const { problems } = validateModuleSpec({ ...base, checks: [{ id: 'a', kind: 'files-exist', title: 'a', paths: ['x'], hints: 'one', solutionFiles: [3] }] });
    assert.deepEqual(
      problems.map((p) => p.at),
      ['checks[0].hints', 'checks[0].solutionFiles'],
    );
  });

  it('edgo check shows hint 1, then hint 2 and where the solution is, then starts over after a pass', async () => {
    const folder = temp();
    fs.cpSync(path.join(walkthroughs, '09-docs-mermaid', 'starter'), folder, { recursive: true });
    const counts = fileFailureCounts(path.join(temp(), 'state', 'check-failures.json'));
    const run = async () => {
      let out = '';
      const code = await runCheckCli(['09', folder, '--format=text'], { runner: noGo, walkthroughsRoot: walkthroughs, cwd: folder, out: (t) => (out += t), err: (t) => (out += t), failureCounts: counts });
      return { code, out };
    };
    const first = await run();
    assert.equal(first.code, 1);
    assert.match(first.out, /hint 1 of 2: Every section needs a few sentences of your own/);
    assert.doesNotMatch(first.out, /Stuck\?/);
    const second = await run();
    assert.match(second.out, /hint 2 of 2: Generated blocks/);
    assert.match(second.out, /Stuck\? The reference solution is in .*09-docs-mermaid.solution/);

    fs.cpSync(path.join(walkthroughs, '09-docs-mermaid', 'solution'), folder, { recursive: true });
    assert.equal((await run()).code, 0);
    fs.writeFileSync(path.join(folder, 'README.md'), '# Shop\n');
    assert.match((await run()).out, /hint 1 of 2/);
  });

  it('json output carries the same hint and failure count', async () => {
    const folder = temp();
    fs.cpSync(path.join(walkthroughs, '09-docs-mermaid', 'starter'), folder, { recursive: true });
    let out = '';
    await runCheckCli(['09', folder, '--format', 'json'], { runner: noGo, walkthroughsRoot: walkthroughs, cwd: folder, out: (t) => (out += t), err: () => {}, failureCounts: memoryFailureCounts() });
    const readme = JSON.parse(out).results.find((r: { id: string }) => r.id === 'readme');
    assert.equal(readme.failures, 1);
    assert.equal(readme.hint.index, 1);
  });
});
