import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { MemoryFs } from './memoryFs';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const shopFixture = path.join(repoRoot, 'test', 'fixtures', 'generate', 'shop');

/** Copies a folder from disk into a MemoryFs under `/ws`. */
export async function memoryFromDir(dir: string, mount = '/ws'): Promise<MemoryFs> {
  const fs = new MemoryFs();
  const walk = async (d: string): Promise<void> => {
    for (const e of await fsp.readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else fs.put(`${mount}/${path.relative(dir, full).split(path.sep).join('/')}`, await fsp.readFile(full, 'utf8'));
    }
  };
  await walk(dir);
  return fs;
}

/** Writes a MemoryFs subtree to a real folder (for tools that read disk). */
export async function dumpToDir(fs: MemoryFs, prefix: string, dir: string): Promise<void> {
  for (const [p, content] of fs.files) {
    if (!p.startsWith(prefix + '/')) continue;
    const target = path.join(dir, p.slice(prefix.length + 1));
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.writeFile(target, content);
  }
}
