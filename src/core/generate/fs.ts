/**
 * The file system the generators see. Paths are POSIX-style and absolute (or
 * relative to one root the caller picks); the generators never touch `node:fs`
 * themselves, so tests can run them in memory.
 */
export interface GenFs {
  /** The file's text, or undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
  /** The entries of a folder (empty when it does not exist). */
  list(dir: string): Promise<readonly DirEntry[]>;
  /**
   * Writes `rel` inside the folder `root`, creating folders on the way. Never
   * through a symbolic link, never outside `root`; with `replace: false` a
   * file that exists is refused. A refusal throws `RefusedWriteError`.
   */
  write(root: string, rel: string, content: string, options: { readonly replace: boolean }): Promise<void>;
  /** Moves `from` to `to`, both relative to `root`, with the same guard; the target must not exist. */
  move(root: string, from: string, to: string): Promise<void>;
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
