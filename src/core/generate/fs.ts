/**
 * The file system the generators see. Paths are POSIX-style and absolute (or
 * relative to one root the caller picks); the generators never touch `node:fs`
 * themselves, so tests run them in memory.
 */
export interface GenFs {
  /** The file's text, or undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
  /** Writes the file, creating its parent folders. */
  writeFile(path: string, content: string): Promise<void>;
  /** Moves a file, creating the target's parent folders. */
  rename(from: string, to: string): Promise<void>;
  /** The entries of a folder (empty when it does not exist). */
  list(dir: string): Promise<readonly DirEntry[]>;
}

export interface DirEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

/** Joins POSIX path segments and removes `.`/`..` and doubled slashes. */
export function joinPath(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  const absolute = joined.startsWith('/');
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return (absolute ? '/' : '') + out.join('/');
}

export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (path.startsWith('/') ? '/' : '.') : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `to` relative to the folder `fromDir`, always with `/`. */
export function relativePath(fromDir: string, to: string): string {
  const a = joinPath(fromDir).split('/').filter(Boolean);
  const b = joinPath(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  const rel = [...up, ...b.slice(i)].join('/');
  return rel === '' ? '.' : rel;
}

/** An in-memory `GenFs` for tests and dry runs. */
export class MemoryFs implements GenFs {
  readonly files = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [p, c] of Object.entries(initial)) this.files.set(joinPath(p), c);
  }

  async readFile(path: string): Promise<string | undefined> {
    return this.files.get(joinPath(path));
  }

  async writeFile(path: string, content: string): Promise<void> {
    this.files.set(joinPath(path), content);
  }

  async rename(from: string, to: string): Promise<void> {
    const content = this.files.get(joinPath(from));
    if (content === undefined) throw new Error(`No such file: ${from}`);
    this.files.delete(joinPath(from));
    this.files.set(joinPath(to), content);
  }

  async list(dir: string): Promise<readonly DirEntry[]> {
    const prefix = joinPath(dir) + '/';
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
}
