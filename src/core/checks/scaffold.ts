/**
 * Copying a module's starter into a learner's folder without ever overwriting:
 * `planScaffold` lists what would be written and what already exists, the host
 * asks the learner about the conflicts, and `applyScaffold` writes only new files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CourseModule } from '../modules';
import { listFiles } from './files';
import { markerFileName, markerText } from './moduleStore';

export interface ScaffoldPlan {
  readonly source: string;
  readonly target: string;
  /** Files to write (relative, `/`), the marker included. */
  readonly files: readonly string[];
  /** Files among them that already exist in the target and differ: they are never written. */
  readonly conflicts: readonly string[];
  /** Files that exist with the same content (nothing to do). */
  readonly identical: readonly string[];
  readonly marker: string;
}

export function planScaffold(module: CourseModule, starterDir: string, targetDir: string): ScaffoldPlan {
  if (!fs.existsSync(starterDir)) throw new Error(`Module ${module.slug} has no starter yet (${starterDir}).`);
  const marker = markerText(module);
  const files = [...listFiles(starterDir, 5_000).filter((f) => f !== markerFileName), markerFileName];
  const conflicts: string[] = [];
  const identical: string[] = [];
  for (const rel of files) {
    const dest = path.join(targetDir, rel);
    if (!fs.existsSync(dest)) continue;
    const wanted = rel === markerFileName ? Buffer.from(marker) : fs.readFileSync(path.join(starterDir, rel));
    let same = false;
    try {
      same = fs.statSync(dest).isFile() && fs.readFileSync(dest).equals(wanted);
    } catch {
      same = false;
    }
    (same ? identical : conflicts).push(rel);
  }
  return { source: starterDir, target: targetDir, files, conflicts, identical, marker };
}

/** Writes every planned file that does not exist yet; returns what it wrote. Never overwrites. */
export function applyScaffold(plan: ScaffoldPlan): string[] {
  const written: string[] = [];
  for (const rel of plan.files) {
    const dest = path.join(plan.target, rel);
    if (fs.existsSync(dest)) continue;
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    if (rel === markerFileName) fs.writeFileSync(dest, plan.marker, { flag: 'wx' });
    else fs.copyFileSync(path.join(plan.source, rel), dest, fs.constants.COPYFILE_EXCL);
    written.push(rel);
  }
  return written;
}
