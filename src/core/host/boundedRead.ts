/**
 * Reading a file of the learner's workspace as text, safely: only a regular
 * file (a link to `/dev/zero` or a FIFO would never end), and only up to a
 * size (a 2 GB file would take the process down). The file is opened first
 * and checked through its descriptor, so what is checked is what is read.
 */
import * as fs from 'node:fs';

/** Larger than any event YAML, Go file, page or manifest a course folder holds. */
export const maxTextBytes = 8 * 1024 * 1024;

/** A file that exists but is not read: the message says which and why. */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

const openFlags = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;

function problem(file: string, stat: fs.Stats, maxBytes: number): UnreadableFileError | undefined {
  if (!stat.isFile()) return new UnreadableFileError(`${file} is not a regular file (${kindOf(stat)}); it was not read.`);
  if (stat.size > maxBytes) return new UnreadableFileError(`${file} is ${stat.size} bytes, more than the ${maxBytes} bytes read from one file; it was not read.`);
  return undefined;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

const missing = (err: unknown): boolean => ['ENOENT', 'ENOTDIR', 'EISDIR'].includes((err as NodeJS.ErrnoException).code ?? '');

/** The file's text; undefined when it does not exist or is a folder. Throws `UnreadableFileError` otherwise. */
export async function readBoundedText(file: string, maxBytes = maxTextBytes): Promise<string | undefined> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, openFlags);
  } catch (err) {
    if (missing(err)) return undefined;
    throw err;
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return undefined;
    const refused = problem(file, stat, maxBytes);
    if (refused) throw refused;
    const buffer = Buffer.alloc(stat.size);
    const { bytesRead } = await handle.read(buffer, 0, stat.size, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** `readBoundedText` for synchronous callers. */
export function readBoundedTextSync(file: string, maxBytes = maxTextBytes): string | undefined {
  return readBoundedBytesSync(file, maxBytes)?.toString('utf8');
}

/** The file's bytes, on the same terms as `readBoundedText`. */
export function readBoundedBytesSync(file: string, maxBytes = maxTextBytes): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, openFlags);
  } catch (err) {
    if (missing(err)) return undefined;
    throw err;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return undefined;
    const refused = problem(file, stat, maxBytes);
    if (refused) throw refused;
    const buffer = Buffer.alloc(stat.size);
    const bytesRead = fs.readSync(fd, buffer, 0, stat.size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    fs.closeSync(fd);
  }
}
