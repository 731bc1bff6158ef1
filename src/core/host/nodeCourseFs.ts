import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CourseEntry, CourseFs, PathKind } from '../checks/courseFs';
import { readBoundedBytesSync, readBoundedTextSync } from './boundedRead';
import { guardedWrite } from './guardedWrite';

/** The real file system for the course engine: bounded text reads, guarded writes. */
export const nodeCourseFs: CourseFs = {
  readText(file) {
    try {
      return readBoundedTextSync(file);
    } catch {
      return undefined;
    }
  },
  readBytes(file) {
    try {
      // A learner's file may be a FIFO or a huge file put where a test was: bounded like text.
      return readBoundedBytesSync(file);
    } catch {
      return undefined;
    }
  },
  kindOf(p): PathKind | undefined {
    try {
      const stat = fs.statSync(p);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
    } catch {
      return undefined;
    }
  },
  list(dir): readonly CourseEntry[] {
    try {
      return fs.readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, isDirectory: e.isDirectory(), isFile: e.isFile() }));
    } catch {
      return [];
    }
  },
  async write(root, rel, content, options) {
    // The guard refuses a root that is not a folder; a starter's target may not exist yet.
    await fs.promises.mkdir(root, { recursive: true });
    await guardedWrite(root, rel, content, options);
  },
  makeTempDir(prefix) {
    return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  },
  removeDir(dir) {
    fs.rmSync(dir, { recursive: true, force: true });
  },
};
