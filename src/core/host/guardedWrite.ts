/**
 * The only way the generators change the disk. A workspace may come from
 * anyone, so a path inside it is not trusted to stay inside it: every folder
 * on the way to a file is looked at with `lstat` (a symbolic link is refused,
 * never followed), missing folders are made one at a time, and the file is
 * opened with `O_NOFOLLOW`, exclusively when it must be new. Node has no
 * `openat`, so a folder could still be swapped for a link between the check
 * and the open: after opening, the descriptor and every folder on the way are
 * compared (device and inode) with what was checked, and nothing is written on
 * a mismatch.
 */
import { constants, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { hasControlChars, visible } from '../generate/escape';

/** A write the guard refused; the message says which path and why. */
export class RefusedWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedWriteError';
  }
}

export interface GuardedWriteOptions {
  /** False: the file must not exist yet. True: an existing regular file is replaced. */
  readonly replace: boolean;
  /** For tests: runs between the checks and the open, where a swapped folder would strike. */
  readonly afterCheck?: (() => Promise<void>) | undefined;
}

/** What a checked path was: a later lstat must find the same device and inode. */
interface Checked {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
}

/** The components of `rel`, refusing anything that could leave the folder. */
function components(root: string, rel: string): string[] {
  const parts = rel.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  const shown = path.join(root, rel);
  if (path.isAbsolute(rel) || parts.length === 0) throw new RefusedWriteError(`Refused to write ${visible(shown)}: not a path inside ${root}.`);
  if (parts.includes('..')) throw new RefusedWriteError(`Refused to write ${visible(shown)}: \`..\` would leave ${root}.`);
  if (hasControlChars(rel)) throw new RefusedWriteError(`Refused to write ${visible(shown)}: the name contains a control character.`);
  return parts;
}

async function lstatOrUndefined(p: string): Promise<import('node:fs').Stats | undefined> {
  try {
    return await fsp.lstat(p);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function linkRefusal(p: string, root: string): RefusedWriteError {
  return new RefusedWriteError(`Refused to write through ${p}: it is a symbolic link, and what it points to may be outside ${root}. Replace the link with a real folder or file, then generate again.`);
}

/** Makes (or checks) each folder from `root` down to the file's parent; returns the file's absolute path and the folders as checked. */
async function safeParent(root: string, rel: string): Promise<{ file: string; folders: Checked[] }> {
  const rootStat = await lstatOrUndefined(root);
  if (rootStat === undefined || !rootStat.isDirectory()) {
    // The folder the learner chose may itself be reached through a link (e.g. /tmp on macOS): it is the one path followed.
    const real = await fsp.stat(root).catch(() => undefined);
    if (real === undefined || !real.isDirectory()) throw new RefusedWriteError(`Refused to write into ${root}: it is not a folder.`);
  }
  const parts = components(root, rel);
  const folders: Checked[] = [];
  let current = root;
  for (const part of parts.slice(0, -1)) {
    current = path.join(current, part);
    let stat = await lstatOrUndefined(current);
    if (stat === undefined) {
      try {
        await fsp.mkdir(current);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      stat = await fsp.lstat(current);
    }
    if (stat.isSymbolicLink()) throw linkRefusal(current, root);
    if (!stat.isDirectory()) throw new RefusedWriteError(`Refused to write into ${current}: it is a file, not a folder.`);
    folders.push({ path: current, dev: stat.dev, ino: stat.ino });
  }
  return { file: path.join(current, parts[parts.length - 1]!), folders };
}

function raceRefusal(p: string, root: string): RefusedWriteError {
  return new RefusedWriteError(`Refused to write ${p}: a folder on its way changed while generating (it may now lead outside ${root}). Nothing was written; check the folder and generate again.`);
}

/** True when the open descriptor is the file now at `file`, reached through the very folders that were checked. */
async function openedWhatWasChecked(handle: import('node:fs/promises').FileHandle, file: string, folders: readonly Checked[]): Promise<boolean> {
  const opened = await handle.stat();
  const there = await lstatOrUndefined(file);
  if (there === undefined || !there.isFile() || there.dev !== opened.dev || there.ino !== opened.ino) return false;
  for (const folder of folders) {
    const now = await lstatOrUndefined(folder.path);
    if (now === undefined || !now.isDirectory() || now.dev !== folder.dev || now.ino !== folder.ino) return false;
  }
  return true;
}

/** Checks the file itself: no link, nothing but a regular file, and new unless `replace`. */
async function checkTarget(file: string, root: string, replace: boolean): Promise<void> {
  const stat = await lstatOrUndefined(file);
  if (stat === undefined) return;
  if (stat.isSymbolicLink()) throw linkRefusal(file, root);
  if (!stat.isFile()) throw new RefusedWriteError(`Refused to write ${file}: it exists and is not a regular file.`);
  if (!replace) throw new RefusedWriteError(`Refused to write ${file}: it exists and changing it was not confirmed.`);
}

/** Writes `rel` (relative to `root`) with the guard above. */
export async function guardedWrite(root: string, rel: string, content: string | Uint8Array, options: GuardedWriteOptions): Promise<void> {
  const { file, folders } = await safeParent(root, rel);
  await checkTarget(file, root, options.replace);
  await options.afterCheck?.();
  // No O_TRUNC: an existing file is emptied only once the descriptor is known to be the checked one.
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | (options.replace ? 0 : constants.O_EXCL);
  let handle: import('node:fs/promises').FileHandle;
  try {
    handle = await fsp.open(file, flags, 0o644);
  } catch (err) {
    // The check passed and the open did not: something changed the path in between.
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw linkRefusal(file, root);
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new RefusedWriteError(`Refused to write ${file}: it appeared while generating.`);
    throw err;
  }
  try {
    // A file made new through a swapped folder stays behind empty: removing it by path would race again.
    if (!(await openedWhatWasChecked(handle, file, folders))) throw raceRefusal(file, root);
    await handle.truncate(0);
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

/** Moves `from` to `to` (both relative to `root`); the target must not exist. */
export async function guardedMove(root: string, from: string, to: string): Promise<void> {
  const source = path.join(root, ...components(root, from));
  for (let dir = path.dirname(source); dir.length > root.length; dir = path.dirname(dir)) {
    const stat = await fsp.lstat(dir);
    if (stat.isSymbolicLink()) throw linkRefusal(dir, root);
  }
  const sourceStat = await fsp.lstat(source);
  if (sourceStat.isSymbolicLink()) throw linkRefusal(source, root);
  if (!sourceStat.isFile()) throw new RefusedWriteError(`Refused to move ${source}: it is not a regular file.`);
  const { file: target } = await safeParent(root, to);
  if ((await lstatOrUndefined(target)) !== undefined) throw new RefusedWriteError(`Refused to move ${source} to ${target}: the target exists.`);
  await fsp.rename(source, target);
}
