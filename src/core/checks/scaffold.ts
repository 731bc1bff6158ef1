/**
 * Copying a module's starter into a learner's folder without ever overwriting:
 * `planScaffold` lists what would be written and what already exists, the host
 * asks the learner about the conflicts, and `applyScaffold` writes only new files.
 */
import { joinPaths } from '../paths';
import { sameBytes } from './courseFs';
import { courseFs } from './defaultCourseFs';
import type { CourseModule } from '../modules';
import { composedFiles, readCopy } from './moduleLayers';
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
  for (const layer of layers) if (courseFs().kindOf(layer) === undefined) throw new Error(`Module ${module.slug} has no starter yet (${layer}).`);
  const marker = markerText(module);
  const from = composedFiles(layers);
  from.delete(markerFileName);
  const files = [...from.keys(), markerFileName];
  const conflicts: string[] = [];
  const identical: string[] = [];
  for (const rel of files) {
    const dest = joinPaths(targetDir, rel);
    const there = courseFs().kindOf(dest);
    if (there === undefined) continue;
    const wanted = rel === markerFileName ? new TextEncoder().encode(marker) : readCopy(from.get(rel)!);
    const theirs = there === 'file' ? courseFs().readBytes(dest) : undefined;
    (theirs !== undefined && sameBytes(theirs, wanted) ? identical : conflicts).push(rel);
  }
  return { source: starterDir, from, target: targetDir, files, conflicts, identical, marker };
}

/** Writes every planned file that does not exist yet, through the guarded write; returns what it wrote. Never overwrites. */
export async function applyScaffold(plan: ScaffoldPlan): Promise<string[]> {
  const written: string[] = [];
  for (const rel of plan.files) {
    if (courseFs().kindOf(joinPaths(plan.target, rel)) !== undefined) continue;
    const content = rel === markerFileName ? plan.marker : readCopy(plan.from.get(rel) ?? joinPaths(plan.source, rel));
    await courseFs().write(plan.target, rel, content, { replace: false });
    written.push(rel);
  }
  return written;
}
