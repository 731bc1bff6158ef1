/**
 * Reads many linked schema files at once, off the main thread, while the main
 * thread parses the file that links them: a course catalog opened in the
 * editor links a thousand schemas. The reads run one after the other on a
 * worker thread of their own (one message back for all of them); a thousand
 * callbacks of Node's thread pool would cost the main thread more than the
 * reads themselves. Where no worker can run, nothing is read ahead: the
 * reader reads each file when it is checked.
 * The same rules as the reader (nodeLinkedFiles.ts): regular files inside the
 * allowed folders, never through a symlink, size-capped. A file it cannot
 * decide (a symlink, a file that grew) is left out, and the reader then reads
 * it the careful way.
 */
import { Worker } from 'node:worker_threads';
import type { LinkedText } from '../events/linkedFiles';
import { maxLinkedFileBytes } from '../events/linkedFiles';
import { fastTarget, missing } from './nodeLinkedFiles';

/** `paths` (linked from `from`) → their texts or refusals, for those it could decide. */
export type LinkedPrefetcher = (paths: readonly string[], from: string) => Promise<Map<string, LinkedText>>;

/** One read's answer, as the worker sends it back. */
type Read = { text: string } | { refused: string } | { missing: true } | { skip: true };

/** Not decided here. */
const skip = Symbol('skip');

function answer(r: Read): LinkedText | typeof skip {
  if ('text' in r) return r.text;
  if ('refused' in r) return { refused: r.refused };
  return 'missing' in r ? undefined : skip;
}

/** `onWorker` false: no worker, as where none can start (only what the folders decide is answered). */
export function nodeLinkedFilePrefetcher(roots: () => readonly string[], maxBytes = maxLinkedFileBytes, onWorker = true): LinkedPrefetcher {
  const reader = onWorker ? workerReader() : undefined;
  return async (paths, from) => {
    const out = new Map<string, LinkedText>();
    const toRead: { path: string; target: string }[] = [];
    for (const path of paths) {
      const target = fastTarget(path, from, roots);
      if (target === undefined) continue;
      if (target === missing) out.set(path, undefined);
      else if (typeof target === 'object') out.set(path, target);
      else toRead.push({ path, target });
    }
    const targets = toRead.map((r) => r.target);
    const reads = (await reader?.(targets, maxBytes)) ?? [];
    toRead.forEach(({ path }, i) => {
      const text = answer(reads[i] ?? { skip: true });
      if (text !== skip) out.set(path, text);
    });
    return out;
  };
}

/** What the worker runs: plain Node, no bundle (it is evaluated as it stands). */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const utf8 = new TextDecoder('utf-8', { fatal: false });
const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK || 0) | (fs.constants.O_NOFOLLOW || 0);
function readOne(path, maxBytes) {
  let fd;
  try {
    fd = fs.openSync(path, flags);
  } catch (err) {
    return err.code === 'ENOENT' || err.code === 'ENOTDIR' ? { missing: true } : { skip: true };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { refused: 'it is not a regular file' };
    if (stat.size > maxBytes) return { refused: 'it is larger than ' + Math.round(maxBytes / 1024) + ' KB' };
    const buf = Buffer.allocUnsafe(stat.size + 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    // All of it in one read, or the careful reader decides.
    if (n >= buf.length || n < stat.size) return { skip: true };
    return { text: utf8.decode(buf.subarray(0, n)) };
  } catch {
    return { skip: true };
  } finally {
    try { fs.closeSync(fd); } catch {}
  }
}
parentPort.on('message', ({ id, paths, maxBytes }) => parentPort.postMessage({ id, reads: paths.map((p) => readOne(p, maxBytes)) }));
`;

type WorkerReader = (targets: readonly string[], maxBytes: number) => Promise<Read[] | undefined>;

/**
 * Reads on one worker thread, started at the first read and never keeping the
 * process alive; undefined answers (a worker that could not start or died)
 * leave the files to the reader.
 */
function workerReader(): WorkerReader | undefined {
  let worker: Worker | undefined;
  let broken = false;
  let next = 0;
  const waiting = new Map<number, (reads: Read[] | undefined) => void>();
  const fail = () => {
    broken = true;
    worker = undefined;
    for (const resolve of waiting.values()) resolve(undefined);
    waiting.clear();
  };
  const start = (): Worker | undefined => {
    if (worker || broken) return worker;
    try {
      // No loader flags of the parent's (a test runner's): the source is plain Node.
      worker = new Worker(workerSource, { eval: true, execArgv: [] });
    } catch {
      broken = true;
      return undefined;
    }
    worker.on('message', ({ id, reads }: { id: number; reads: Read[] }) => {
      waiting.get(id)?.(reads);
      waiting.delete(id);
      if (waiting.size === 0) worker?.unref();
    });
    worker.on('error', fail);
    worker.on('exit', fail);
    // Idle, it never keeps the process alive (set after the listeners: adding one refs the worker).
    worker.unref();
    return worker;
  };
  return (targets, maxBytes) => {
    if (targets.length === 0) return Promise.resolve([]);
    const w = start();
    if (!w) return Promise.resolve(undefined);
    const id = next++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      // Waited for, it keeps the process alive until it answers.
      w.ref();
      w.postMessage({ id, paths: targets, maxBytes });
    });
  };
}
