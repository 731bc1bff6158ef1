/**
 * `go-test-finds-bug`: proves the learner's own tests are worth something. For
 * each known bug the course ships (a buggy copy of one of the learner's files),
 * the check lays the bug over the learner's code with `go test -overlay`, hides
 * the course's own check tests, and runs the learner's tests: it passes only when
 * they fail on every bug. Nothing is written into the folder.
 */
import { joinPaths, resolvePath } from '../paths';
import { strs } from './fields';
import { defineCheckKind } from './defineCheckKind';
import { goMissing, runGo } from './goTool';
import { parseGoTestJson } from './goTestJson';
import type { CheckContext, CheckOutcome, CheckProblem, CheckSpec } from './types';

interface KnownBug {
  /** The learner's file the bug replaces, relative to their folder. */
  readonly file: string;
  /** The buggy copy, relative to the module's folder under walkthroughs/. */
  readonly buggy: string;
  /** What is wrong with it, in one sentence (shown when the learner's tests miss it). */
  readonly bug: string;
}

function bugsOf(spec: CheckSpec): KnownBug[] {
  return Array.isArray(spec.bugs) ? (spec.bugs as KnownBug[]) : [];
}

async function runWithBug(bug: KnownBug, spec: CheckSpec, ctx: CheckContext, moduleDir: string): Promise<CheckProblem | 'caught'> {
  const replace: Record<string, string> = { [resolvePath(ctx.folder, bug.file)]: resolvePath(moduleDir, bug.buggy) };
  // The course's tests would catch the bug themselves: hide them, so only the learner's tests judge.
  for (const rel of ctx.checkTests?.files ?? []) replace[resolvePath(ctx.folder, rel)] = '';
  const dir = ctx.fs.makeTempDir('edgo-bug-');
  try {
    const overlay = joinPaths(dir, 'overlay.json');
    await ctx.fs.write(dir, 'overlay.json', JSON.stringify({ Replace: replace }), { replace: false });
    const packages = strs(spec, 'packages') ?? ['./...'];
    const result = await runGo(ctx, ['test', '-json', '-count=1', '-timeout', '60s', '-overlay', overlay, ...packages], 240_000);
    if (result.notFound) return { message: 'go is not installed' };
    const report = parseGoTestJson(result.stdout);
    const ranTop = report.ran.filter((r) => !r.test.includes('/'));
    if (report.failed.length > 0 || report.unfinished.length > 0) return 'caught';
    if (ranTop.length === 0) {
      const build = report.buildOutput
        .filter((l) => !l.startsWith('#'))
        .slice(0, 2)
        .join(' ');
      return build
        ? { message: `With the known bug in ${bug.file}, your tests do not build: ${build}`, location: { file: bug.file } }
        : { message: `No test of yours ran: write a _test.go file of your own (the course's tests do not count here) that exercises ${bug.file}.`, location: { file: bug.file } };
    }
    return { message: `Your tests pass on a version of ${bug.file} with a bug (${bug.bug}): add a test that fails on it.`, location: { file: bug.file } };
  } finally {
    ctx.fs.removeDir(dir);
  }
}

async function run(spec: CheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
  if (!ctx.moduleDir) return { status: 'fail', message: 'This check needs the module folder (the known bugs ship with the course).' };
  const bugs = bugsOf(spec);
  const problems: CheckProblem[] = [];
  for (const bug of bugs) {
    const outcome = await runWithBug(bug, spec, ctx, ctx.moduleDir);
    if (outcome === 'caught') continue;
    if (outcome.message === 'go is not installed') return goMissing();
    problems.push(outcome);
  }
  if (problems.length > 0) {
    return { status: 'fail', message: `Your tests catch ${bugs.length - problems.length} of ${bugs.length} known bug${bugs.length > 1 ? 's' : ''}. ${problems[0]?.message ?? ''}`, problems };
  }
  return { status: 'pass', message: `Your tests catch all ${bugs.length} known bug${bugs.length > 1 ? 's' : ''}.` };
}

export const goTestFindsBugCheck = defineCheckKind({
  kind: 'go-test-finds-bug',
  fields: {
    packages: { type: 'array', items: { type: 'string' }, description: 'Go package patterns, default ["./..."]' },
    bugs: {
      type: 'array',
      required: true,
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          file: { type: 'string', required: true, description: "The learner's file the bug replaces" },
          buggy: { type: 'string', required: true, description: 'The buggy copy, in the module folder' },
          bug: { type: 'string', required: true, description: 'What is wrong, in a few words' },
        },
      },
      description: "Known bugs: the learner's file, the buggy copy in the module folder, what is wrong",
    },
  },
  summary:
    'The learner\'s own tests fail on each known bug (`bugs`: `{ file, buggy, bug }`, a buggy copy of `file` shipped in the module folder), laid over their code with `go test -overlay` while the course\'s check tests are hidden (`packages`, default `["./..."]`).',
  run,
});
