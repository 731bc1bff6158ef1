/**
 * Finding a course module's folder and spec under `walkthroughs/`, and the
 * `.edgo-module.json` marker the scaffolder leaves in a learner's folder so
 * `edgo check` and "Check my work" know which module it holds.
 */
import { joinPaths } from '../paths';
import { courseFs } from './defaultCourseFs';
import { courseModules, findModule, type CourseModule } from '../modules';
import { parseModuleSpec } from './moduleSpec';
import type { ModuleSpec } from './types';

export interface LoadedModule {
  readonly module: CourseModule;
  /** Absolute path of `walkthroughs/NN-slug`. */
  readonly dir: string;
  readonly spec: ModuleSpec;
}

export const markerFileName = '.edgo-module.json';

/**
 * Loads one module by number or slug; throws with a sentence the learner can act on.
 * `checkFiles: false` skips checking that its step pages and folders exist: the
 * `edgo` npm package ships only the module.json files it runs checks from.
 */
export function loadModule(walkthroughsRoot: string, key: string | number, options: { checkFiles?: boolean } = {}): LoadedModule {
  const module = findModule(key);
  if (!module) {
    throw new Error(`There is no module "${key}". Use a number (1-10) or a slug: ${courseModules.map((m) => m.slug).join(', ')}.`);
  }
  const dir = joinPaths(walkthroughsRoot, module.slug);
  const file = joinPaths(dir, 'module.json');
  const text = courseFs().readText(file);
  if (text === undefined) {
    throw new Error(`Module ${module.slug} has no module.json yet (looked in ${dir}).`);
  }
  return { module, dir, spec: parseModuleSpec(text, file, options.checkFiles === false ? undefined : dir) };
}

/** Every module that has a module.json, each loaded or with the error that stops it loading. */
export function loadAllModules(walkthroughsRoot: string): Array<LoadedModule | { module: CourseModule; error: Error }> {
  return courseModules
    .filter((m) => courseFs().kindOf(joinPaths(walkthroughsRoot, m.slug, 'module.json')) !== undefined)
    .map((m) => {
      try {
        return loadModule(walkthroughsRoot, m.slug);
      } catch (err) {
        return { module: m, error: err instanceof Error ? err : new Error(String(err)) };
      }
    });
}

export function markerText(module: CourseModule): string {
  return `${JSON.stringify({ module: module.slug, walkthrough: module.walkthroughId }, null, 2)}\n`;
}

/** The module named by the folder's marker, if there is a valid one. */
export function readMarker(folder: string): CourseModule | undefined {
  try {
    // A marker is a few lines: a link to /dev/zero is not read (courseFs reads regular files only), nor a huge file.
    const text = courseFs().readText(joinPaths(folder, markerFileName)) ?? '';
    if (text.length > 64 * 1024) return undefined;
    const data = JSON.parse(text) as { module?: unknown };
    return typeof data.module === 'string' ? findModule(data.module) : undefined;
  } catch {
    return undefined;
  }
}
