// Module 1's tool table is the one place the course names versions: every
// go.mod, the preflight's minimums, the Go named in the steps and the capstone
// workflow must agree with it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { toolSpecs } from '../../../src/core/preflight/toolSpecs';
import { goMinimum, helmVersions, readToolTable, toolRow, versionsIn } from '../../tools/toolVersions';
import { walkthroughsDir } from './moduleCode';

const repoRoot = path.resolve(walkthroughsDir, '..');

function goModFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : goModFiles(p);
    return e.name === 'go.mod' ? [p] : [];
  });
}

/** The name each preflight tool has in the table. */
const tableName: Record<string, string> = {
  go: 'Go',
  git: 'Git',
  docker: 'Docker',
  kubectl: 'kubectl',
  helm: 'Helm',
  kind: 'kind',
  minikube: 'minikube',
  'nats-server': 'NATS server',
  node: 'Node.js',
  npm: 'npm',
};

describe('the tool versions table', () => {
  it('has a row for every tool, with a minimum', () => {
    const rows = readToolTable();
    assert.ok(rows.length >= 8, `only ${rows.length} rows`);
    for (const r of rows) assert.match(r.minimum, /^\d+(\.\d+)*$/, `${r.tool}: minimum "${r.minimum}" is not a version`);
  });

  it('every go.mod of the course says the Go minimum', () => {
    const wrong = goModFiles(walkthroughsDir)
      .map((f) => [path.relative(repoRoot, f), /^go (\S+)$/m.exec(fs.readFileSync(f, 'utf8'))?.[1]] as const)
      .filter(([, v]) => v !== goMinimum());
    assert.deepEqual(wrong, [], `go.mod files whose go line is not ${goMinimum()}`);
  });

  it('the preflight asks for the same minimums', () => {
    for (const spec of toolSpecs) {
      const name = tableName[spec.id];
      assert.ok(name, `no table name for ${spec.id}`);
      assert.equal(spec.minVersion, toolRow(name).minimum, `${spec.id}: the preflight's minimum differs from the table`);
    }
  });

  it('steps and READMEs that say "Go 1.N" say the minimum', () => {
    const major = goMinimum().split('.').slice(0, 2).join('.');
    const files = [
      path.join(repoRoot, 'README.md'),
      ...fs.readdirSync(walkthroughsDir).flatMap((m) => {
        const dir = path.join(walkthroughsDir, m);
        if (!fs.statSync(dir).isDirectory()) return [];
        return ['', 'steps', 'starter', 'solution'].flatMap((sub) => {
          const d = path.join(dir, sub);
          return fs.existsSync(d)
            ? fs
                .readdirSync(d)
                .filter((f) => f.endsWith('.md'))
                .map((f) => path.join(d, f))
            : [];
        });
      }),
    ];
    const stale: string[] = [];
    for (const f of files) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/Go (\d+\.\d+)(\+| or (?:newer|later))/g)) {
        if (m[1] !== major) stale.push(`${path.relative(repoRoot, f)}: "${m[0]}"`);
      }
    }
    assert.deepEqual(stale, [], `the course's minimum is Go ${major}`);
  });

  it('the capstone workflow uses the Node.js and Helm of the table', () => {
    const workflow = fs.readFileSync(path.join(walkthroughsDir, '10-capstone', 'solution', '.github', 'workflows', 'ci.yml'), 'utf8');
    const node = toolRow('Node.js');
    // setup-node's `node-version: 22` installs the newest 22.x, so the major decides.
    const major = Number(node.minimum.split('.')[0]);
    for (const m of workflow.matchAll(/node-version:\s*['"]?(\d+)/g)) assert.ok(Number(m[1]) >= major, `node-version ${m[1]} is older than ${node.minimum}`);
    for (const m of workflow.matchAll(/^\s*version:\s*v?(\d+\.\d+\.\d+)/gm)) assert.equal(m[1], helmVersions().current, 'setup-helm installs another Helm');
    assert.ok(versionsIn(toolRow('Helm').testedWith).length >= 2);
  });
});
