/**
 * Module 7's Helm chart with the real `helm`, in both majors of module 1's
 * tool table: the Helm 4 the course teaches and the Helm 3 the chart stays valid
 * under. With each: it lints, renders with the local values and with the
 * overrides file, every rendered object passes module 6's offline Kubernetes
 * schema checks, and the overrides change what they should.
 *
 * Each helm is found or built from its Go module by test/tools/ensureHelm.ts
 * (slow the first time, then cached). Skips with a message where that cannot work.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests, readPath, validateManifests } from '../../src/core/checks/kinds/kubernetes';
import { splitRendered } from '../../src/core/checks/kinds/helm';
import { findCurrentHelm, findPreviousHelm, type FoundHelm } from '../tools/ensureHelm';
import { helmVersions } from '../tools/toolVersions';

const repoRoot = path.resolve(__dirname, '..', '..');
const helms: Array<[string, FoundHelm]> = [
  [`Helm ${helmVersions().current}`, findCurrentHelm()],
  [`Helm ${helmVersions().previous}`, findPreviousHelm()],
];

for (const [label, found] of helms) {
describe(`module 7 Helm chart with ${label}`, { skip: found.skip ?? false, timeout: 10 * 60_000 }, () => {
  let helm = '';
  before(() => {
    if (!found.bin) throw new Error(found.why);
    helm = found.bin;
  });

  const run = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(helm, args, { encoding: 'utf8', cwd: path.join(repoRoot, 'walkthroughs', '07-kubernetes-advanced', 'solution') });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('lints with the local values and with the overrides', () => {
    for (const extra of [[], ['-f', 'deploy/chart/shop/values-prod.yaml']]) {
      const r = run(['lint', 'deploy/chart/shop', ...extra]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /1 chart\(s\) linted, 0 chart\(s\) failed/);
    }
  });

  it('renders objects that pass the offline Kubernetes schema checks, with probes and resources', () => {
    for (const extra of [[], ['-f', 'deploy/chart/shop/values-prod.yaml']]) {
      const r = run(['template', 'shop', 'deploy/chart/shop', ...extra]);
      assert.equal(r.status, 0, r.stderr);
      const sources = splitRendered(r.stdout);
      const problems = validateManifests(sources, { requireProbes: true, requireResources: true }).flatMap((f) => f.diagnostics.map((d) => `${f.file}: ${d.message}`));
      assert.deepEqual(problems, []);
      assert.ok(parseManifests(sources).objects.length >= 5);
    }
  });

  it('the overrides file changes replicas, images and the broker, and drops the bundled NATS', () => {
    const render = (extra: string[]) => {
      const r = run(['template', 'shop', 'deploy/chart/shop', ...extra]);
      assert.equal(r.status, 0, r.stderr);
      const objects = parseManifests(splitRendered(r.stdout)).objects;
      const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.name === name)?.value;
      return { objects, find };
    };
    const local = render([]);
    const prod = render(['-f', 'deploy/chart/shop/values-prod.yaml']);
    assert.equal(readPath(local.find('Deployment', 'shop-order'), 'spec.replicas'), 2);
    assert.equal(readPath(prod.find('Deployment', 'shop-order'), 'spec.replicas'), 3);
    assert.equal(readPath(prod.find('Deployment', 'shop-inventory'), 'spec.template.spec.containers[0].image'), 'registry.example.com/shop/inventory:1.4.2');
    assert.equal(readPath(local.find('ConfigMap', 'shop-broker'), 'data.NATS_URL'), 'nats://shop-nats:4222');
    assert.equal(readPath(prod.find('ConfigMap', 'shop-broker'), 'data.NATS_URL'), 'nats://nats.messaging.svc.cluster.local:4222');
    assert.ok(local.find('Deployment', 'shop-nats'), 'local values bundle NATS');
    assert.equal(prod.find('Deployment', 'shop-nats'), undefined, 'prod uses a managed NATS');
    assert.equal(prod.find('Secret', 'shop-broker-credentials'), undefined, 'prod references an existing Secret');
    assert.equal(readPath(prod.find('Deployment', 'shop-order'), 'spec.template.spec.containers[0].envFrom[1].secretRef.name'), 'shop-nats-credentials');
  });

  it('fails a render that breaks a rule, with the template named', () => {
    const r = run(['template', 'shop', 'deploy/chart/shop', '--set', 'nats.enabled=false']);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /set broker\.url, or nats\.enabled=true/);
  });

});
}

describe('module 6 and 7 plain manifests', () => {
  it('the module 6 and 7 plain manifests pass the same checks', () => {
    for (const [mod, rules] of [['06-docker-kubernetes', {}], ['07-kubernetes-advanced', { requireProbes: true, requireResources: true }]] as const) {
      const dir = path.join(repoRoot, 'walkthroughs', mod, 'solution', 'deploy', 'k8s');
      const sources = fs.readdirSync(dir).map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
      assert.deepEqual(validateManifests(sources, rules).flatMap((f) => f.diagnostics.map((d) => `${mod}/${f.file}: ${d.message}`)), []);
    }
  });
});
