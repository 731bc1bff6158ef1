/**
 * `go-test`: runs `go test -json` and reports each failing test with the file and
 * line of its first `t.Errorf`, so the learner sees what to fix, not a wall of output.
 */
import { optionalStringArray, optionalString, str, strs } from './fields';
import { readModulePath, packageDir, joinRel } from './goModule';
import { failWith, goMissing, parseGoDiagnostics, relativeToFolder, runGo } from './goTool';
import { firstAssertion, firstPanicFrame, parseGoTestJson } from './goTestJson';
import type { CheckContext, CheckKind, CheckOutcome, CheckProblem, CheckSpec } from './types';

async function runGoTest(spec: CheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
  const packages = strs(spec, 'packages') ?? ['./...'];
  const run = str(spec, 'run');
  const args = ['test', '-json', '-timeout', '120s', ...(run ? ['-run', run] : []), ...packages];
  const result = await runGo(ctx, args, 300_000);
  if (result.notFound) return goMissing(result);
  if (result.timedOut) return { status: 'fail', message: 'go test did not finish in time: is a test waiting for something that never comes?' };

  const report = parseGoTestJson(result.stdout);
  const modulePath = readModulePath(ctx.folder);
  const problems: CheckProblem[] = [];

  const compileOutput = [...report.buildOutput, ...report.plainLines, result.stderr].join('\n');
  const buildProblems = parseGoDiagnostics(compileOutput, ctx.folder).filter((p) => p.location);
  if (buildProblems.length > 0) return failWith('The tests do not compile', buildProblems);

  for (const f of report.failed) {
    const assertion = firstAssertion(f.output);
    const panic = firstPanicFrame(f.output, ctx.folder);
    const dir = packageDir(modulePath, f.pkg);
    if (panic) {
      problems.push({ message: `${f.test} panicked`, location: { file: relativeToFolder(ctx.folder, panic.file), line: panic.line } });
    } else if (assertion) {
      problems.push({ message: `${f.test}: ${assertion.message}`, location: { file: joinRel(dir, assertion.file), line: assertion.line } });
    } else {
      const text = f.output.map((l) => l.trim()).filter((l) => l && !/^(=== |--- |FAIL|PASS|ok )/.test(l));
      problems.push({ message: `${f.test} failed${text[0] ? `: ${text[0]}` : ''}` });
    }
  }
  for (const p of report.failedPackages) {
    const text = p.output.map((l) => l.trim()).filter((l) => l && !/^(FAIL|ok )\b/.test(l));
    problems.push({ message: `package ${p.pkg} failed${text[0] ? `: ${text[0]}` : ''}` });
  }
  if (problems.length > 0) {
    const names = report.failed.map((f) => f.test);
    return failWith(names.length > 0 ? `${names.length} test${names.length > 1 ? 's' : ''} failed` : 'go test failed', problems);
  }
  if (result.exitCode !== 0) {
    const text = `${result.stderr}\n${report.plainLines.join('\n')}`.trim().split('\n')[0] ?? '';
    return { status: 'fail', message: `go test failed: ${text || `exit code ${result.exitCode ?? 'unknown'}`}`, problems: [{ message: text }] };
  }

  // Nothing matched (a deleted or renamed test) must not pass silently.
  const topLevel = report.ran.filter((r) => !r.test.includes('/'));
  if (topLevel.length === 0) {
    return { status: 'fail', message: run ? `No test matching ${run} ran: is it written, and named as the step says?` : 'No tests ran: add a _test.go file with a TestXxx function.' };
  }
  const passedTop = topLevel.filter((r) => report.passed.some((p) => p.pkg === r.pkg && p.test === r.test));
  if (passedTop.length === 0) {
    return { status: 'fail', message: `Every matching test was skipped (${topLevel.map((r) => r.test).join(', ')}): remove the t.Skip once your code is ready.` };
  }
  return { status: 'pass', message: `${passedTop.length} test${passedTop.length > 1 ? 's' : ''} pass${passedTop.length > 1 ? '' : 'es'}.` };
}

export const goTestCheck: CheckKind = {
  kind: 'go-test',
  summary: '`go test -json` passes (`packages`, default `["./..."]`; `run`, a `-run` pattern that must match at least one test).',
  validate(spec) {
    const problems: string[] = [];
    optionalStringArray(spec, 'packages', problems);
    const run = optionalString(spec, 'run', problems);
    if (run) {
      try {
        new RegExp(run);
      } catch {
        problems.push(`"run" is not a valid regular expression: ${run}`);
      }
    }
    return problems;
  },
  run: runGoTest,
};
