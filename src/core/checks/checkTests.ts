/**
 * The course's own check tests, laid over the learner's folder with
 * `go test -overlay` (see `go help build`): the Go tool reads the course's copy of
 * each `_test.go` file `module.json`'s `checkTests` names instead of the learner's,
 * and adds it back when the learner deleted it. Nothing is written into the
 * folder, the learner's other tests still run, and editing or deleting a check's
 * test cannot make the check pass. The starter holds the same files for reading.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { matchFiles } from './files';
import { folderLayers } from './moduleLayers';
import { loadModule } from './moduleStore';
import type { ModuleSpec } from './types';

export interface CheckTestOverlay {
  /** The `-overlay` JSON file (in a temp folder, never in the learner's). */
  readonly overlayPath: string;
  /** The check tests, relative to the learner's folder, with `/`. */
  readonly files: readonly string[];
  /** Of those, the ones the learner changed or deleted (the course's copy is used). */
  readonly changed: readonly string[];
  dispose(): void;
}

/** The folders a learner's starter is composed of: a `base` module's solution first, then the module's own starter. */
function starterLayers(spec: ModuleSpec, moduleDir: string): string[] {
  if (!spec.starter) return [];
  if (!spec.base) return [path.join(moduleDir, spec.starter)];
  return folderLayers(loadModule(path.dirname(moduleDir), path.basename(moduleDir)), 'starter');
}

/** Each check test (relative, `/`) and the course's copy of it, over the starter's layers (later layers win). */
function checkTestSources(spec: ModuleSpec, moduleDir: string): Map<string, string> {
  const sources = new Map<string, string>();
  if (!spec.checkTests || spec.checkTests.length === 0) return sources;
  for (const layer of starterLayers(spec, moduleDir)) {
    // The npm package of the CLI ships module.json files without their folders.
    if (!fs.existsSync(layer)) continue;
    for (const glob of spec.checkTests) for (const rel of matchFiles(layer, glob)) sources.set(rel, path.join(layer, ...rel.split('/')));
  }
  return sources;
}

/** The check tests of a module: its (composed) starter's files matching `checkTests`. */
export function checkTestFiles(spec: ModuleSpec, moduleDir: string): string[] {
  return [...checkTestSources(spec, moduleDir).keys()].sort();
}

const readOrUndefined = (file: string) => {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
};

/** Writes the overlay for `folder`; undefined when the module declares no check tests. */
export function layCheckTests(spec: ModuleSpec, moduleDir: string, folder: string): CheckTestOverlay | undefined {
  const sources = checkTestSources(spec, moduleDir);
  const files = [...sources.keys()].sort();
  if (files.length === 0) return undefined;
  const replace: Record<string, string> = {};
  const changed: string[] = [];
  for (const rel of files) {
    const ours = sources.get(rel) ?? '';
    const theirs = path.join(path.resolve(folder), ...rel.split('/'));
    replace[theirs] = ours;
    const learnerCopy = readOrUndefined(theirs);
    if (!learnerCopy || !learnerCopy.equals(fs.readFileSync(ours))) changed.push(rel);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-check-tests-'));
  const overlayPath = path.join(dir, 'overlay.json');
  fs.writeFileSync(overlayPath, JSON.stringify({ Replace: replace }));
  return { overlayPath, files, changed, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Whether a file (relative, `/`) lies in one of `go test`'s package patterns (`./...`, `./e2e/...`, `./domain`). */
function inPackages(file: string, packages: readonly string[]): boolean {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  return packages.some((p) => {
    const pattern = p.replace(/^\.\/?/, '');
    if (pattern === '...') return true;
    if (pattern.endsWith('/...')) {
      const base = pattern.slice(0, -4);
      return dir === base || dir.startsWith(`${base}/`);
    }
    return dir === pattern;
  });
}

/** One line for a result when the learner's copy of a check test this check runs was not used. */
export function changedTestsNote(overlay: CheckTestOverlay | undefined, packages: readonly string[]): string | undefined {
  const changed = (overlay?.changed ?? []).filter((f) => inPackages(f, packages));
  if (changed.length === 0) return undefined;
  const list = changed.slice(0, 3).join(', ') + (changed.length > 3 ? ` and ${changed.length - 3} more` : '');
  return `The check ran the course's own ${list} (your copy is changed or missing); your other tests ran as written. Put tests of your own in a new _test.go file.`;
}
