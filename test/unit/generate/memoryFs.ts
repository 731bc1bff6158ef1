import type { DirEntry, GenFs } from '../../../src/core/generate/fs';
import { joinPaths } from '../../../src/core/paths';
import { RefusedWriteError } from '../../../src/core/host/guardedWrite';

/** An in-memory `GenFs` for the generator tests: the same create/replace rules as the disk, no links. */
export class MemoryFs implements GenFs {
  readonly files = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [p, c] of Object.entries(initial)) this.files.set(joinPaths(p), c);
  }

  async readFile(path: string): Promise<string | undefined> {
    return this.files.get(joinPaths(path));
  }

  async write(root: string, rel: string, content: string, options: { readonly replace: boolean }): Promise<void> {
    const target = this.#inside(root, rel);
    if (this.files.has(target) && !options.replace) throw new RefusedWriteError(`Refused to write ${target}: it exists and changing it was not confirmed.`);
    this.files.set(target, content);
  }

  async move(root: string, from: string, to: string): Promise<void> {
    const source = this.#inside(root, from);
    const target = this.#inside(root, to);
    const content = this.files.get(source);
    if (content === undefined) throw new Error(`No such file: ${source}`);
    if (this.files.has(target)) throw new RefusedWriteError(`Refused to move ${source} to ${target}: the target exists.`);
    this.files.delete(source);
    this.files.set(target, content);
  }

  /** Test set-up: puts a file in place, as a learner would. */
  put(path: string, content: string): void {
    this.files.set(joinPaths(path), content);
  }

  async list(dir: string): Promise<readonly DirEntry[]> {
    const prefix = joinPaths(dir) + '/';
    const seen = new Map<string, boolean>();
    for (const p of this.files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      seen.set(name, (seen.get(name) ?? false) || slash >= 0);
    }
    return [...seen].sort(([a], [b]) => a.localeCompare(b)).map(([name, isDirectory]) => ({ name, isDirectory }));
  }

  #inside(root: string, rel: string): string {
    if (rel.split('/').includes('..') || rel.startsWith('/')) throw new RefusedWriteError(`Refused to write ${rel}: outside ${root}.`);
    return joinPaths(root, rel);
  }
}
