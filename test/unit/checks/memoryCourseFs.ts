// A CourseFs held in a Map (absolute path -> text), so the course engine's file checks run with no disk.
import type { CourseEntry, CourseFs, PathKind } from '../../../src/core/checks';
import { joinPaths } from '../../../src/core/paths';

export function memoryCourseFs(files: Record<string, string>): CourseFs & { readonly files: Map<string, string> } {
  const all = new Map(Object.entries(files).map(([p, text]) => [joinPaths(p), text]));
  const isFolder = (dir: string) => [...all.keys()].some((p) => p.startsWith(`${joinPaths(dir)}/`));
  let temps = 0;
  return {
    files: all,
    readText: (file) => all.get(joinPaths(file)),
    readBytes: (file) => (all.has(joinPaths(file)) ? new TextEncoder().encode(all.get(joinPaths(file))) : undefined),
    kindOf: (p): PathKind | undefined => (all.has(joinPaths(p)) ? 'file' : isFolder(p) ? 'folder' : undefined),
    list(dir): CourseEntry[] {
      const prefix = `${joinPaths(dir)}/`;
      const names = new Map<string, boolean>();
      for (const p of all.keys()) if (p.startsWith(prefix)) names.set(p.slice(prefix.length).split('/')[0]!, p.slice(prefix.length).includes('/'));
      return [...names].map(([name, folder]) => ({ name, isDirectory: folder, isFile: !folder }));
    },
    async write(root, rel, content, { replace }) {
      const file = joinPaths(root, rel);
      if (!replace && all.has(file)) throw new Error(`${file} exists`);
      all.set(file, typeof content === 'string' ? content : new TextDecoder().decode(content));
    },
    makeTempDir: (prefix) => `/tmp/${prefix}${++temps}`,
    removeDir(dir) {
      for (const p of [...all.keys()]) if (p.startsWith(`${joinPaths(dir)}/`)) all.delete(p);
    },
  };
}
