import { mkdtempSync, promises as fsp, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach } from 'node:test';
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

/** Temporary folders for the tests of a file, each removed after the test that made it. */
export function useTempDirs(): (prefix: string) => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return (prefix) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}
