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
  /** Build context directory (where the Dockerfile is). */
  readonly dir: string;
  readonly dockerfile: string;
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
}

/** The marker file a scaffolded starter carries: `{ "module": 5 }` or `{ "module": "05-event-driven-services" }`. */
export const moduleMarkerFile = '.edgo-module.json';

const skippedDirs = new Set(['node_modules', 'vendor', 'testdata', 'dist', 'out', 'bin', 'templates']);
const manifestDirNames = new Set(['k8s', 'kube', 'kubernetes', 'manifests', 'deploy', 'deployments']);
/** How deep below the root projects are looked for: `services/order/go.mod` is depth 2. */
const maxDepth = 2;

export async function scanFolder(folderName: string, reader: FolderReader): Promise<FolderFacts> {
  const go: GoProject[] = [];
  const docker: DockerProject[] = [];
  const manifests: ManifestSet[] = [];
  const charts: ChartProject[] = [];
  let kindConfig: string | undefined;

  const visit = async (dir: string, depth: number, inManifestDir: boolean): Promise<void> => {
    // sorted so the task list does not depend on the file system's order
    const entries = [...(await reader.list(dir))].sort((a, b) => a.name.localeCompare(b.name));
    const files = entries.filter((e) => !e.isDirectory).map((e) => e.name);
    const isChart = files.includes('Chart.yaml');
    if (files.includes('go.mod')) {
      const goMod = parseGoMod((await reader.readText(join(dir, 'go.mod'))) ?? '');
      go.push({ dir, goMod, mains: await findMains(reader, dir) });
    }
    if (files.includes('Dockerfile')) {
      const text = (await reader.readText(join(dir, 'Dockerfile'))) ?? '';
      const base = dir ? (dir.split('/').pop() ?? dir) : folderName;
      docker.push({ dir, dockerfile: join(dir, 'Dockerfile'), image: imageNameFromFolder(base), ports: exposedPorts(text) });
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

  const module = parseModuleMarker(await reader.readText(moduleMarkerFile));
  return { folderName, go, docker, manifests, charts, ...(module ? { module } : {}), ...(kindConfig ? { kindConfig } : {}) };
}

/** `cmd/<name>` directories holding a `package main`, and the module root if it is one. */
async function findMains(reader: FolderReader, moduleDir: string): Promise<string[]> {
  const mains: string[] = [];
  if (await hasMainPackage(reader, moduleDir)) mains.push('.');
  const cmdDirs = [...(await reader.list(join(moduleDir, 'cmd')))].sort((a, b) => a.name.localeCompare(b.name));
  for (const e of cmdDirs) {
    if (e.isDirectory && (await hasMainPackage(reader, join(moduleDir, 'cmd', e.name)))) mains.push(`cmd/${e.name}`);
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
