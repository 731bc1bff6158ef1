/**
 * One failed Go test as a problem a learner can act on, at their own code when it
 * is known: a panic's first frame in a non-test file of theirs, else the function
 * the check declares it tests (`codeUnderTest`), with the course test's line as
 * secondary information; else the test's own assertion line.
 */
import { packageDir, joinRel } from './goModule';
import { relativeToFolder } from './goTool';
import { firstAssertion, panicFrames, panicMessage, type FailedTest } from './goTestJson';
import { raceProblem, timeoutProblem } from './goFailures';
import { locateSubject, subjectsFor, type GoSubject, type LearnerFolder } from './goCodeUnderTest';
import type { CheckLocation, CheckProblem, CheckRelated } from './types';

const isTestFile = (file: string) => file.endsWith('_test.go');

/**
 * The problem at the first subject's declaration; the other subjects the test tests and
 * the test's own place kept as related. At the test when no subject is found.
 */
function atSubject(message: string, subjects: readonly GoSubject[], learner: LearnerFolder, testPlace: CheckRelated | undefined): CheckProblem | undefined {
  if (subjects.length === 0) return undefined;
  const found = subjects.flatMap((s) => {
    const location = locateSubject(learner, s);
    return location ? [{ subject: s, location }] : [];
  });
  const [first, ...others] = found;
  if (!first) {
    const names = subjects.map((s) => `${s.func} (${s.file})`).join(', ');
    const missing = `${message} (the check tests ${names}, not found in that file or beside it: was it renamed?)`;
    return { message: missing, ...(testPlace ? { location: testPlace.location } : {}) };
  }
  const related: CheckRelated[] = [...others.map((o) => ({ message: `also tested: ${o.subject.func}`, location: o.location })), ...(testPlace ? [testPlace] : [])];
  return { message, location: first.location, ...(related.length > 0 ? { related } : {}) };
}

/**
 * A panic, at its first frame in a non-test file of the learner's (the test's frame kept as
 * related), else at the code the check tests, else at its first frame in the folder.
 * Used for failed tests and for tests a panicking goroutine never let finish.
 */
export function panicProblem(f: FailedTest, learner: LearnerFolder, subjects: readonly GoSubject[] | undefined): CheckProblem | undefined {
  const { folder } = learner;
  const frames = panicFrames(f.output, folder).map((fr) => ({ file: relativeToFolder(folder, fr.file), line: fr.line }));
  if (frames.length === 0) return undefined;
  const what = panicMessage(f.output);
  const message = `${f.test} panicked${what ? `: ${what}` : ''}`;
  const own = frames.find((fr) => !isTestFile(fr.file));
  const inTest = frames.find((fr) => isTestFile(fr.file));
  const testPlace: CheckRelated | undefined = inTest ? { message: 'where the test called it', location: inTest } : undefined;
  if (own) return { message, location: own, ...(testPlace ? { related: [testPlace] } : {}) };
  return atSubject(message, subjectsFor(subjects, f.test), learner, testPlace) ?? { message, location: frames[0] as CheckLocation };
}

export function explainGoTestFailure(f: FailedTest, learner: LearnerFolder, modulePath: string | undefined, subjects: readonly GoSubject[] | undefined): CheckProblem {
  const { folder } = learner;
  const race = raceProblem(f.test, f.output, folder);
  if (race) return race;
  const hung = timeoutProblem(f.test, f.output, folder);
  if (hung) return hung;
  const panicked = panicProblem(f, learner, subjects);
  if (panicked) return panicked;
  const subject = subjectsFor(subjects, f.test);

  const assertion = firstAssertion(f.output);
  if (assertion) {
    const message = `${f.test}: ${assertion.message}`;
    const testLine: CheckLocation = { file: joinRel(packageDir(modulePath, f.pkg), assertion.file), line: assertion.line };
    return atSubject(message, subject, learner, { message: 'the failing check in the test', location: testLine }) ?? { message, location: testLine };
  }
  const text = f.output.map((l) => l.trim()).filter((l) => l && !/^(=== |--- |FAIL|PASS|ok )/.test(l));
  const message = `${f.test} failed${text[0] ? `: ${text[0]}` : ''}`;
  return atSubject(message, subject, learner, undefined) ?? { message };
}
