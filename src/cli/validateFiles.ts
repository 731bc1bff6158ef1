/**
 * Which files `edgo validate` reads, and how: given paths must exist (a
 * missing path, or a folder named like a file, is a usage error); every file
 * is read through a bounded descriptor read, so a device, a FIFO or a huge
 * file yields a finding instead of a hang or a crash.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import type { CoreDiagnostic } from '../core/diagnostic';
import { walkFiles } from '../core/host/folderWalk';
import { limits } from '../core/events/yamlText';

const maxFiles = 50_000;
const candidate = /\.(ya?ml|mdx?|json|mmd|mermaid)$/i;

export interface Targets {
  /** Absolute paths, native separators. */
  readonly files: Set<string>;
  /** Paths given on the command line that are files. */
  readonly singleFiles: string[];
}

/** The files named by `paths` (folders walked); a string says why a path cannot be used. */
export function collectTargets(paths: readonly string[]): Targets | string {
  const files = new Set<string>();
  const singleFiles: string[] = [];
  for (const given of paths) {
    const p = resolve(given);
    let stat;
    try {
      stat = statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? `'${given}' does not exist` : `'${given}' cannot be read (${code ?? 'error'})`;
    }
    if (stat.isDirectory()) {
      if (candidate.test(basename(p))) return `'${given}' is a folder, not a file; give the files inside it or the folder without a file extension`;
      walkInto(p, files);
    } else {
      files.add(p);
      singleFiles.push(p);
    }
  }
  return { files, singleFiles };
}

/** Every file of a folder that some validator may want. */
export function walkInto(folder: string, into: Set<string>): void {
  for (const file of walkFiles(folder, sep)) {
    if (into.size >= maxFiles) break;
    if (candidate.test(file)) into.add(file);
  }
}

export type ReadOutcome = { readonly text: string } | { readonly problem: CoreDiagnostic };

const firstLine = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const problem = (code: string, message: string): ReadOutcome => ({ problem: { range: firstLine, severity: 'error', code, message, source: 'edgo' } });

/** Reads a file as UTF-8 (invalid bytes become U+FFFD, which the core reports), never more than the size limit. */
export function readSource(path: string): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return problem('file/unreadable', `This file cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); check its permissions.`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return problem('file/not-a-file', 'This is not a regular file (a device, a pipe or a socket), so it was not read.');
    const max = limits.maxBytes;
    if (stat.size > max) return problem('file/too-large', `This file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; files over ${max / 1024 / 1024} MB are not validated. Split it.`);
    // Read in chunks up to the limit: /proc files claim size 0, files may grow while read.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n <= 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
      if (length > max) return problem('file/too-large', `This file is over ${max / 1024 / 1024} MB; it was not validated. Split it.`);
    }
    const buf = Buffer.concat(chunks, length);
    return { text: new TextDecoder('utf-8', { fatal: false }).decode(buf.subarray(0, length)) };
  } catch (err) {
    return problem('file/unreadable', `This file cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  } finally {
    closeSync(fd);
  }
}

/** Control characters from files (or their names) must never reach a terminal raw. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' || c === '\r' || c === '\t' ? ' ' : `\\u{${c.charCodeAt(0).toString(16)}}`));
}
