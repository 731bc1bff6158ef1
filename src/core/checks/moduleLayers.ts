/**
 * A module may start from another module's finished code: `"base":
 * "05-event-driven-services"` in its module.json. It then stores only the files
 * that differ (its Dockerfiles, manifests, a changed handler), and the folder a
 * learner gets is the base's solution with the module's own starter (or
 * solution) laid over it. Scaffolding and the course's tests compose it the
 * same way, through these functions.
 */
import { dirnameOf, joinPaths } from '../paths';
import { courseFs } from './defaultCourseFs';
import { listFiles } from './files';
import { loadModule, type LoadedModule } from './moduleStore';

/**
 * The folders that make up a module's starter or solution, base first; a later
 * folder's file replaces an earlier one's. Throws on a missing folder or a cycle.
 */
export function folderLayers(loaded: LoadedModule, which: 'starter' | 'solution', seen: readonly string[] = []): string[] {
  const own = loaded.spec[which];
  if (!own) throw new Error(`Module ${loaded.module.slug} has no ${which}.`);
  const layers: string[] = [];
  // `starterFrom` lays only the starter over another module's solution (module 2 starts from module 1).
  const base = loaded.spec.base ?? (which === 'starter' ? loaded.spec.starterFrom : undefined);
  if (base) {
    if (seen.includes(base) || base === loaded.module.slug) throw new Error(`Module ${loaded.module.slug}: "base" makes a cycle (${[...seen, loaded.module.slug, base].join(' -> ')}).`);
    const baseModule = loadModule(dirnameOf(loaded.dir), base);
    layers.push(...folderLayers(baseModule, 'solution', [...seen, loaded.module.slug]));
  }
  layers.push(joinPaths(loaded.dir, own));
  return layers;
}

/** Relative path -> the absolute file it comes from, over all layers (later layers win). */
export function composedFiles(layers: readonly string[], limit = 5_000): Map<string, string> {
  const files = new Map<string, string>();
  for (const layer of layers) {
    if (courseFs().kindOf(layer) === undefined) throw new Error(`${layer} does not exist.`);
    for (const rel of listFiles(courseFs(), layer, limit)) files.set(rel, joinPaths(layer, rel));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** A course file's bytes, to copy; a file listed a moment ago that cannot be read is an error. */
export function readCopy(file: string): Uint8Array {
  const bytes = courseFs().readBytes(file);
  if (bytes === undefined) throw new Error(`${file} could not be read.`);
  return bytes;
}
