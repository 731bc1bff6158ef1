/**
 * The course's own check tests, laid over the learner's folder with
 * `go test -overlay` (see `go help build`): the Go tool reads the course's copy of
 * each `_test.go` file `module.json`'s `checkTests` names instead of the learner's,
 * and adds it back when the learner deleted it. Nothing is written into the
 * folder, the learner's other tests still run, and editing or deleting a check's
 * test cannot make the check pass. The starter holds the same files for reading.
 */
import { basenameOf, dirnameOf, joinPaths, resolvePath } from '../paths';
import { sameBytes, type CourseFs } from './courseFs';
import { courseFs } from './defaultCourseFs';
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
  if (!spec.base) return [joinPaths(moduleDir, spec.starter)];
  return folderLayers(loadModule(dirnameOf(moduleDir), basenameOf(moduleDir)), 'starter');
}

/** Each check test (relative, `/`) and the course's copy of it, over the starter's layers (later layers win). */
function checkTestSources(fs: CourseFs, spec: ModuleSpec, moduleDir: string): Map<string, string> {
  const sources = new Map<string, string>();
  if (!spec.checkTests || spec.checkTests.length === 0) return sources;
  for (const layer of starterLayers(spec, moduleDir)) {
    // The npm package of the CLI ships module.json files without their folders.
    if (fs.kindOf(layer) === undefined) continue;
    for (const glob of spec.checkTests) for (const rel of matchFiles(fs, layer, glob)) sources.set(rel, joinPaths(layer, rel));
  }
  return sources;
}

/** The check tests of a module: its (composed) starter's files matching `checkTests`. */
export function checkTestFiles(spec: ModuleSpec, moduleDir: string): string[] {
  return [...checkTestSources(courseFs(), spec, moduleDir).keys()].sort();
}

/** Writes the overlay for `folder`; undefined when the module declares no check tests. */
export async function layCheckTests(fs: CourseFs, spec: ModuleSpec, moduleDir: string, folder: string): Promise<CheckTestOverlay | undefined> {
  const sources = checkTestSources(fs, spec, moduleDir);
  const files = [...sources.keys()].sort();
  if (files.length === 0) return undefined;
  const replace: Record<string, string> = {};
  const changed: string[] = [];
  for (const rel of files) {
    const ours = sources.get(rel) ?? '';
    const theirs = joinPaths(resolvePath(folder), rel);
    replace[theirs] = ours;
    const learnerCopy = fs.readBytes(theirs);
    const courseCopy = fs.readBytes(ours);
    if (!learnerCopy || !courseCopy || !sameBytes(learnerCopy, courseCopy)) changed.push(rel);
  }
  const dir = fs.makeTempDir('edgo-check-tests-');
  await fs.write(dir, 'overlay.json', JSON.stringify({ Replace: replace }), { replace: false });
  return { overlayPath: joinPaths(dir, 'overlay.json'), files, changed, dispose: () => fs.removeDir(dir) };
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
