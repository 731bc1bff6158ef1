/**
 * The walk of a learner's folder that finds their event, catalog and docs files:
 * depth first, passing over hidden folders (`.git`, `.astro`, `.eventcatalog-core`)
 * and dependency or build output, which the learner did not write; `.github`
 * holds the learner's own workflows, so it is walked. The language
 * server's workspace index and `edgo validate` both look for files this way.
 */
import { readdirSync, type Dirent } from 'node:fs';

const skippedDirs = new Set(['node_modules', 'vendor', 'dist', 'out']);

/** Every file under `root`, lazily, so a caller can stop at its own limit; `sep` joins the path parts. */
export function* walkFiles(root: string, sep = '/'): Generator<string> {
  const stack = [root];
  for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable: what can be read is still walked
    }
    for (const e of entries) {
      const p = `${dir}${sep}${e.name}`;
      if (e.isDirectory()) {
        if (!skippedDirs.has(e.name) && (!e.name.startsWith('.') || e.name === '.github')) stack.push(p);
      } else if (e.isFile()) {
        yield p;
      }
    }
  }
}
