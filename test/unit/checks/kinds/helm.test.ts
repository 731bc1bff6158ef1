import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { helmChartCheck, helmProblems, splitRendered } from '../../../../src/core/checks/kinds/helm';
import type { CheckContext, ProcessResult } from '../../../../src/core/checks';
import { nodeCourseFs } from '../../../../src/core/host/nodeCourseFs';

const rendered = (replicas: number): string => `---
# Source: shop/templates/services.yaml
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-order
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: order }
  template:
    metadata:
      labels: { app: order }
    spec:
      containers:
        - name: order
          image: shop/order:dev
          ports: [{ name: http, containerPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata:
  name: shop-order
spec:
  selector: { app: order }
  ports: [{ port: 80, targetPort: http }]
---
# Source: shop/templates/config.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-broker
data:
  NATS_URL: nats://shop-nats:4222
`;

function ctxWith(answer: (args: readonly string[]) => Partial<ProcessResult>): { ctx: CheckContext; calls: string[][] } {
  const calls: string[][] = [];
  const ctx = {
    folder: '/learner',
    fs: nodeCourseFs,
    runner: { run: async (_c: string, args: readonly string[]) => (calls.push([...args]), { exitCode: 0, stdout: '', stderr: '', ...answer(args) }) },
    eventYaml: { validate: () => [] },
    mermaid: { validate: async () => ({ diagrams: 0, diagnostics: [] }) },
  } as unknown as CheckContext;
  return { ctx, calls };
}

const spec = {
  id: 'chart',
  kind: 'helm-chart',
  title: 't',
  chart: 'deploy/chart/shop',
  renders: [
    { values: [], expect: [{ kind: 'Deployment', name: 'shop-order', path: 'spec.replicas', equals: 2 }] },
    { values: ['deploy/chart/shop/values-prod.yaml'], expect: [{ kind: 'Deployment', name: 'shop-order', path: 'spec.replicas', equals: 3 }] },
  ],
};

describe('helm-chart check', () => {
  it('splits helm template output by template', () => {
    const sources = splitRendered(rendered(2));
    assert.deepEqual(
      sources.map((s) => s.file),
      ['shop/templates/services.yaml', 'shop/templates/config.yaml'],
    );
    assert.match(sources[0]?.text ?? '', /kind: Service/);
  });

  it('reads template file and line out of helm errors', () => {
    const problems = helmProblems('Error: template: shop/templates/services.yaml:12:20: executing "x" at <.Values.nope>: nil pointer', 'deploy/chart/shop');
    assert.deepEqual(problems[0]?.location, { file: 'deploy/chart/shop/templates/services.yaml', line: 12 });
  });

  it('validates its fields', () => {
    assert.deepEqual(helmChartCheck.validate({ id: 'c', kind: 'helm-chart', title: 't' }).length, 1);
    assert.ok(helmChartCheck.validate({ ...spec, renders: [{ values: 'x' }] }).some((p) => /renders\[0\]\.values/.test(p)));
    assert.deepEqual(helmChartCheck.validate(spec), []);
  });

  it('passes when both renders validate and meet their expectations', async () => {
    const { ctx, calls } = ctxWith((args) => (args[0] === 'template' ? { stdout: rendered(args.includes('-f') ? 3 : 2) } : {}));
    const outcome = await helmChartCheck.run(spec, ctx);
    assert.equal(outcome.status, 'pass', outcome.message);
    assert.deepEqual(calls, [
      ['lint', 'deploy/chart/shop'],
      ['template', 'shop', 'deploy/chart/shop'],
      ['template', 'shop', 'deploy/chart/shop', '-f', 'deploy/chart/shop/values-prod.yaml'],
    ]);
  });

  it('fails when the overrides do not change what they should', async () => {
    const { ctx } = ctxWith((args) => (args[0] === 'template' ? { stdout: rendered(2) } : {}));
    const outcome = await helmChartCheck.run(spec, ctx);
    assert.equal(outcome.status, 'fail');
    assert.match(outcome.message, /values-prod\.yaml: Deployment "shop-order": spec\.replicas is 2, expected 3/);
  });

  it('fails on rendered objects that break the Kubernetes rules', async () => {
    const { ctx } = ctxWith((args) => (args[0] === 'template' ? { stdout: rendered(2).replace('targetPort: http', 'targetPort: web') } : {}));
    const outcome = await helmChartCheck.run({ ...spec, renders: [{ values: [] }], requireProbes: true }, ctx);
    assert.equal(outcome.status, 'fail');
    const messages = (outcome.problems ?? []).map((p) => p.message).join('\n');
    assert.match(messages, /targetPort "web"/);
    assert.match(messages, /no livenessProbe/);
  });

  it('reports helm lint errors and a missing helm', async () => {
    const lint = await helmChartCheck.run(spec, ctxWith(() => ({ exitCode: 1, stdout: '[ERROR] Chart.yaml: version is required' })).ctx);
    assert.equal(lint.status, 'fail');
    assert.match(lint.message, /helm lint failed: Chart\.yaml: version is required/);
    const missing = await helmChartCheck.run(spec, ctxWith(() => ({ exitCode: null, notFound: true })).ctx);
    assert.equal(missing.missingTool, 'helm');
  });
});
