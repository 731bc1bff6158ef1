/**
 * A process runner that finds each tool with the resolver before running it, so a
 * check that runs `go` uses the same Go as the tasks and the preflight, wherever it
 * is installed. A tool found nowhere is not started: the result says so in the
 * preflight's words.
 */
import type { ProcessRunner } from '../checks/types';
import { missingToolMessage } from '../preflight/missingTool';
import { isToolId } from './toolIds';
import { environmentFor, foundOutsidePath, resolveTool, type ResolveContext, type ToolFound } from './toolResolver';

export interface ResolvingRunnerOptions {
  /** Read for every run: settings and environments may change between checks. */
  readonly context: () => ResolveContext;
  /** Called for each tool found outside every PATH (the caller tells the learner once). */
  readonly onOutsidePath?: (found: ToolFound) => void;
}

export function resolvingRunner(base: ProcessRunner, opts: ResolvingRunnerOptions): ProcessRunner {
  return {
    async run(command, args, options) {
      const ctx = opts.context();
      const env = ctx.terminalEnv ?? ctx.hostEnv;
      if (!isToolId(command)) return base.run(command, args, { ...options, env: { ...env, ...options.env } });
      const resolved = await resolveTool(command, ctx);
      if (!resolved.found) {
        const message = missingToolMessage(command, resolved, ctx.platform);
        return { exitCode: null, stdout: '', stderr: message, notFound: true, missing: message };
      }
      if (foundOutsidePath(resolved)) opts.onOutsidePath?.(resolved);
      return base.run(resolved.path, args, { ...options, env: { ...environmentFor(resolved, env, ctx.platform), ...options.env } });
    },
  };
}
