/**
 * The Node implementation of `LinkedFileReader` (src/core/events/linkedFiles.ts)
 * for the language server and `edgo validate`: reads a linked schema only when
 * it is a regular file inside one of the allowed folders (the workspace, or
 * the linking file's own folder), and reads at most a fixed number of bytes
 * from an already opened descriptor, so a device, a FIFO or a `/proc` file
 * that claims size 0 can neither hang the process nor leak into a message.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirnameOf } from '../paths';
import { maxLinkedFileBytes, type LinkedFileReader, type LinkedText, type Refused } from '../events/linkedFiles';

const utf8 = new TextDecoder('utf-8', { fatal: false });
const systemFolders = ['/proc/', '/sys/', '/dev/'];

function inside(path: string, folder: string): boolean {
  const f = folder.endsWith('/') ? folder : `${folder}/`;
  return path === folder || path.startsWith(f);
}

/**
 * A reader that allows the folders `roots()` returns (resolved through symlinks)
 * and the linking file's own folder tree.
 */
export function nodeLinkedFileReader(roots: () => readonly string[], maxBytes = maxLinkedFileBytes): LinkedFileReader {
  return (path, from) => {
    if (!path.startsWith('/') && !/^[a-z]:\//i.test(path)) return { refused: 'only files on disk next to a saved file can be read' };
    const fast = fastTarget(path, from, roots);
    if (fast === missing) return undefined;
    if (typeof fast === 'object') return fast;
    if (fast !== undefined) {
      const read = readBounded(fast, maxBytes, constants.O_NOFOLLOW);
      if (read !== symlinked) return read;
    }
    const target = realOrUndefined(path);
    if (target === absent) return undefined;
    if (target === undefined) return { refused: 'it could not be opened' };
    return refusal(target, from, roots) ?? readBounded(target, maxBytes, 0);
  };
}

function refusal(target: string, from: string, roots: () => readonly string[]): Refused | undefined {
  if (systemFolders.some((s) => target.startsWith(s))) return { refused: 'it is a system file, not a schema' };
  if (!allowedFolders(roots, from).some((r) => inside(target, r))) return { refused: 'it lies outside the workspace folder' };
  return undefined;
}

/**
 * Where to open `path` with O_NOFOLLOW, its folder resolved (once a moment: a catalog links a thousand
 * schemas from a few folders); a refusal; `missing` when its folder does not exist; or undefined when
 * only the full resolve can tell (a symlinked
 * file is met when opening, and then takes the full resolve too).
 */
export function fastTarget(path: string, from: string, roots: () => readonly string[]): string | Refused | typeof missing | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === '' || name === '.' || name === '..' || constants.O_NOFOLLOW === undefined) return undefined;
  const dir = realRecent(dirnameOf(path));
  // A folder that does not exist holds no file: a catalog's thousand links into it are missing, not resolved one by one.
  if (dir === absent) return missing;
  if (dir === undefined) return undefined;
  const target = `${dir === '/' ? '' : dir}/${name}`;
  // Every file of a folder gets the folder's answer: a catalog's thousand links into one folder ask once.
  // `dir/` stands for any file in it: inside a folder exactly when `dir` is (the folder itself is no file to read).
  const refused = refusedRecently.get(`${dir}\0${from}`, () => refusal(dir.endsWith('/') ? dir : `${dir}/`, from, roots));
  return refused ?? target;
}

/**
 * Answers worked out at most once a second per key: a catalog asks the same
 * question a thousand times in a row, and a folder swapped for a symlink is
 * still seen a second later.
 */
class RecentAnswers<V> {
  readonly #answers = new Map<string, { value: V; at: number }>();
  constructor(private readonly maxKeys: number) {}

  get(key: string, workOut: () => V): V {
    const now = Date.now();
    const hit = this.#answers.get(key);
    if (hit && now - hit.at < 1000) return hit.value;
    if (this.#answers.size > this.maxKeys) this.#answers.clear();
    const value = workOut();
    this.#answers.set(key, { value, at: now });
    return value;
  }
}

/** A folder's refusal (or none) as linked from a file. */
const refusedRecently = new RecentAnswers<Refused | undefined>(1000);

/** The real folders a linking file may link into. */
const allowedRecently = new RecentAnswers<string[]>(100);

function allowedFolders(roots: () => readonly string[], from: string): string[] {
  // The folders' real paths expire with the answer: a workspace folder swapped for a symlink is seen a second later.
  return allowedRecently.get(from, () => [...roots(), dirnameOf(from)].map(realRecent).filter((r): r is string => typeof r === 'string' && r !== '/'));
}

/** A folder's real path, worked out at most once a second. */
const realRecently = new RecentAnswers<string | typeof absent | undefined>(1000);

const absent = Symbol('absent');

function realRecent(path: string): string | typeof absent | undefined {
  return realRecently.get(path, () => realOrUndefined(path));
}

/** A path's real path: `absent` when it does not exist, undefined when it cannot be resolved (the one resolve of this file). */
function realOrUndefined(path: string): string | typeof absent | undefined {
  try {
    return realpathSync.native(path).replace(/\\/g, '/');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? absent : undefined;
  }
}

/** The linked file does not exist (its folder does not). */
export const missing = Symbol('missing');

/** Opening with O_NOFOLLOW met a symlink: resolve it first. */
const symlinked: Refused = { refused: 'symlink' };

function readBounded(path: string, maxBytes: number, flags: number): LinkedText {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | flags);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (flags !== 0 && (code === 'ELOOP' || code === 'EMLINK')) return symlinked;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : { refused: 'it could not be opened' };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { refused: 'it is not a regular file' };
    if (stat.size > maxBytes) return { refused: `it is larger than ${Math.round(maxBytes / 1024)} KB` };
    // Sized by the file, read until end of file: a /proc file claims size 0, a file may grow while read.
    let buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, stat.size + 1024));
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (length > maxBytes) return { refused: `it is larger than ${Math.round(maxBytes / 1024)} KB` };
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const want = buf.length - length;
      const n = readSync(fd, buf, length, want, null);
      if (n <= 0) break;
      length += n;
      // A regular file that gives less than asked for is at its end: no extra read to hear it say so.
      if (n < want && length >= stat.size) break;
    }
    if (length > maxBytes) return { refused: `it is larger than ${Math.round(maxBytes / 1024)} KB` };
    return utf8.decode(buf.subarray(0, length));
  } catch {
    return { refused: 'it could not be read' };
  } finally {
    closeSync(fd);
  }
}
