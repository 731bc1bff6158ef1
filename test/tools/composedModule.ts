// A module's starter or solution as the learner gets it: for a module with a
// `base` (modules 6 and 7), the base's solution with the module's own files laid
// over it, composed into a temporary folder exactly as scaffolding does.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { composedFiles, folderLayers, loadModule } from '../../src/core/checks';
import { composeFolder } from './composeFolder';

export const walkthroughsRoot = path.resolve(__dirname, '..', '..', 'walkthroughs');

export function moduleLayers(slug: string, which: 'starter' | 'solution'): string[] {
  return folderLayers(loadModule(walkthroughsRoot, slug), which);
}

/** The file a composed folder would have at `rel`: the last layer that has it. */
export function composedFile(slug: string, which: 'starter' | 'solution', rel: string): string {
  const file = composedFiles(moduleLayers(slug, which)).get(rel);
  if (!file) throw new Error(`${slug} ${which} has no ${rel}`);
  return file;
}

/** A fresh temporary folder with the composed starter or solution; the caller removes it. */
export function composeModule(slug: string, which: 'starter' | 'solution', label = `${slug}-${which}`): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), `edgo-${label}-`));
  composeFolder(moduleLayers(slug, which), target);
  return target;
}
