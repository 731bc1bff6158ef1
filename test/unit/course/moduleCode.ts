// Everything a module's steps may point at: the files of its starter and
// solution (composed over its `base` module's solution, as scaffolding does),
// their text, and the Go test functions they declare.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { moduleLayers } from '../../tools/composedModule';

export const walkthroughsDir = path.resolve(__dirname, '..', '..', '..', 'walkthroughs');

interface ModuleJson {
  starter?: string;
  solution?: string;
  base?: string;
  steps: { media?: { markdown?: string } }[];
}

export const readModuleJson = (slug: string): ModuleJson => JSON.parse(fs.readFileSync(path.join(walkthroughsDir, slug, 'module.json'), 'utf8')) as ModuleJson;

function filesUnder(dir: string, rel = ''): string[] {
  if (!fs.existsSync(path.join(dir, rel))) return [];
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(dir, r) : [r];
  });
}

export interface ModuleCode {
  /** Relative paths inside the starter or the solution. */
  files: Set<string>;
  /** Text of every file under 200 kB, keyed by an absolute path. */
  texts: string[];
  goTests: string[];
}

/** The folders a module's learner sees: its starter and solution, each laid over its base's solution. */
export function moduleRoots(slug: string): string[] {
  const spec = readModuleJson(slug);
  const roots = (['starter', 'solution'] as const).flatMap((which) => (spec[which] ? moduleLayers(slug, which) : []));
  return [...new Set(roots)];
}

export function moduleCode(slug: string): ModuleCode {
  const files = new Set<string>();
  const texts: string[] = [];
  const goTests: string[] = [];
  for (const root of moduleRoots(slug)) {
    for (const rel of filesUnder(root)) {
      files.add(rel);
      const abs = path.join(root, rel);
      if (fs.statSync(abs).size > 200_000 || /\.(png|tgz|ico)$/.test(rel)) continue;
      const text = fs.readFileSync(abs, 'utf8');
      texts.push(text);
      if (rel.endsWith('_test.go')) goTests.push(...[...text.matchAll(/^func (Test\w+)\(/gm)].map((m) => m[1]!));
    }
  }
  return { files, texts, goTests };
}

/** A path exists when a file is it, is under it, or ends with it; `<x>` and `*` match one segment. */
export function pathExists(files: Set<string>, name: string): boolean {
  const segment = name
    .split('/')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/<[\w-]+>|\*/g, '[^/]+'))
    .join('/');
  const re = new RegExp(`(^|/)${segment}(/|$)`);
  for (const f of files) if (re.test(f)) return true;
  return false;
}
