/**
 * `go-test`: runs `go test -json` (with the course's check tests laid over the
 * folder, `-race` where asked and possible, and a time limit) and reports each
 * failing test with the file and line to look at, so the learner sees what to
 * fix, not a wall of output.
 */
import { num, str, strs } from './fields';
import { defineCheckKind } from './defineCheckKind';
import { readModulePath } from './goModule';
import { failWith, goMissing, overlayArgs, parseGoDiagnostics, runGo } from './goTool';
import { parseGoTestJson } from './goTestJson';
import { explainGoTestFailure, panicProblem } from './goTestFailure';
import { codeUnderTestField, readLearnerGoFile, type GoSubject } from './goCodeUnderTest';
import { importCycleProblem, raceProblem, timeoutProblem } from './goFailures';
import { raceNotCheckedNote, raceSupport } from './goRace';
import { changedTestsNote } from './checkTests';
import { skippedNotes } from './goSkips';
import type { CheckContext, CheckOutcome, CheckProblem, CheckSpec } from './types';

/** Seconds the tests may run (`go test -timeout`), unless the check sets `timeout`. */
const defaultTimeoutSeconds = 120;
/** Compiling (with `-race`, the first time, on a slow machine) gets this much on top. */
const buildAllowanceMs = 300_000;

async function runGoTest(spec: CheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
  const packages = strs(spec, 'packages') ?? ['./...'];
  const run = str(spec, 'run');
  const timeout = num(spec, 'timeout') ?? defaultTimeoutSeconds;
  const notes: string[] = [];
  let race = false;
  if (spec.race === true) {
    const support = await raceSupport(ctx);
    if (support.ok) race = true;
    else notes.push(raceNotCheckedNote(support.why));
  }
  const changed = changedTestsNote(ctx.checkTests, packages);
  if (changed) notes.push(changed);
  const withNotes = (o: CheckOutcome): CheckOutcome => (notes.length > 0 ? { ...o, notes } : o);

  const args = ['test', '-json', '-timeout', `${timeout}s`, ...(race ? ['-race'] : []), ...overlayArgs(ctx), ...(run ? ['-run', run] : []), ...packages];
  const result = await runGo(ctx, args, timeout * 1000 + buildAllowanceMs, race ? { CGO_ENABLED: '1' } : {});
  if (result.notFound) return goMissing(result);
  if (result.timedOut) {
    const limit = Math.round((timeout * 1000 + buildAllowanceMs) / 1000);
    return withNotes({ status: 'fail', message: `go test timed out after ${limit} s (building and testing) and was stopped, with everything it started.`, problems: [{ message: `go test timed out after ${limit} s` }] });
  }

  const report = parseGoTestJson(result.stdout);
  const modulePath = readModulePath(ctx.fs, ctx.folder);
  const compileOutput = [...report.buildOutput, ...report.plainLines, result.stderr].join('\n');
  const cycle = importCycleProblem(compileOutput, modulePath, (rel) => readLearnerGoFile(ctx, rel));
  if (cycle) return withNotes({ ...failWith('The tests do not build', [cycle]), blocked: true });
  const buildProblems = parseGoDiagnostics(compileOutput, ctx.folder).filter((p) => p.location);
  if (buildProblems.length > 0) return withNotes({ ...failWith('The tests do not compile', buildProblems), blocked: true });

  // A test the binary never finished (it hung until -timeout, or another goroutine crashed the binary).
  const unfinished = report.unfinished;
  const subjects = spec.codeUnderTest as readonly GoSubject[] | undefined;
  const problems: CheckProblem[] = [
    ...report.failed.map((f) => explainGoTestFailure(f, ctx, modulePath, subjects)),
    ...unfinished.flatMap((u) => {
      const p = timeoutProblem(u.test, u.output, ctx.folder) ?? raceProblem(u.test, u.output, ctx.folder);
      if (p) return [p];
      const panicked = panicProblem(u, ctx, subjects);
      return panicked ? [panicked] : [];
    }),
  ];
  // Keep one problem per hang: every unfinished parent and sub-test reports the same timeout.
  const unique = problems.filter((p, i) => problems.findIndex((q) => q.message === p.message) === i);
  if (unique.length === 0) {
    for (const p of report.failedPackages) {
      const text = p.output.map((l) => l.trim()).filter((l) => l && !/^(FAIL|ok )\b/.test(l));
      const race = raceProblem(p.pkg, p.output, ctx.folder);
      unique.push(race ?? { message: `package ${p.pkg} failed${text[0] ? `: ${text[0]}` : ''}` });
    }
  }
  if (unique.length > 0) {
    const names = [...new Set([...report.failed, ...unfinished].map((f) => f.test.split('/')[0]))];
    return withNotes(failWith(names.length > 0 ? `${names.length} test${names.length > 1 ? 's' : ''} failed` : 'go test failed', unique));
  }
  if (result.exitCode !== 0) {
    const text =
      `${result.stderr}\n${report.plainLines.join('\n')}\n${report.buildOutput.join('\n')}`
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('# '))[0] ?? '';
    return withNotes({ status: 'fail', message: `go test failed: ${text || `exit code ${result.exitCode ?? 'unknown'}`}`, problems: [{ message: text || 'go test failed' }] });
  }

  // Nothing matched (a deleted or renamed test) must not pass silently.
  const topLevel = report.ran.filter((r) => !r.test.includes('/'));
  if (topLevel.length === 0) {
    return withNotes({ status: 'fail', message: run ? `No test matching ${run} ran: is it written, and named as the step says?` : 'No tests ran: add a _test.go file with a TestXxx function.' });
  }
  const passedTop = topLevel.filter((r) => report.passed.some((p) => p.pkg === r.pkg && p.test === r.test));
  if (passedTop.length === 0) {
    return withNotes({ status: 'fail', message: `Every matching test was skipped (${topLevel.map((r) => r.test).join(', ')}): remove the t.Skip once your code is ready.` });
  }
  const n = passedTop.length;
  notes.push(...skippedNotes(report.skipped));
  return withNotes({ status: 'pass', message: `${n} test${n > 1 ? 's' : ''} pass${n > 1 ? '' : 'es'}${race ? ' with the race detector on' : ''}.` });
}

export const goTestCheck = defineCheckKind({
  kind: 'go-test',
  fields: {
    packages: { type: 'array', items: { type: 'string' }, description: 'Go package patterns, default ["./..."]' },
    run: { type: 'string', description: 'A -run pattern; at least one test must match' },
    race: { type: 'boolean', description: 'Run with -race where cgo and a C compiler are available' },
    timeout: { type: 'integer', minimum: 1, description: 'Seconds the tests may run (default 120)' },
    codeUnderTest: codeUnderTestField,
  },
  summary:
    '`go test -json` passes (`packages`, default `["./..."]`; `run`, a `-run` pattern that must match at least one test; ' +
    '`race`: true runs with `-race` where cgo and a C compiler are available; `timeout`: seconds the tests may run, default 120; ' +
    "`codeUnderTest`: the learner's functions under test, `{file, func, tests?}`, where a failing test is located, the test's line kept beside it).",
  refine(spec) {
    const problems: { path: (string | number)[]; message: string }[] = [];
    const regex = (pattern: string | undefined, path: (string | number)[]) => {
      try {
        if (pattern !== undefined) new RegExp(pattern);
      } catch {
        problems.push({ path, message: `is not a valid regular expression: ${pattern}` });
      }
    };
    regex(spec.run, ['run']);
    (spec.codeUnderTest ?? []).forEach((s, i) => regex(s.tests, ['codeUnderTest', i, 'tests']));
    return problems;
  },
  run: runGoTest,
});
