import type { DirEntry, FolderReader } from '../../../src/core/tasks/folderScan';

/** A workspace folder in memory: file paths (relative, `/`) to their text. */
export function memoryFolder(files: Record<string, string>): FolderReader {
  return {
    async list(relDir: string): Promise<DirEntry[]> {
      const prefix = relDir ? `${relDir}/` : '';
      const seen = new Map<string, boolean>();
      for (const path of Object.keys(files)) {
        if (!path.startsWith(prefix)) continue;
        const rest = path.slice(prefix.length);
        const [head, ...tail] = rest.split('/');
        if (head) seen.set(head, seen.get(head) === true || tail.length > 0);
      }
      return [...seen].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
    async readText(relPath: string): Promise<string | undefined> {
      return files[relPath];
    },
  };
}
