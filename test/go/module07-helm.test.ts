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
import * as os from 'node:os';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests, readPath, validateManifests } from '../../src/core/checks/kinds/kubernetes';
import { splitRendered } from '../../src/core/checks/kinds/helm';
import { helmPackageCheck } from '../../src/core/checks/kinds/helmPackage';
import { nodeCourseFs, eventsValidator, folderLayers, loadModule, mermaidParserValidator, nodeProcessRunner, type CheckOutcome, type CheckSpec, type ProcessRunner } from '../../src/core/checks';
import { composeFolder } from '../tools/composeFolder';
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

    describe('the helm-package check (module 7 "package")', () => {
      const module7 = loadModule(path.join(repoRoot, 'walkthroughs'), '07-kubernetes-advanced');
      const spec = module7.spec.checks.find((c) => c.id === 'package') as CheckSpec;
      const temps: string[] = [];
      after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));
      const folder = (which: 'starter' | 'solution'): string => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `edgo-m7-package-${which}-`));
        temps.push(dir);
        composeFolder(folderLayers(module7, which), dir);
        return dir;
      };
      // The check runs `helm` from PATH: this test's helm goes first.
      const onPath = (runner: ProcessRunner = nodeProcessRunner): ProcessRunner => ({
        run: (cmd, args, o) => runner.run(cmd === 'helm' ? helm : cmd, args, o),
      });
      const check = (dir: string, runner = onPath()): Promise<CheckOutcome> => helmPackageCheck.run(spec, { folder: dir, runner, fs: nodeCourseFs, eventYaml: eventsValidator(dir), mermaid: mermaidParserValidator });

      it('passes on the solution: the .tgz renders with values-prod.yaml', async () => {
        const r = await check(folder('solution'));
        assert.equal(r.status, 'pass', JSON.stringify(r, null, 2));
        assert.match(r.message, /shop-0\.1\.0\.tgz.*renders \d+ valid objects with deploy\/chart\/shop\/values-prod\.yaml/);
      });

      it("fails on the starter with helm's own message at values-prod.yaml", async () => {
        const r = await check(folder('starter'));
        assert.equal(r.status, 'fail');
        assert.match(r.problems?.[0]?.message ?? '', /open deploy\/chart\/shop\/values-prod\.yaml: no such file or directory/);
        assert.equal(r.problems?.[0]?.location?.file, 'deploy/chart/shop/values-prod.yaml');
      });

      it('fails when a template breaks under the overrides, at the template and line', async () => {
        const dir = folder('solution');
        const file = path.join(dir, 'deploy/chart/shop/templates/services.yaml');
        fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8')}\n{{- if not .Values.nats.enabled }}{{ required "prod needs broker.tls" .Values.broker.tls }}{{- end }}\n`);
        const r = await check(dir);
        assert.equal(r.status, 'fail');
        assert.match(r.problems?.[0]?.message ?? '', /prod needs broker\.tls/);
        assert.equal(r.problems?.[0]?.location?.file, 'deploy/chart/shop/templates/services.yaml');
        assert.equal(r.problems?.[0]?.location?.line, fs.readFileSync(file, 'utf8').trimEnd().split('\n').length, JSON.stringify(r.problems));
      });

      it("fails when .helmignore leaves out a template another one includes, with helm's message at the include", async () => {
        const dir = folder('solution');
        fs.writeFileSync(path.join(dir, 'deploy/chart/shop/.helmignore'), 'templates/config.yaml\n');
        const r = await check(dir);
        assert.equal(r.status, 'fail');
        // services.yaml includes config.yaml for its checksum annotation: the include fails where it is written.
        assert.match(r.problems?.[0]?.message ?? '', /no template "shop\/templates\/config\.yaml"/);
        assert.equal(r.problems?.[0]?.location?.file, 'deploy/chart/shop/templates/services.yaml');
      });

      it('says how to install helm when it is missing, and names the tool', async () => {
        const r = await check(folder('solution'), { run: (cmd, args, o) => nodeProcessRunner.run(cmd === 'helm' ? 'edgo-no-such-helm' : cmd, args, o) });
        assert.equal(r.status, 'fail');
        assert.equal(r.missingTool, 'helm');
        assert.match(r.message, /helm/i);
      });
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
    for (const [mod, rules] of [
      ['06-docker-kubernetes', {}],
      ['07-kubernetes-advanced', { requireProbes: true, requireResources: true }],
    ] as const) {
      const dir = path.join(repoRoot, 'walkthroughs', mod, 'solution', 'deploy', 'k8s');
      const sources = fs.readdirSync(dir).map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
      assert.deepEqual(
        validateManifests(sources, rules).flatMap((f) => f.diagnostics.map((d) => `${mod}/${f.file}: ${d.message}`)),
        [],
      );
    }
  });
});
