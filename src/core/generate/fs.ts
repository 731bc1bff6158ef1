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
