/** Where a Go package of the learner's module lives, from `go.mod`'s module path. */
import { joinPaths } from '../paths';
import type { CourseFs } from './courseFs';

/** The `module` line of `go.mod` in the folder, or undefined. */
export function readModulePath(fs: CourseFs, folder: string): string | undefined {
  const text = fs.readText(joinPaths(folder, 'go.mod'));
  if (text === undefined) return undefined;
  const m = /^\s*module\s+("?)([^\s"]+)\1\s*$/m.exec(text);
  return m?.[2];
}

/** The package's folder relative to the module root (`''` for the root), or undefined when outside the module. */
export function packageDir(modulePath: string | undefined, importPath: string): string | undefined {
  if (!modulePath) return undefined;
  if (importPath === modulePath) return '';
  if (importPath.startsWith(`${modulePath}/`)) return importPath.slice(modulePath.length + 1);
  return undefined;
}

/** Joins a package folder and a file name the way locations are written (`/`, no leading `./`). */
export function joinRel(dir: string | undefined, file: string): string {
  return dir ? `${dir}/${file}` : file;
}
