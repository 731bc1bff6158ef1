/**
 * A module may start from another module's finished code: `"base":
 * "05-event-driven-services"` in its module.json. It then stores only the files
 * that differ (its Dockerfiles, manifests, a changed handler), and the folder a
 * learner gets is the base's solution with the module's own starter (or
 * solution) laid over it. Scaffolding and the course's tests compose it the
 * same way, through these functions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
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
    const baseModule = loadModule(path.dirname(loaded.dir), base);
    layers.push(...folderLayers(baseModule, 'solution', [...seen, loaded.module.slug]));
  }
  layers.push(path.join(loaded.dir, own));
  return layers;
}

/** Relative path -> the absolute file it comes from, over all layers (later layers win). */
export function composedFiles(layers: readonly string[], limit = 5_000): Map<string, string> {
  const files = new Map<string, string>();
  for (const layer of layers) {
    if (!fs.existsSync(layer)) throw new Error(`${layer} does not exist.`);
    for (const rel of listFiles(layer, limit)) files.set(rel, path.join(layer, rel));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** Copies the composed folder into `target` (which should be empty); returns the files written. */
export function composeFolder(layers: readonly string[], target: string): string[] {
  const files = composedFiles(layers);
  for (const [rel, from] of files) {
    const dest = path.join(target, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(from, dest);
  }
  return [...files.keys()];
}
