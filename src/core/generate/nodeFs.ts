import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { DirEntry, GenFs } from './fs';

/** The real file system, for the CLI and the extension. */
export const nodeFs: GenFs = {
  async readFile(file) {
    try {
      return await fsp.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
      throw err;
    }
  },
  async writeFile(file, content) {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await fsp.writeFile(file, content, 'utf8');
  },
  async rename(from, to) {
    await fsp.mkdir(path.dirname(to), { recursive: true });
    await fsp.rename(from, to);
  },
  async list(dir): Promise<readonly DirEntry[]> {
    try {
      const entries = await fsp.readdir(dir, { withFileTypes: true });
      return entries
        .map((e) => ({ name: e.name, isDirectory: e.isDirectory() }))
        .sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return [];
    }
  },
};
