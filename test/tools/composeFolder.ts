// The course's tests build a learner's folder from a module's layers (base first); only tests copy whole layers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { composedFiles } from '../../src/core/checks';

/** Copies the composed folder into `target` (which should be empty); returns the files written. */
export function composeFolder(layers: readonly string[], target: string): string[] {
  const files = composedFiles(layers);
  for (const [rel, from] of files) {
    const dest = path.join(target, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(from, dest);
  }
  return [...files.keys()];
}
