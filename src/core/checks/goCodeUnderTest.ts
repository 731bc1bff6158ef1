/**
 * What a Go check tests, as `module.json` declares it (`codeUnderTest`: a file and a
 * function or method of the learner's), so a failing test points the learner at
 * their own code, not only at the course's assertion.
 */
import { findGoFunc } from './goDeclarations';
import { matchFiles } from './files';
import type { CheckContext, CheckLocation } from './types';

export interface GoSubject {
  /** The learner's file, relative to the folder (`memory.go`, `order/usecase/create.go`). */
  readonly file: string;
  /** `Name` or `Type.Method`. */
  readonly func: string;
  /** A regular expression of the tests that test it; absent: every test of the check. */
  readonly tests?: string;
}

/** The `codeUnderTest` field of `go-test`. */
export const codeUnderTestField = {
  type: 'array',
  minItems: 1,
  description: "What the tests test: a failing test points at this function or method in the learner's file (the test's line kept as secondary information)",
  items: {
    type: 'object',
    properties: {
      file: { type: 'string', required: true, description: "The learner's Go file, relative to the folder" },
      func: { type: 'string', required: true, pattern: '^[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)?$', patternHint: 'Name or Type.Method', description: 'The function (Name) or method (Type.Method) under test' },
      tests: { type: 'string', description: 'A regular expression of the test names that test it; default: every test of the check' },
    },
  },
} as const;

/** The subjects whose `tests` match the failing test (its top-level name or the full sub-test name), in declared order. */
export function subjectsFor(subjects: readonly GoSubject[] | undefined, test: string): GoSubject[] {
  const top = test.split('/')[0] ?? test;
  return (subjects ?? []).filter((s) => {
    if (s.tests === undefined) return true;
    try {
      const re = new RegExp(s.tests);
      return re.test(top) || re.test(test);
    } catch {
      return false;
    }
  });
}

/** The learner's folder and the files it is read through: the part of a check's context these read. */
export type LearnerFolder = Pick<CheckContext, 'fs' | 'folder'>;

/** A Go file of the learner's folder, or undefined when it is not a regular file of a sane size. */
export function readLearnerGoFile(learner: LearnerFolder, rel: string): string | undefined {
  return learner.fs.readText(`${learner.folder}/${rel}`);
}

/**
 * Where the subject is declared now: in its file wherever it moved to there, else in
 * another non-test file of the same package folder; undefined when it is nowhere.
 */
export function locateSubject(learner: LearnerFolder, subject: GoSubject): CheckLocation | undefined {
  const file = subject.file.replace(/^\.\//, '');
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const at = (candidate: string): CheckLocation | undefined => {
    const text = readLearnerGoFile(learner, candidate);
    const found = text === undefined ? undefined : findGoFunc(text, subject.func);
    return found ? { file: candidate, line: found.line, column: found.column } : undefined;
  };
  const inFile = at(file);
  if (inFile) return inFile;
  // Only when it is not in its file: the walk lists the folder.
  const siblings = matchFiles(learner.fs, learner.folder, dir ? `${dir}/*.go` : '*.go').filter((f) => f !== file && !f.endsWith('_test.go'));
  for (const candidate of siblings) {
    const found = at(candidate);
    if (found) return found;
  }
  return undefined;
}
