/**
 * What the course engine needs from a file system: reading the learner's folder
 * and the course's modules, a temp folder for `go test -overlay` files and helm
 * packages, and writing a starter into a folder. Small enough for an in-memory
 * one in tests; `nodeCourseFs` (src/core/host) is the real one.
 */
export interface CourseEntry {
  readonly name: string;
  /** Links are not followed: a link is neither a folder nor a file here. */
  readonly isDirectory: boolean;
  readonly isFile: boolean;
}

export type PathKind = 'file' | 'folder' | 'other';

export interface CourseFs {
  /** The file's text (UTF-8); undefined when it is missing or cannot be read. */
  readText(file: string): string | undefined;
  /** The file's bytes, to compare or copy a file exactly; undefined when it is missing or cannot be read (not a regular file, too large). */
  readBytes(file: string): Uint8Array | undefined;
  /** What is at `path`, links followed; undefined when nothing is. */
  kindOf(path: string): PathKind | undefined;
  /** A folder's entries; [] when it is missing or unreadable. */
  list(dir: string): readonly CourseEntry[];
  /**
   * Writes `rel` inside `root` (made when missing) with the guarded write: never
   * through a link, never outside `root`; `replace: false` refuses an existing file.
   */
  write(root: string, rel: string, content: string | Uint8Array, options: { readonly replace: boolean }): Promise<void>;
  /** A new empty folder in the system's temp folder, its name starting with `prefix`. */
  makeTempDir(prefix: string): string;
  /** Removes a folder and all it holds; nothing happens when it is gone. */
  removeDir(dir: string): void;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
