import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { scanFolder } from '../../../src/core/tasks/folderScan';
import { findTask, labelSlug, taskContextKey, tasksForFolder } from '../../../src/core/tasks/taskCatalog';
import type { TaskSpec } from '../../../src/core/tasks/taskKinds';
import { memoryFolder } from './memoryFolder';

const goMod = 'module example.com/order\n\ngo 1.22\n';
const mainGo = 'package main\n\nfunc main() {}\n';

async function offered(folderName: string, files: Record<string, string>, activeFile?: string): Promise<TaskSpec[]> {
  return tasksForFolder(await scanFolder(folderName, memoryFolder(files)), activeFile ? { activeFile } : {});
}

const labels = (tasks: TaskSpec[]) => tasks.map((t) => t.label);
const byLabel = (tasks: TaskSpec[], label: string): TaskSpec => {
  const t = tasks.find((x) => x.label === label);
  assert.ok(t, `no task "${label}" in ${JSON.stringify(labels(tasks))}`);
  return t;
};

describe('tasksForFolder', () => {
  it('offers npm install, npm run dev and npm run build in a generated EventCatalog folder, and no tasks for its pages', async () => {
    const tasks = await offered('shop', {
      'eventcatalog/eventcatalog.config.js': 'export default {};\n',
      'eventcatalog/package.json': '{"scripts": {"dev": "eventcatalog dev", "build": "eventcatalog build"}}',
      'eventcatalog/events/order-created/index.mdx': '---\nid: order-created\n---\n',
    });
    assert.deepEqual(labels(tasks), ['EventCatalog: npm install', 'EventCatalog: npm run dev', 'EventCatalog: npm run build']);
    assert.deepEqual(
      tasks.map((t) => [t.tool, t.args.join(' '), t.cwd, t.background]),
      [
        ['npm', 'install', 'eventcatalog', false],
        ['npm', 'run dev', 'eventcatalog', true],
        ['npm', 'run build', 'eventcatalog', false],
      ],
    );
    assert.deepEqual(byLabel(tasks, 'EventCatalog: npm run dev').problemMatchers, ['edgo-server']);
  });

  it('offers nothing for a folder with none of the known files', async () => {
    assert.deepEqual(await offered('notes', { 'README.md': '# hi', 'docs/a.yaml': 'a: 1' }), []);
  });

  it('offers go build, test, test of the current package, vet and a run per cmd/* main for a go.mod', async () => {
    const tasks = await offered(
      'order',
      {
        'go.mod': goMod,
        'cmd/order/main.go': mainGo,
        'cmd/migrate/main.go': mainGo,
        'cmd/notmain/lib.go': 'package notmain\n',
        'internal/order/order.go': 'package order\n',
        'internal/order/order_test.go': 'package order\n',
      },
      'internal/order/order_test.go',
    );
    assert.deepEqual(labels(tasks), ['go build', 'go test', 'go test (current package)', 'go vet', 'go run cmd/migrate', 'go run cmd/order']);
    assert.deepEqual(byLabel(tasks, 'go build').args, ['build', './...']);
    assert.deepEqual(byLabel(tasks, 'go build').problemMatchers, ['go']);
    assert.deepEqual(byLabel(tasks, 'go test').args, ['test', '-fullpath', './...']);
    assert.deepEqual(byLabel(tasks, 'go test').problemMatchers, ['go-test', 'go']);
    assert.equal(byLabel(tasks, 'go test').group, 'test');
    assert.deepEqual(byLabel(tasks, 'go test (current package)').args, ['test', '-fullpath', './internal/order']);
    assert.deepEqual(byLabel(tasks, 'go vet').args, ['vet', './...']);
    const run = byLabel(tasks, 'go run cmd/order');
    assert.deepEqual(run.args, ['run', './cmd/order']);
    assert.equal(run.background, true);
    assert.deepEqual(run.problemMatchers, ['edgo-server']);
  });

  it("builds a service's Dockerfile from its module root, tagged as the manifests run it", async () => {
    // walkthroughs/06-docker-kubernetes: one module, order/Dockerfile, deploy/k8s/order.yaml runs shop/order:dev
    const tasks = await offered('shop', {
      'go.mod': goMod,
      'order/Dockerfile': 'FROM golang:1.22 AS build\nCOPY go.mod ./\nFROM scratch\nEXPOSE 8080\n',
      'deploy/k8s/order.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: order\nspec:\n  template:\n    spec:\n      containers:\n        - name: order\n          image: shop/order:dev\n',
    });
    assert.deepEqual(byLabel(tasks, 'docker build').args, ['build', '-t', 'shop/order:dev', '-f', 'order/Dockerfile', '.']);
    assert.deepEqual(byLabel(tasks, 'docker run').args, ['run', '--rm', '--name', 'shop-order', '-p', '8080:8080', 'shop/order:dev']);
    assert.deepEqual(byLabel(tasks, 'kind load docker-image').args, ['load', 'docker-image', 'shop/order:dev', '--name', 'edgo']);
  });

  it("finds the course's layouts: <service>/cmd/<name> mains in one module, charts under deploy/", async () => {
    // as in walkthroughs/05-event-driven-services and 07-kubernetes-advanced
    const tasks = await offered('shop', {
      'go.mod': goMod,
      'order/cmd/order/main.go': mainGo,
      'inventory/cmd/inventory/main.go': mainGo,
      'order/internal/app.go': 'package internal\n',
      'deploy/chart/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
      'deploy/chart/shop/values.yaml': 'replicas: 1\n',
    });
    assert.deepEqual(byLabel(tasks, 'go run inventory/cmd/inventory').args, ['run', './inventory/cmd/inventory']);
    assert.deepEqual(byLabel(tasks, 'go run order/cmd/order').args, ['run', './order/cmd/order']);
    assert.deepEqual(byLabel(tasks, 'helm lint').args, ['lint', 'deploy/chart/shop']);
    assert.deepEqual(byLabel(tasks, 'helm upgrade --install').args, ['upgrade', '--install', 'shop', 'deploy/chart/shop', '-f', 'deploy/chart/shop/values.yaml']);
  });

  it('runs a root main package with go run . and tests "." when no Go file is open', async () => {
    const tasks = await offered('hello', { 'go.mod': goMod, 'main.go': mainGo });
    assert.deepEqual(byLabel(tasks, 'go run').args, ['run', '.']);
    assert.deepEqual(byLabel(tasks, 'go test (current package)').args, ['test', '-fullpath', '.']);
  });

  it('qualifies labels and sets cwd when a folder holds several Go modules', async () => {
    const tasks = await offered('shop', { 'order/go.mod': goMod, 'inventory/go.mod': 'module example.com/inventory\n\ngo 1.22\n' }, 'order/internal/x.go');
    const orderTest = byLabel(tasks, 'go test (order)');
    assert.equal(orderTest.cwd, 'order');
    assert.equal(orderTest.target, 'order');
    assert.deepEqual(byLabel(tasks, 'go test (current package) (order)').args, ['test', '-fullpath', './internal']);
    assert.deepEqual(byLabel(tasks, 'go test (current package) (inventory)').args, ['test', '-fullpath', '.']);
  });

  it('offers docker build tagged from the folder name and docker run publishing the EXPOSEd ports', async () => {
    const dockerfile = 'FROM golang:1.22 AS build\nEXPOSE 9999\nFROM gcr.io/distroless/static\nEXPOSE 8080 9090/udp\n';
    const tasks = await offered('Order Service', { Dockerfile: dockerfile });
    assert.deepEqual(byLabel(tasks, 'docker build').args, ['build', '-t', 'order-service:dev', '-f', 'Dockerfile', '.']);
    const run = byLabel(tasks, 'docker run');
    assert.deepEqual(run.args, ['run', '--rm', '--name', 'order-service', '-p', '8080:8080', '-p', '9090:9090/udp', 'order-service:dev']);
    assert.equal(run.background, true);
  });

  it('offers kubectl apply, get pods, rollout status, logs and port-forward for manifests', async () => {
    const manifests = ['apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: order\nspec:\n  replicas: 2\n', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: order\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n'].join(
      '---\n',
    );
    const tasks = await offered('m6', { 'k8s/order.yaml': manifests, 'k8s/notes.txt': 'x' });
    assert.deepEqual(
      labels(tasks).filter((l) => l.startsWith('kubectl')),
      ['kubectl apply', 'kubectl get pods', 'kubectl rollout status deployment/order', 'kubectl logs deployment/order', 'kubectl port-forward service/order'],
    );
    assert.deepEqual(byLabel(tasks, 'kubectl apply').args, ['apply', '-f', 'k8s']);
    assert.deepEqual(byLabel(tasks, 'kubectl rollout status deployment/order').args, ['rollout', 'status', 'deployment/order', '--timeout=120s']);
    const pf = byLabel(tasks, 'kubectl port-forward service/order');
    assert.deepEqual(pf.args, ['port-forward', 'service/order', '8080:80']);
    assert.equal(pf.background, true);
    // a cluster is needed for these, so kind and minikube are offered too
    assert.ok(labels(tasks).includes('kind create cluster'));
    assert.ok(labels(tasks).includes('minikube start'));
  });

  it('finds a manifest at the root by its kind, and ignores YAML that is not a manifest', async () => {
    const tasks = await offered('x', { 'deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n', 'config.yaml': 'port: 80\n' });
    assert.deepEqual(byLabel(tasks, 'kubectl apply').args, ['apply', '-f', 'deployment.yaml']);
  });

  it('offers helm lint, template and upgrade --install with each values file for a chart', async () => {
    const tasks = await offered('m7', {
      'chart/Chart.yaml': 'apiVersion: v2\nname: Shop_Chart\nversion: 0.1.0\n',
      'chart/values.yaml': 'replicas: 1\n',
      'chart/values-prod.yaml': 'replicas: 3\n',
      'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
    });
    assert.deepEqual(byLabel(tasks, 'helm lint').args, ['lint', 'chart']);
    assert.deepEqual(byLabel(tasks, 'helm template -f chart/values.yaml').args, ['template', 'shop-chart', 'chart', '-f', 'chart/values.yaml']);
    assert.deepEqual(byLabel(tasks, 'helm upgrade --install -f chart/values-prod.yaml').args, ['upgrade', '--install', 'shop-chart', 'chart', '-f', 'chart/values-prod.yaml']);
    // templates are not offered as plain manifests
    assert.equal(
      tasks.some((t) => t.kind === 'kubectl-apply'),
      false,
    );
  });

  it('offers nats-server -js for module 5 (marker) and for a module requiring nats.go', async () => {
    const byMarker = await offered('m5', { '.edgo-module.json': '{ "module": "05-event-driven-services" }' });
    assert.deepEqual(byLabel(byMarker, 'nats-server -js').args, ['-js', '-m', '8222']);
    assert.equal(byLabel(byMarker, 'nats-server -js').background, true);
    const byRequire = await offered('order', { 'go.mod': `${goMod}\nrequire (\n\tgithub.com/nats-io/nats.go v1.37.0\n)\n` });
    assert.ok(labels(byRequire).includes('nats-server -js'));
    const neither = await offered('order', { 'go.mod': goMod, '.edgo-module.json': '{"module": 4}' });
    assert.equal(labels(neither).includes('nats-server -js'), false);
  });

  it("offers kind create cluster with the folder's kind config and loads each image", async () => {
    const tasks = await offered('m6', {
      'kind-config.yaml': 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n',
      'order/Dockerfile': 'FROM scratch\n',
      'inventory/Dockerfile': 'FROM scratch\n',
    });
    assert.deepEqual(byLabel(tasks, 'kind create cluster').args, ['create', 'cluster', '--name', 'edgo', '--config', 'kind-config.yaml']);
    assert.deepEqual(byLabel(tasks, 'kind load docker-image (order)').args, ['load', 'docker-image', 'order:dev', '--name', 'edgo']);
    assert.deepEqual(byLabel(tasks, 'minikube image load (inventory)').args, ['image', 'load', 'inventory:dev']);
    assert.deepEqual(byLabel(tasks, 'docker build (order)').args, ['build', '-t', 'order:dev', '-f', 'order/Dockerfile', 'order']);
  });

  it('finds an offered task again from its definition (kind and target)', async () => {
    const tasks = await offered('shop', { 'order/go.mod': goMod, 'inventory/go.mod': goMod });
    assert.equal(findTask(tasks, 'go-test', 'inventory')?.label, 'go test (inventory)');
    assert.equal(findTask(tasks, 'go-vet')?.label, 'go vet (inventory)', 'without a target the first in folder order');
    assert.equal(findTask(tasks, 'helm-lint'), undefined);
  });
});

describe('taskContextKey', () => {
  it('is edgo.task.<NN>.<label-slug>', () => {
    assert.equal(taskContextKey(5, 'nats-server -js'), 'edgo.task.05.nats-server-js');
    assert.equal(taskContextKey(10, 'go test (current package)'), 'edgo.task.10.go-test-current-package');
    assert.equal(labelSlug('  Docker  Build (order) '), 'docker-build-order');
  });
});
