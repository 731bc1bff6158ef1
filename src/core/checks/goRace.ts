/**
 * Whether `go test -race` can run here: the race detector needs cgo and a C
 * compiler. When it cannot, the check still runs (without `-race`) and says in one
 * line that races were not checked and why, instead of failing for a missing tool.
 */
import { runGo } from './goTool';
import type { CheckContext } from './types';

export type RaceSupport = { readonly ok: true } | { readonly ok: false; readonly why: string };

// One answer per check run (a run shares its context), not one per check.
const answers = new WeakMap<CheckContext, Promise<RaceSupport>>();

export function raceSupport(ctx: CheckContext): Promise<RaceSupport> {
  let answer = answers.get(ctx);
  if (!answer) {
    answer = detect(ctx);
    answers.set(ctx, answer);
  }
  return answer;
}

async function detect(ctx: CheckContext): Promise<RaceSupport> {
  const env = await runGo(ctx, ['env', 'CGO_ENABLED', 'CC'], 30_000);
  if (env.exitCode !== 0) return { ok: false, why: '`go env` did not answer' };
  const [cgo = '', cc = ''] = env.stdout.split(/\r?\n/).map((l) => l.trim());
  if (cgo !== '1') return { ok: false, why: 'cgo is off (CGO_ENABLED=0); the race detector needs it' };
  const compiler = cc.split(/\s+/)[0] || 'gcc';
  const probe = await ctx.runner.run(compiler, ['--version'], { cwd: ctx.folder, timeoutMs: 30_000 });
  if (probe.notFound || probe.exitCode !== 0) {
    return { ok: false, why: `there is no C compiler (${compiler}); install one (Debian/Ubuntu: sudo apt install gcc; macOS: xcode-select --install) to check for data races` };
  }
  return { ok: true };
}

export const raceNotCheckedNote = (why: string) => `Data races were not checked: ${why}.`;
