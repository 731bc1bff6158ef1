/**
 * A module with `starterFrom` (module 2 refactors module 1's service) may start
 * from the learner's own folder of that earlier module instead of its reference
 * solution. These find such folders (by the scaffold marker) and give the layers
 * to compose: the learner's folder first, then the module's own starter. The
 * learner's folder is only read; the copy goes to a new target.
 */
import { isAbsolutePath, joinPaths, relativePath, resolvePath } from '../paths';
import { courseFs } from './defaultCourseFs';
import { folderLayers } from './moduleLayers';
import { readMarker, type LoadedModule } from './moduleStore';

/**
 * The folders among `candidates` (and their direct subfolders, for a workspace
 * like `~/edgo-lab` holding one folder per module) scaffolded for module `fromSlug`.
 */
export function findLearnerFolders(candidates: readonly string[], fromSlug: string): string[] {
  const found = new Set<string>();
  const consider = (dir: string) => {
    if (readMarker(dir)?.slug === fromSlug) found.add(resolvePath(dir));
  };
  for (const dir of candidates) {
    consider(dir);
    for (const e of courseFs().list(dir)) if (e.isDirectory && !e.name.startsWith('.') && e.name !== 'node_modules') consider(joinPaths(dir, e.name));
  }
  return [...found].sort();
}

/** Why `target` cannot take a copy of `learnerFolder` (the same folder or inside it), or undefined. */
export function targetProblem(learnerFolder: string, target: string): string | undefined {
  const rel = relativePath(learnerFolder, target);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolutePath(rel))) {
    return `Pick a folder outside ${learnerFolder}: module 2 starts from a copy of it, and your module 1 folder stays as it is.`;
  }
  return undefined;
}

/** The layers of the starter: the learner's folder and the module's own starter, or the reference layers. */
export function starterLayersFrom(loaded: LoadedModule, learnerFolder?: string): string[] {
  if (!learnerFolder || !loaded.spec.starter) return folderLayers(loaded, 'starter');
  return [learnerFolder, joinPaths(loaded.dir, loaded.spec.starter)];
}
