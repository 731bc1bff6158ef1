import type { FolderFacts, GoProject } from './folderScan';
import { join } from './folderScan';
import { rolloutKinds } from './k8sManifests';
import { usesNats } from './goMod';
import { problemMatchers as pm, type TaskKind, type TaskSpec } from './taskKinds';

export interface CatalogOptions {
  /** The active editor's file, relative to the folder root, for "go test (current package)". */
  readonly activeFile?: string;
  /** Cluster name for kind tasks. */
  readonly kindClusterName?: string;
}

/** The tag every image built by the tasks gets, so load and run find it. */
export const imageTag = 'dev';
const defaultKindCluster = 'edgo';

/** Which tasks fit what the folder holds. Order is the order of the task picker. */
export function tasksForFolder(facts: FolderFacts, options: CatalogOptions = {}): TaskSpec[] {
  const tasks: TaskSpec[] = [];
  const several = (n: number) => n > 1;
  for (const project of facts.go) tasks.push(...goTasks(project, several(facts.go.length), options));
  for (const d of facts.docker) {
    const where = several(facts.docker.length) ? ` (${d.dir || '.'})` : '';
    const image = `${d.image}:${imageTag}`;
    tasks.push(
      spec('docker-build', `docker build${where}`, 'docker', ['build', '-t', image, '-f', d.dockerfile || 'Dockerfile', d.context || '.'], '', {
        target: d.dir,
        group: 'build',
        detail: `Builds the image ${image} from ${d.dockerfile}`,
      }),
    );
    const ports = d.ports.flatMap((p) => ['-p', `${p.port}:${p.port}${p.protocol === 'udp' ? '/udp' : ''}`]);
    tasks.push(
      spec('docker-run', `docker run${where}`, 'docker', ['run', '--rm', '--name', containerName(d.image), ...ports, image], '', {
        target: d.dir,
        background: true,
        matchers: [pm.server],
        detail: ports.length ? `Runs ${image} publishing ${d.ports.map((p) => p.port).join(', ')} (from EXPOSE)` : `Runs ${image} (no EXPOSE, so no port is published)`,
      }),
    );
  }
  const multiManifest = several(facts.manifests.length);
  for (const m of facts.manifests) {
    const where = multiManifest ? ` ${m.path}` : '';
    tasks.push(spec('kubectl-apply', `kubectl apply${where}`, 'kubectl', ['apply', '-f', m.path], '', { target: m.path, detail: `Applies ${m.path} to the current cluster` }));
  }
  if (facts.manifests.length > 0 || facts.charts.length > 0) {
    tasks.push(spec('kubectl-get-pods', 'kubectl get pods', 'kubectl', ['get', 'pods', '-o', 'wide'], '', { detail: 'Lists the pods of the current namespace' }));
  }
  const objects = facts.manifests.flatMap((m) => m.objects);
  for (const o of objects.filter((x) => rolloutKinds.has(x.kind))) {
    const ref = `${o.kind.toLowerCase()}/${o.name}`;
    const ns = o.namespace ? ['-n', o.namespace] : [];
    tasks.push(spec('kubectl-rollout-status', `kubectl rollout status ${ref}`, 'kubectl', ['rollout', 'status', ref, '--timeout=120s', ...ns], '', { target: ref, detail: `Waits until ${ref} is rolled out` }));
    tasks.push(spec('kubectl-logs', `kubectl logs ${ref}`, 'kubectl', ['logs', ref, '--all-containers', '--tail=200', ...ns], '', { target: ref, detail: `Shows the last log lines of ${ref}` }));
  }
  for (const o of objects.filter((x) => x.kind === 'Service' && (x.ports?.length ?? 0) > 0)) {
    const ref = `service/${o.name}`;
    const pairs = (o.ports ?? []).map((p) => `${localPort(p)}:${p}`);
    const ns = o.namespace ? ['-n', o.namespace] : [];
    tasks.push(
      spec('kubectl-port-forward', `kubectl port-forward ${ref}`, 'kubectl', ['port-forward', ref, ...pairs, ...ns], '', {
        target: ref,
        background: true,
        matchers: [pm.portForward],
        detail: `Forwards localhost ${pairs.join(', ')} to ${ref}`,
      }),
    );
  }
  for (const c of facts.charts) {
    const chart = c.dir || '.';
    const release = releaseName(c.name);
    const where = several(facts.charts.length) ? ` (${chart})` : '';
    tasks.push(spec('helm-lint', `helm lint${where}`, 'helm', ['lint', chart], '', { target: chart, detail: `Checks the chart ${c.name}` }));
    const values = c.valuesFiles.length > 0 ? c.valuesFiles : [undefined];
    for (const v of values) {
      const vArgs = v ? ['-f', v] : [];
      const vLabel = v && values.length > 1 ? ` -f ${v}` : '';
      tasks.push(spec('helm-template', `helm template${where}${vLabel}`, 'helm', ['template', release, chart, ...vArgs], '', { target: v ?? chart, detail: `Renders the manifests of ${c.name}${v ? ` with ${v}` : ''}` }));
      tasks.push(
        spec('helm-upgrade', `helm upgrade --install${where}${vLabel}`, 'helm', ['upgrade', '--install', release, chart, ...vArgs], '', { target: v ?? chart, detail: `Installs or upgrades the release ${release}${v ? ` with ${v}` : ''}` }),
      );
    }
  }
  for (const c of facts.catalogs ?? []) {
    const where = several(facts.catalogs?.length ?? 0) ? ` (${c || '.'})` : '';
    const dir = c || '.';
    tasks.push(spec('catalog-install', `EventCatalog: npm install${where}`, 'npm', ['install'], c, { target: dir, detail: `Installs EventCatalog into ${dir}/node_modules (Node.js 22.12+, from the npm registry)` }));
    tasks.push(
      spec('catalog-dev', `EventCatalog: npm run dev${where}`, 'npm', ['run', 'dev'], c, {
        target: dir,
        background: true,
        matchers: [pm.server],
        detail: `Serves the catalog of ${dir} at http://localhost:3000, reloading as you edit`,
      }),
    );
    tasks.push(spec('catalog-build', `EventCatalog: npm run build${where}`, 'npm', ['run', 'build'], c, { target: dir, group: 'build', detail: `Builds the catalog of ${dir} into ${dir}/dist, a static site` }));
  }
  if (facts.module === 5 || facts.go.some((g) => usesNats(g.goMod))) {
    tasks.push(
      spec('nats-server', 'nats-server -js', 'nats-server', ['-js', '-m', '8222'], '', {
        background: true,
        matchers: [pm.natsServer],
        detail: 'Starts a local NATS server with JetStream on port 4222 (monitoring on 8222)',
      }),
    );
  }
  const clusterWork = facts.manifests.length > 0 || facts.charts.length > 0 || facts.kindConfig !== undefined || facts.module === 6 || facts.module === 7;
  if (clusterWork) {
    const name = options.kindClusterName ?? defaultKindCluster;
    const config = facts.kindConfig ? ['--config', facts.kindConfig] : [];
    tasks.push(spec('kind-create-cluster', 'kind create cluster', 'kind', ['create', 'cluster', '--name', name, ...config], '', { detail: `Creates the local kind cluster "${name}"` }));
    tasks.push(spec('minikube-start', 'minikube start', 'minikube', ['start'], '', { detail: 'Starts a local minikube cluster' }));
    for (const d of facts.docker) {
      const where = several(facts.docker.length) ? ` (${d.dir || '.'})` : '';
      const image = `${d.image}:${imageTag}`;
      tasks.push(spec('kind-load-image', `kind load docker-image${where}`, 'kind', ['load', 'docker-image', image, '--name', name], '', { target: d.dir, detail: `Copies ${image} into the kind cluster "${name}"` }));
      tasks.push(spec('minikube-load-image', `minikube image load${where}`, 'minikube', ['image', 'load', image], '', { target: d.dir, detail: `Copies ${image} into minikube` }));
    }
  }
  return tasks;
}

/**
 * `-fullpath` (Go 1.21+) prints failures as absolute `file:line`, so the go-test problem
 * matcher finds the file in nested packages and in remote workspaces, where VS Code's
 * "search" file location cannot look.
 */
export const goTestFlags: readonly string[] = ['-fullpath'];

function goTasks(project: GoProject, qualify: boolean, options: CatalogOptions): TaskSpec[] {
  const cwd = project.dir;
  const where = qualify ? ` (${project.dir || '.'})` : '';
  const t = project.dir || undefined;
  const tasks: TaskSpec[] = [
    spec('go-build', `go build${where}`, 'go', ['build', './...'], cwd, { target: t, group: 'build', matchers: [pm.go], detail: 'Compiles every package of the module' }),
    spec('go-test', `go test${where}`, 'go', ['test', ...goTestFlags, './...'], cwd, { target: t, group: 'test', matchers: [pm.goTest, pm.go], detail: 'Runs the tests of every package' }),
    spec('go-test-package', `go test (current package)${where}`, 'go', ['test', ...goTestFlags, currentPackage(project.dir, options.activeFile)], cwd, {
      target: t,
      group: 'test',
      matchers: [pm.goTest, pm.go],
      detail: 'Runs the tests of the package of the open file',
    }),
    spec('go-vet', `go vet${where}`, 'go', ['vet', './...'], cwd, { target: t, matchers: [pm.go], detail: 'Reports suspicious constructs' }),
  ];
  for (const main of project.mains) {
    const pkg = main === '.' ? '.' : `./${main}`;
    const name = main === '.' ? '' : ` ${main}`;
    tasks.push(spec('go-run', `go run${name}${where}`, 'go', ['run', pkg], cwd, { target: join(project.dir, main) || '.', background: true, matchers: [pm.server], detail: `Runs ${pkg} until you stop it` }));
  }
  return tasks;
}

/** `./internal/order` for a file in that package of the module at `moduleDir`; `.` otherwise. */
export function currentPackage(moduleDir: string, activeFile: string | undefined): string {
  if (!activeFile || !activeFile.endsWith('.go')) return '.';
  const prefix = moduleDir ? `${moduleDir}/` : '';
  if (prefix && !activeFile.startsWith(prefix)) return '.';
  const inModule = activeFile.slice(prefix.length);
  const dir = inModule.includes('/') ? inModule.slice(0, inModule.lastIndexOf('/')) : '';
  return dir ? `./${dir}` : '.';
}

/** A container name from an image name: `shop/order` runs as `shop-order`. */
function containerName(image: string): string {
  return image.replace(/[^a-zA-Z0-9_.-]+/g, '-');
}

/** Local port for a Service port: privileged ports move up by 8000 (80 becomes 8080). */
export function localPort(port: number): number {
  return port < 1024 ? port + 8000 : port;
}

/** A Helm release name: DNS-1123 label, at most 53 characters. */
export function releaseName(chartName: string): string {
  const name = chartName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 53)
    .replace(/-+$/, '');
  return name || 'release';
}

interface SpecExtras {
  target?: string | undefined;
  group?: 'build' | 'test' | undefined;
  matchers?: string[] | undefined;
  background?: boolean | undefined;
  detail: string;
}

function spec(kind: TaskKind, label: string, tool: TaskSpec['tool'], args: string[], cwd: string, extras: SpecExtras): TaskSpec {
  return {
    label,
    kind,
    ...(extras.target ? { target: extras.target } : {}),
    tool,
    args,
    cwd,
    ...(extras.group ? { group: extras.group } : {}),
    problemMatchers: extras.matchers ?? [],
    background: extras.background ?? false,
    detail: extras.detail,
  };
}

/** Finds the offered task a definition (`{ task, target }`, e.g. from tasks.json) refers to. */
export function findTask(tasks: readonly TaskSpec[], kind: TaskKind, target?: string): TaskSpec | undefined {
  return tasks.find((t) => t.kind === kind && (target === undefined || t.target === target)) ?? undefined;
}

/**
 * The context key a walkthrough step waits for: set to true when the task labelled
 * `label` exits 0 for module `module`. Shared with the walkthrough engine, which maps a
 * step's `task:<label>` completion to `edgo.task.<NN>.<label-slug>`.
 */
export function taskContextKey(module: number, label: string): string {
  return `edgo.task.${String(module).padStart(2, '0')}.${labelSlug(label)}`;
}

/** `go test (current package)` becomes `go-test-current-package`. */
export function labelSlug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
