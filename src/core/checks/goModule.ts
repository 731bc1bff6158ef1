/** Where a Go package of the learner's module lives, from `go.mod`'s module path. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The `module` line of `go.mod` in the folder, or undefined. */
export function readModulePath(folder: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(folder, 'go.mod'), 'utf8');
  } catch {
    return undefined;
  }
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
