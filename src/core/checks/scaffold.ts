/**
 * Copying a module's starter into a learner's folder without ever overwriting:
 * `planScaffold` lists what would be written and what already exists, the host
 * asks the learner about the conflicts, and `applyScaffold` writes only new files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CourseModule } from '../modules';
import { composedFiles } from './moduleLayers';
import { markerFileName, markerText } from './moduleStore';

export interface ScaffoldPlan {
  /** The module's own starter folder (the last layer). */
  readonly source: string;
  /** Where each file comes from: a derived module's files come from its base's solution too. */
  readonly from: ReadonlyMap<string, string>;
  readonly target: string;
  /** Files to write (relative, `/`), the marker included. */
  readonly files: readonly string[];
  /** Files among them that already exist in the target and differ: they are never written. */
  readonly conflicts: readonly string[];
  /** Files that exist with the same content (nothing to do). */
  readonly identical: readonly string[];
  readonly marker: string;
}

/** `starter` is the starter folder, or the layers of a derived module's starter (`folderLayers`), base first. */
export function planScaffold(module: CourseModule, starter: string | readonly string[], targetDir: string): ScaffoldPlan {
  const layers = typeof starter === 'string' ? [starter] : starter;
  const starterDir = layers[layers.length - 1] ?? '';
  for (const layer of layers) if (!fs.existsSync(layer)) throw new Error(`Module ${module.slug} has no starter yet (${layer}).`);
  const marker = markerText(module);
  const from = composedFiles(layers);
  from.delete(markerFileName);
  const files = [...from.keys(), markerFileName];
  const conflicts: string[] = [];
  const identical: string[] = [];
  for (const rel of files) {
    const dest = path.join(targetDir, rel);
    if (!fs.existsSync(dest)) continue;
    const wanted = rel === markerFileName ? Buffer.from(marker) : fs.readFileSync(from.get(rel)!);
    let same = false;
    try {
      same = fs.statSync(dest).isFile() && fs.readFileSync(dest).equals(wanted);
    } catch {
      same = false;
    }
    (same ? identical : conflicts).push(rel);
  }
  return { source: starterDir, from, target: targetDir, files, conflicts, identical, marker };
}

/** Writes every planned file that does not exist yet; returns what it wrote. Never overwrites. */
export function applyScaffold(plan: ScaffoldPlan): string[] {
  const written: string[] = [];
  for (const rel of plan.files) {
    const dest = path.join(plan.target, rel);
    if (fs.existsSync(dest)) continue;
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    if (rel === markerFileName) fs.writeFileSync(dest, plan.marker, { flag: 'wx' });
    else fs.copyFileSync(plan.from.get(rel) ?? path.join(plan.source, rel), dest, fs.constants.COPYFILE_EXCL);
    written.push(rel);
  }
  return written;
}
