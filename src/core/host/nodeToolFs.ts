import * as fs from 'node:fs';
import type { ToolFs } from '../tools/toolFs';

/** The real file system: `stat` follows symlinks, so a link to nothing is not a tool. */
export const nodeToolFs: ToolFs = {
  async isExecutable(p: string): Promise<boolean> {
    try {
      if (!(await fs.promises.stat(p)).isFile()) return false;
      if (process.platform !== 'win32') await fs.promises.access(p, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  async list(dir: string): Promise<string[]> {
    try {
      return await fs.promises.readdir(dir);
    } catch {
      return [];
    }
  },
};
