/**
 * What the tool resolver needs from a file system, small enough for a fake one in
 * tests (Linux, macOS and Windows layouts on any machine).
 */
export interface ToolFs {
  /** True when `path` (symlinks followed) is a file that can be run; false for a broken link or a folder. */
  isExecutable(path: string): Promise<boolean>;
  /** The names in a folder, [] when it is missing or unreadable (for places such as `~/sdk/go*` and `/bin`). */
  list(dir: string): Promise<string[]>;
}
