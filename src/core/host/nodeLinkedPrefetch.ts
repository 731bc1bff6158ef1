/**
 * Reads many linked schema files at once on Node's thread pool, while the
 * main thread parses the file that links them: a course catalog opened in the
 * editor links a thousand schemas, and reading them one after the other is
 * most of its first validation. The same rules as the reader (nodeLinkedFiles.ts):
 * regular files inside the allowed folders, never through a symlink, size-capped.
 * A file it cannot decide (a symlink, a file that grew) is left out, and the
 * reader then reads it the careful way.
 */
import { close, constants, fstat, open, read } from 'node:fs';
import type { LinkedText } from '../events/linkedFiles';
import { maxLinkedFileBytes } from '../events/linkedFiles';
import { fastTarget, missing } from './nodeLinkedFiles';

const utf8 = new TextDecoder('utf-8', { fatal: false });
/** Files read at the same time (open descriptors). */
const inFlight = 32;

/** `paths` (linked from `from`) → their texts or refusals, for those it could decide. */
export type LinkedPrefetcher = (paths: readonly string[], from: string) => Promise<Map<string, LinkedText>>;

export function nodeLinkedFilePrefetcher(roots: () => readonly string[], maxBytes = maxLinkedFileBytes): LinkedPrefetcher {
  return async (paths, from) => {
    const out = new Map<string, LinkedText>();
    const queue = [...paths];
    const worker = async (): Promise<void> => {
      for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
        const target = fastTarget(path, from, roots);
        if (target === undefined) continue;
        const text = target === missing ? undefined : typeof target === 'object' ? target : await readOne(target, maxBytes);
        if (text !== skip) out.set(path, text);
      }
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, queue.length) }, worker));
    return out;
  };
}

/** Not decided here. */
const skip = Symbol('skip');

function readOne(path: string, maxBytes: number): Promise<LinkedText | typeof skip> {
  return new Promise((resolve) => {
    open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0), (err, fd) => {
      if (err) return resolve(err.code === 'ENOENT' || err.code === 'ENOTDIR' ? undefined : skip);
      const done = (result: LinkedText | typeof skip) => close(fd, () => resolve(result));
      fstat(fd, (statErr, stat) => {
        if (statErr) return done(skip);
        if (!stat.isFile()) return done({ refused: 'it is not a regular file' });
        if (stat.size > maxBytes) return done({ refused: `it is larger than ${Math.round(maxBytes / 1024)} KB` });
        const buf = Buffer.allocUnsafe(stat.size + 1024);
        read(fd, buf, 0, buf.length, 0, (readErr, n) => {
          // All of it in one read, or the careful reader decides.
          if (readErr || n >= buf.length || n < stat.size) return done(skip);
          done(utf8.decode(buf.subarray(0, n)));
        });
      });
    });
  });
}
