/** `go-build` and `go-vet`: the learner's module compiles, and vet finds nothing. */
import { strs } from './fields';
import { defineCheckKind } from './defineCheckKind';
import { failWith, goMissing, overlayArgs, parseGoDiagnostics, runGo } from './goTool';
import { readLearnerGoFile } from './goCodeUnderTest';
import { importCycleProblem } from './goFailures';
import { readModulePath } from './goModule';
import type { CheckContext, CheckOutcome, CheckSpec } from './types';

async function runGoTool(tool: 'build' | 'vet', spec: CheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
  const packages = strs(spec, 'packages') ?? ['./...'];
  // vet compiles the tests too: it reads the course's check tests, as go test does.
  const result = await runGo(ctx, [tool, ...(tool === 'vet' ? overlayArgs(ctx) : []), ...packages]);
  if (result.notFound) return goMissing(result);
  if (result.timedOut) return { status: 'fail', message: `go ${tool} did not finish in time.` };
  if (result.exitCode === 0) {
    return { status: 'pass', message: tool === 'build' ? 'The module builds.' : 'go vet reports nothing.' };
  }
  const output = `${result.stderr}\n${result.stdout}`;
  const summary = tool === 'build' ? 'The module does not build' : 'go vet reports a problem';
  const cycle = importCycleProblem(output, readModulePath(ctx.fs, ctx.folder), (rel) => readLearnerGoFile(ctx, rel));
  if (cycle) return failWith(summary, [cycle]);
  const problems = parseGoDiagnostics(output, ctx.folder);
  return failWith(summary, problems.length > 0 ? problems : [{ message: `go ${tool} exited with code ${result.exitCode ?? 'unknown'}` }]);
}

const packages = { type: 'array', items: { type: 'string' }, description: 'Go package patterns, default ["./..."]' } as const;

export const goBuildCheck = defineCheckKind({
  kind: 'go-build',
  fields: { packages },
  summary: '`go build` succeeds (`packages`, default `["./..."]`).',
  run: (spec, ctx) => runGoTool('build', spec, ctx),
});

export const goVetCheck = defineCheckKind({
  kind: 'go-vet',
  fields: { packages },
  summary: '`go vet` reports nothing (`packages`, default `["./..."]`).',
  run: (spec, ctx) => runGoTool('vet', spec, ctx),
});
