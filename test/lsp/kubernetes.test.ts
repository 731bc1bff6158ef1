// Kubernetes manifests as you type, over the real language server: recognised
// by apiVersion/kind (not by file name), checked against the shipped schemas
// and against the other manifests of their folder (read from disk), with the
// same findings "Check my work" gives on the same folder. Helm templates are
// left alone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ensureBuilt, fileUri, LspClient, repoRoot } from './lspClient';
import { kubernetesManifestsCheck } from '../../src/core/checks/kinds/kubernetes';
import { nodeProcessRunner } from '../../src/core/host/nodeProcessRunner';
import { nodeCourseFs } from '../../src/core/host/nodeCourseFs';
import { eventsValidator, mermaidParserValidator } from '../../src/core/checks/defaultValidators';

const solution = path.join(repoRoot, 'walkthroughs', '06-docker-kubernetes', 'solution', 'deploy', 'k8s');
const lines = (d: readonly Diagnostic[]) => d.map((x) => `${x.range.start.line + 1} ${String(x.code)}`);

describe('language server: Kubernetes manifests as you type', () => {
  let client: LspClient;
  let ws: string;
  let k8s: string;

  before(async () => {
    ensureBuilt();
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-lsp-k8s-'));
    k8s = path.join(ws, 'deploy', 'k8s');
    fs.cpSync(solution, k8s, { recursive: true });
    client = LspClient.server({ debounceMs: 0 });
    await client.initialize(ws, { debounceMs: 0 });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it("the module 6 solution's manifests get no finding", async () => {
    for (const name of fs.readdirSync(k8s)) {
      const file = path.join(k8s, name);
      assert.deepEqual(await client.open(fileUri(file), fs.readFileSync(file, 'utf8')), [], name);
    }
  });

  it('a misspelt field is a schema error at its key, with a did-you-mean', async () => {
    const file = path.join(k8s, 'order.yaml');
    const text = fs.readFileSync(file, 'utf8').replace('  replicas: 2', '  replicass: 2');
    const d = await client.change(fileUri(file), text);
    assert.deepEqual(lines(d), [`${text.split('\n').findIndex((l) => l.includes('replicass')) + 1} kubernetes/schema-additionalProperties`]);
    assert.match(String(d[0]?.message), /unknown field "replicass". Did you mean "replicas"\?/);
    assert.equal(d[0]?.severity, 1);
  });

  it('a Service whose selector matches no Deployment of the folder (a file that is not open) is an error', async () => {
    const file = path.join(k8s, 'order.yaml');
    const text = fs.readFileSync(file, 'utf8').replace(/(kind: Service[\s\S]*?selector:\s*\n\s*app\.kubernetes\.io\/name: )order/, '$1orders');
    assert.notEqual(text, fs.readFileSync(file, 'utf8'));
    const d = await client.change(fileUri(file), text);
    assert.ok(
      d.some((x) => x.code === 'kubernetes/selects-nothing'),
      JSON.stringify(lines(d)),
    );
  });

  it('is recognised by apiVersion/kind whatever the file is called; other YAML and Helm templates are left alone', async () => {
    const odd = path.join(ws, 'ops', 'thing.yml');
    fs.mkdirSync(path.dirname(odd), { recursive: true });
    const d = await client.open(fileUri(odd), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: 1\n');
    assert.deepEqual(lines(d), ['6 kubernetes/schema-type']);
    assert.deepEqual(await client.open(fileUri(path.join(ws, 'ops', 'values.yaml')), 'replicas: 2\nkind: nothing\n'), []);
    const template = path.join(ws, 'chart', 'templates', 'deployment.yaml');
    const helm = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicass: {{ .Values.replicas }}\n';
    assert.deepEqual(await client.open(fileUri(template), helm), []);
  });

  it('gives the errors "Check my work" gives on the same folder', async () => {
    const order = path.join(k8s, 'order.yaml');
    await client.change(fileUri(order), fs.readFileSync(order, 'utf8'));
    const file = path.join(k8s, 'inventory.yaml');
    const broken = fs.readFileSync(file, 'utf8').replace('targetPort: http', 'targetPort: web').replace('  replicas:', '  replica:');
    fs.writeFileSync(file, broken);
    const errors = (await client.open(fileUri(file), broken)).filter((x) => x.severity === 1);
    const spec = { id: 'manifests', kind: 'kubernetes-manifests', title: 'manifests', files: ['deploy/k8s/*.yaml'] };
    const outcome = await kubernetesManifestsCheck.run(spec, { folder: ws, runner: nodeProcessRunner, fs: nodeCourseFs, eventYaml: eventsValidator(ws), mermaid: mermaidParserValidator });
    const fromCheck = (outcome.problems ?? []).filter((p) => p.location?.file === 'deploy/k8s/inventory.yaml').map((p) => `${p.location?.line ?? 0} ${p.message}`);
    assert.ok(errors.length >= 2, JSON.stringify(lines(errors)));
    assert.deepEqual(
      errors.map((x) => `${x.range.start.line + 1} ${x.message}`),
      fromCheck,
    );
  });
});
