/**
 * Listing and matching the learner's files for the content checks: a small glob
 * (`*`, `?`, `**`, `{a,b}`) over a walk that skips what is never the learner's own.
 */
import { joinPaths } from '../paths';
import type { CourseFs } from './courseFs';

// .eventcatalog-core and .astro: EventCatalog's build copy of itself and Astro's cache, not the learner's files
const skippedDirs = new Set(['.git', 'node_modules', 'vendor', '.idea', '.vscode-test', 'bin', 'dist', '.eventcatalog-core', '.astro']);

/** Every file under `folder`, relative, with `/`, sorted. */
export function listFiles(fs: CourseFs, folder: string, limit = 20_000): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of fs.list(dir)) {
      if (out.length >= limit) return;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory) {
        if (!skippedDirs.has(e.name)) walk(joinPaths(dir, e.name), r);
      } else if (e.isFile) {
        out.push(r);
      }
    }
  };
  walk(folder, '');
  return out.sort();
}

/** A glob as a RegExp over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        if (glob[i + 2] === '/') {
          re += '(?:[^/]+/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inBraces++;
      re += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces--;
      re += ')';
    } else if (c === ',' && inBraces > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function isGlob(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

/** The files under `folder` a glob matches (relative, `/`). */
export function matchFiles(fs: CourseFs, folder: string, glob: string): string[] {
  const re = globToRegExp(glob.replace(/^\.\//, ''));
  return listFiles(fs, folder).filter((f) => re.test(f));
}

export function readText(fs: CourseFs, folder: string, rel: string): string | undefined {
  return fs.readText(joinPaths(folder, rel));
}
