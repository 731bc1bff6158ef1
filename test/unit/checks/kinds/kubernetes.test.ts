import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkExpectations, parseManifests, readPath, validateManifests } from '../../../../src/core/checks/kinds/kubernetes';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const check = (text: string, rules = {}): string[] => validateManifests([{ file: 'm.yaml', text }], rules).flatMap((f) => f.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code.replace('kubernetes/', '')}`));

const deployment = (opts: { selector?: string; port?: string; extra?: string } = {}): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: order
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${opts.selector ?? 'order'}
  template:
    metadata:
      labels:
        app: order
    spec:
      containers:
        - name: order
          image: shop/order:dev
          ports:
            - name: http
              containerPort: 8080
${opts.extra ?? ''}---
apiVersion: v1
kind: Service
metadata:
  name: order
spec:
  selector:
    app: order
  ports:
    - port: 80
      targetPort: ${opts.port ?? 'http'}
`;

describe('validateManifests', () => {
  it('accepts a Deployment and a Service that agree', () => {
    assert.deepEqual(check(deployment()), []);
  });

  it('points at an unknown field with a suggestion', () => {
    const text = deployment().replace('      containers:', '      contianers:');
    const diags = validateManifests([{ file: 'm.yaml', text }])[0]?.diagnostics ?? [];
    const unknown = diags.find((d) => d.code === 'kubernetes/schema-additionalProperties');
    assert.equal(unknown?.range.start.line, 14);
    assert.match(unknown?.message ?? '', /unknown field "contianers".*Did you mean "containers"/);
    assert.ok(diags.some((d) => /"containers" is required/.test(d.message)));
  });

  it('reports a wrong type on its line', () => {
    const diags = validateManifests([{ file: 'm.yaml', text: deployment().replace('replicas: 2', 'replicas: two') }])[0]?.diagnostics ?? [];
    assert.deepEqual(
      diags.map((d) => [d.range.start.line + 1, d.message]),
      [[6, 'Deployment "order": spec.replicas must be integer.']],
    );
  });

  it('reports a selector that does not match the template labels', () => {
    assert.deepEqual(check(deployment({ selector: 'order-service' })), ['9:selector-mismatch']);
  });

  it('reports a Service targetPort no container declares, by name and by number', () => {
    assert.deepEqual(check(deployment({ port: 'web' })), ['31:port-mismatch']);
    assert.deepEqual(check(deployment({ port: '9090' })), ['31:port-mismatch']);
    assert.deepEqual(check(deployment({ port: '8080' })), []);
  });

  it('reports a Service that selects nothing', () => {
    assert.deepEqual(check(deployment().replace(/selector:\n    app: order/, 'selector:\n    app: orders')), ['27:selects-nothing']);
  });

  it('warns about kinds it has no schema for, and errors on documents without a kind', () => {
    assert.deepEqual(check('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n'), ['2:no-schema']);
    assert.deepEqual(check('metadata: {name: w}\n'), ['1:missing-type']);
    const broken = check('a: [\n');
    assert.ok(broken.length > 0 && broken.every((c) => /^\d+:yaml\//.test(c)), broken.join());
  });

  it('requires probes and resources when asked (module 7)', () => {
    const got = check(deployment(), { requireProbes: true, requireResources: true });
    assert.ok(got.includes('16:missing-probe'), got.join());
    assert.equal(got.filter((c) => c.endsWith('missing-resources')).length, 4);
  });

  it('checks required objects and expected values', () => {
    const { objects } = parseManifests([{ file: 'm.yaml', text: deployment() }]);
    assert.equal(readPath(objects[0]?.value, 'spec.template.spec.containers[0].ports[0].containerPort'), 8080);
    const problems = checkExpectations(objects, ['Deployment/order', 'Service/nats'], [{ kind: 'Deployment', name: 'order', path: 'spec.replicas', equals: 3 }]);
    assert.deepEqual(
      problems.map((p) => [p.message, p.location?.line]),
      [
        ['No Service named "nats" in the manifests.', undefined],
        ['Deployment "order": spec.replicas is 2, expected 3.', 6],
      ],
    );
  });

  it('accepts the module 6 solution manifests', () => {
    const dir = path.join(repoRoot, 'walkthroughs', '06-docker-kubernetes', 'solution', 'deploy', 'k8s');
    const sources = fs.readdirSync(dir).map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
    assert.deepEqual(
      validateManifests(sources).flatMap((f) => f.diagnostics.map((d) => `${f.file}:${d.range.start.line + 1} ${d.message}`)),
      [],
    );
  });
});
