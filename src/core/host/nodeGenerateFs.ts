import { promises as fsp } from 'node:fs';
import { readBoundedText } from './boundedRead';
import type { DirEntry, GenFs } from '../generate/fs';
import { guardedMove, guardedWrite } from './guardedWrite';

/** The real file system, for the CLI and the extension: bounded reads, guarded writes. */
export const nodeFs: GenFs = {
  async readFile(file) {
    return readBoundedText(file);
  },
  async list(dir): Promise<readonly DirEntry[]> {
    try {
      const entries = await fsp.readdir(dir, { withFileTypes: true });
      // A link to a folder is not walked into (`isDirectory` is false for the link itself).
      return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() })).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return [];
    }
  },
  write: guardedWrite,
  move: guardedMove,
};
