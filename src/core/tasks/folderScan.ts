import { exposedPorts, imageNameFromFolder, type ExposedPort } from './dockerfile';
import { parseGoMod, type GoModInfo } from './goMod';
import { parseManifestObjects, type K8sObject } from './k8sManifests';

/** One directory entry, as the host's file system reports it. */
export interface DirEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

/**
 * Read-only view of one workspace folder, paths relative to its root with `/`
 * separators (`''` is the root). The extension backs it with `vscode.workspace.fs`,
 * tests with an in-memory map.
 */
export interface FolderReader {
  /** Entries of a directory; `[]` when it does not exist. */
  list(relDir: string): Promise<readonly DirEntry[]>;
  /** A file's text; `undefined` when it does not exist or cannot be read. */
  readText(relPath: string): Promise<string | undefined>;
}

export interface GoProject {
  /** Directory holding go.mod (`''` for the folder root). */
  readonly dir: string;
  readonly goMod: GoModInfo;
  /** Main packages relative to `dir`: `cmd/order`, or `.` for a root main.go. */
  readonly mains: readonly string[];
}

export interface DockerProject {
  /** Where the Dockerfile is (names the project in labels). */
  readonly dir: string;
  /**
   * Build context: the Dockerfile's folder, or the Go module root above it when the
   * Dockerfile builds one service of a multi-service module (`COPY go.mod` needs it).
   */
  readonly context: string;
  readonly dockerfile: string;
  /** Image name without tag: as the manifests run it (`shop/order`) or from the folder name. */
  readonly image: string;
  readonly ports: readonly ExposedPort[];
}

export interface ManifestSet {
  /** A directory of manifests (or a single file) to `kubectl apply -f`. */
  readonly path: string;
  readonly objects: readonly K8sObject[];
}

export interface ChartProject {
  readonly dir: string;
  readonly name: string;
  /** Values files in the chart directory, `values.yaml` first. */
  readonly valuesFiles: readonly string[];
}

/** Everything the task catalog needs to know about a workspace folder. */
export interface FolderFacts {
  readonly folderName: string;
  readonly go: readonly GoProject[];
  readonly docker: readonly DockerProject[];
  readonly manifests: readonly ManifestSet[];
  readonly charts: readonly ChartProject[];
  /** Course module number from `.edgo-module.json`, if the folder has one. */
  readonly module?: number;
  /** A kind cluster config (`kind: Cluster`) found in the folder, if any. */
  readonly kindConfig?: string;
  /** Folders holding an EventCatalog project (`eventcatalog.config.js`), e.g. `eventcatalog` in module 8. */
  readonly catalogs?: readonly string[];
}

/** The marker file a scaffolded starter carries: `{ "module": 5 }` or `{ "module": "05-event-driven-services" }`. */
export const moduleMarkerFile = '.edgo-module.json';

const skippedDirs = new Set(['node_modules', 'vendor', 'testdata', 'dist', 'out', 'bin', 'templates']);
const manifestDirNames = new Set(['k8s', 'kube', 'kubernetes', 'manifests', 'deploy', 'deployments']);
/** How deep below the root projects are looked for: `deploy/chart/shop/Chart.yaml` is depth 3. */
const maxDepth = 3;

export async function scanFolder(folderName: string, reader: FolderReader): Promise<FolderFacts> {
  const go: GoProject[] = [];
  const docker: DockerProject[] = [];
  const manifests: ManifestSet[] = [];
  const charts: ChartProject[] = [];
  const catalogs: string[] = [];
  let kindConfig: string | undefined;

  const visit = async (dir: string, depth: number, inManifestDir: boolean): Promise<void> => {
    // sorted so the task list does not depend on the file system's order
    const entries = [...(await reader.list(dir))].sort((a, b) => a.name.localeCompare(b.name));
    const files = entries.filter((e) => !e.isDirectory).map((e) => e.name);
    const isChart = files.includes('Chart.yaml');
    if (files.some((f) => /^eventcatalog\.config\.(js|mjs|cjs|ts)$/.test(f))) {
      catalogs.push(dir);
      return; // a catalog's events/ and services/ are pages, not projects
    }
    if (files.includes('go.mod')) {
      const goMod = parseGoMod((await reader.readText(join(dir, 'go.mod'))) ?? '');
      go.push({ dir, goMod, mains: await findMains(reader, dir) });
    }
    if (files.includes('Dockerfile')) {
      const text = (await reader.readText(join(dir, 'Dockerfile'))) ?? '';
      const base = dir ? (dir.split('/').pop() ?? dir) : folderName;
      docker.push({ dir, context: dir, dockerfile: join(dir, 'Dockerfile'), image: imageNameFromFolder(base), ports: exposedPorts(text) });
    }
    if (isChart) {
      const chartText = (await reader.readText(join(dir, 'Chart.yaml'))) ?? '';
      const name = /^name:\s*["']?([^"'\s#]+)/m.exec(chartText)?.[1] ?? (dir.split('/').pop() || folderName);
      const valuesFiles = files.filter((f) => /^values([.-][\w.-]+)?\.ya?ml$/.test(f)).sort((a, b) => rankValues(a) - rankValues(b) || a.localeCompare(b));
      charts.push({ dir, name, valuesFiles: valuesFiles.map((f) => join(dir, f)) });
      return; // a chart's templates are not plain manifests
    }
    const yamlFiles = files.filter((f) => /\.ya?ml$/.test(f)).sort();
    const found: K8sObject[] = [];
    for (const f of yamlFiles) {
      const text = (await reader.readText(join(dir, f))) ?? '';
      if (/^kind:\s*Cluster\s*$/m.test(text) && /kind\.x-k8s\.io/.test(text)) {
        kindConfig ??= join(dir, f);
        continue;
      }
      if (!inManifestDir && !/^kind:/m.test(text)) continue;
      const objects = parseManifestObjects(text);
      if (objects.length === 0) continue;
      if (inManifestDir) found.push(...objects);
      else manifests.push({ path: join(dir, f), objects });
    }
    if (inManifestDir && found.length > 0) manifests.push({ path: dir, objects: found });
    if (depth >= maxDepth) return;
    for (const e of entries) {
      if (!e.isDirectory || e.name.startsWith('.') || skippedDirs.has(e.name)) continue;
      await visit(join(dir, e.name), depth + 1, manifestDirNames.has(e.name));
    }
  };
  await visit('', 0, false);

  const images = manifests.flatMap((m) => m.objects.flatMap((o) => o.images ?? []));
  const dockerProjects = docker.map((d) => ({ ...d, context: buildContext(d.dir, go), image: manifestImage(d.image, images) ?? d.image }));
  const module = parseModuleMarker(await reader.readText(moduleMarkerFile));
  return { folderName, go, docker: dockerProjects, manifests, charts, ...(module ? { module } : {}), ...(kindConfig ? { kindConfig } : {}), ...(catalogs.length > 0 ? { catalogs } : {}) };
}

/**
 * Main packages of a module, relative to it: the root, `cmd/<name>`, and
 * `<service>/cmd/<name>` (one module holding several services, as in module 5).
 */
async function findMains(reader: FolderReader, moduleDir: string): Promise<string[]> {
  const mains: string[] = [];
  if (await hasMainPackage(reader, moduleDir)) mains.push('.');
  const byName = (a: DirEntry, b: DirEntry) => a.name.localeCompare(b.name);
  const cmdRoots = ['cmd'];
  for (const e of [...(await reader.list(moduleDir))].sort(byName)) {
    if (e.isDirectory && e.name !== 'cmd' && !e.name.startsWith('.') && !skippedDirs.has(e.name)) cmdRoots.push(`${e.name}/cmd`);
  }
  for (const cmdRoot of cmdRoots) {
    for (const e of [...(await reader.list(join(moduleDir, cmdRoot)))].sort(byName)) {
      if (e.isDirectory && (await hasMainPackage(reader, join(moduleDir, cmdRoot, e.name)))) mains.push(`${cmdRoot}/${e.name}`);
    }
  }
  return mains;
}

async function hasMainPackage(reader: FolderReader, dir: string): Promise<boolean> {
  for (const e of await reader.list(dir)) {
    if (e.isDirectory || !e.name.endsWith('.go') || e.name.endsWith('_test.go')) continue;
    const text = (await reader.readText(join(dir, e.name))) ?? '';
    if (/^\s*package\s+main\b/m.test(text) && /\bfunc\s+main\s*\(\s*\)/.test(text)) return true;
  }
  return false;
}

/** The Dockerfile's folder if it holds go.mod or no module encloses it, else the closest enclosing module root. */
function buildContext(dir: string, go: readonly GoProject[]): string {
  if (go.some((g) => g.dir === dir)) return dir;
  const enclosing = go.filter((g) => g.dir === '' || dir.startsWith(`${g.dir}/`)).sort((a, b) => b.dir.length - a.dir.length)[0];
  return enclosing ? enclosing.dir : dir;
}

/** `shop/order` when a manifest runs `shop/order:dev` and the image would be called `order`: build what gets deployed. */
function manifestImage(name: string, images: readonly string[]): string | undefined {
  for (const image of images) {
    const repository = image.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
    if (repository === name || repository.endsWith(`/${name}`)) return repository;
  }
  return undefined;
}

/** Reads `.edgo-module.json`; a missing or malformed marker means "no module". */
export function parseModuleMarker(text: string | undefined): number | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).module : undefined;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(/^(\d+)/.exec(raw)?.[1]) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : undefined;
}

function rankValues(file: string): number {
  return file === 'values.yaml' || file === 'values.yml' ? 0 : 1;
}

/** Joins relative path segments with `/`, treating `''` as the root. */
export function join(...parts: string[]): string {
  return parts.filter((p) => p !== '' && p !== '.').join('/');
}
