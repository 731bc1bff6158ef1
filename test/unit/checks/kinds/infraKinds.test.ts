// The dockerfile and kubernetes-manifests check kinds as the engine runs them:
// fields validated, files found in a learner's folder, problems with file:line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findCheckKind, type CheckContext } from '../../../../src/core/checks';
import { nodeCourseFs } from '../../../../src/core/host/nodeCourseFs';

function folder(files: Record<string, string>): { ctx: CheckContext; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-infra-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const ctx = {
    folder: dir,
    fs: nodeCourseFs,
    runner: { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) },
    eventYaml: { validate: () => [] },
    mermaid: { validate: async () => ({ diagrams: 0, diagnostics: [] }) },
  } as unknown as CheckContext;
  return { ctx, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const goodDockerfile = 'FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\n';
const manifest = `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
`;

describe('infra check kinds in the registry', () => {
  it('are registered and validate their fields', () => {
    const docker = findCheckKind('dockerfile');
    const k8s = findCheckKind('kubernetes-manifests');
    const helm = findCheckKind('helm-chart');
    assert.ok(docker && k8s && helm);
    assert.equal(docker.validate({ id: 'd', kind: 'dockerfile', title: 't' }).length, 1);
    assert.deepEqual(docker.validate({ id: 'd', kind: 'dockerfile', title: 't', files: ['Dockerfile'] }), []);
    assert.ok(k8s.validate({ id: 'k', kind: 'kubernetes-manifests', title: 't', files: ['*.yaml'], require: ['not a kind!'] }).some((p) => /"require\[0\]"/.test(p)));
    assert.ok(k8s.validate({ id: 'k', kind: 'kubernetes-manifests', title: 't', files: ['*.yaml'], expect: [{ kind: 'Deployment' }] }).some((p) => /"expect\[0\]\.name" is required/.test(p)));
  });

  it('dockerfile: passes a good file, fails a missing one and points at lines', async () => {
    const kind = findCheckKind('dockerfile')!;
    const f = folder({ 'a/Dockerfile': goodDockerfile, 'b/Dockerfile': 'FROM golang\nCOPY . .\n' });
    try {
      assert.equal((await kind.run({ id: 'd', kind: 'dockerfile', title: 't', files: ['a/Dockerfile'] }, f.ctx)).status, 'pass');
      const bad = await kind.run({ id: 'd', kind: 'dockerfile', title: 't', files: ['a/Dockerfile', 'b/Dockerfile', 'c/Dockerfile'], min: 3 }, f.ctx);
      assert.equal(bad.status, 'fail');
      assert.deepEqual(
        bad.problems?.filter((p) => p.location).map((p) => `${p.location?.file}:${p.location?.line}`),
        ['b/Dockerfile:1', 'b/Dockerfile:1', 'b/Dockerfile:1'],
      );
      assert.match(bad.problems?.at(-1)?.message ?? '', /missing: c\/Dockerfile/);
    } finally {
      f.dispose();
    }
  });

  it('kubernetes-manifests: reports a Service that selects nothing, and a missing object', async () => {
    const kind = findCheckKind('kubernetes-manifests')!;
    const f = folder({ 'k8s/svc.yaml': manifest });
    try {
      const out = await kind.run({ id: 'k', kind: 'kubernetes-manifests', title: 't', files: ['k8s/*.yaml'], require: ['Deployment/web'] }, f.ctx);
      assert.equal(out.status, 'fail');
      assert.deepEqual(
        out.problems?.map((p) => [p.location?.file, p.location?.line, p.message.slice(0, 30)]),
        [
          ['k8s/svc.yaml', 5, 'Service "web": selector app=we'],
          [undefined, undefined, 'No Deployment named "web" in t'],
        ],
      );
    } finally {
      f.dispose();
    }
  });
});
