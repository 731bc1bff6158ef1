/**
 * The file system the module loaders read through (module.json, starter layers,
 * scaffolding). They sit under call chains with dozens of callers (the CLI, the
 * extension, the course's tests), so they share this one default instead of a
 * parameter each; it is the Node one and nothing changes it. Checks get theirs
 * from their caller, in `CheckContext.fs`.
 */
import type { CourseFs } from './courseFs';
import { nodeCourseFs } from '../host/nodeCourseFs';

export function courseFs(): CourseFs {
  return nodeCourseFs;
}
