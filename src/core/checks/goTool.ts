/**
 * What the Go checks share: running `go` through the injected runner, telling the
 * learner how to install Go when it is missing, and reading `file:line:col: message`
 * lines out of compiler and vet output.
 */
import { goCheckEnv, toolchainNote } from '../goToolchain';
import { missingToolMessage } from '../preflight/missingTool';
import { isAbsolutePath, relativePath, resolvePath } from '../paths';
import type { CheckContext, CheckLocation, CheckOutcome, CheckProblem, ProcessResult } from './types';

/** What a check says when Go is found nowhere: the preflight's words and this OS's install commands. */
export const goInstallHelp = missingToolMessage('go', { reason: 'not-found' }, process.platform);

/** The outcome when `go` could not be started at all; the tool resolver's own words when it gave some. */
export function goMissing(result?: ProcessResult): CheckOutcome {
  const message = result?.missing ?? goInstallHelp;
  return { status: 'fail', message, missingTool: 'go', problems: [{ message }] };
}

export async function runGo(ctx: CheckContext, args: readonly string[], timeoutMs = 180_000, env: Readonly<Record<string, string>> = {}): Promise<ProcessResult> {
  const result = await ctx.runner.run('go', args, {
    cwd: ctx.folder,
    timeoutMs,
    // No toolchain download, no prompts for credentials, and the learner's own GOFLAGS left alone.
    env: { ...goCheckEnv(), GIT_TERMINAL_PROMPT: '0', ...env },
    signal: ctx.signal,
  });
  const note = result.exitCode !== 0 ? toolchainNote(`${result.stderr}\n${result.stdout}`, process.env.GOTOOLCHAIN) : undefined;
  return note ? { ...result, stderr: `${result.stderr.trimEnd()}\n${note}\n` } : result;
}

/** `-overlay <file>` when the course's check tests are laid over the folder (go test, go vet). */
export function overlayArgs(ctx: CheckContext): string[] {
  return ctx.checkTests ? ['-overlay', ctx.checkTests.overlayPath] : [];
}

/** Makes a path Go printed relative to the learner's folder, with `/`. */
export function relativeToFolder(folder: string, file: string, baseDir = folder): string {
  const abs = isAbsolutePath(file) ? file : resolvePath(baseDir, file);
  const rel = relativePath(folder, abs);
  // Outside the folder (the standard library, the module cache): keep it as Go printed it, with `/`.
  if (rel.startsWith('..') || isAbsolutePath(rel)) return file.replace(/\\/g, '/');
  return rel;
}

const locatedLine = /^(?:vet: )?((?:[A-Za-z]:)?[^\s:][^:]*\.go):(\d+)(?::(\d+))?: ?(.*)$/;

/** Turns compiler or vet output into problems; lines without a location join the previous problem. */
export function parseGoDiagnostics(output: string, folder: string): CheckProblem[] {
  const problems: { message: string; location?: CheckLocation }[] = [];
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('# ')) continue;
    const m = locatedLine.exec(line.trim());
    if (m) {
      const [, file = '', ln = '1', col, message = ''] = m;
      problems.push({
        message: message.trim(),
        location: { file: relativeToFolder(folder, file), line: Number(ln), ...(col ? { column: Number(col) } : {}) },
      });
    } else if (/^\s/.test(raw) && problems.length > 0) {
      // Continuation lines ("\thave (...)\n\twant (...)") belong to the problem above.
      const last = problems[problems.length - 1]!;
      last.message = `${last.message}\n${line.trim()}`;
    } else if (!/^(ok|FAIL|exit status)\b/.test(line)) {
      problems.push({ message: line.trim() });
    }
  }
  return problems;
}

/** `file:line` for messages. */
export function formatLocation(location: CheckLocation | undefined): string {
  if (!location) return '';
  return `${location.file}${location.line ? `:${location.line}` : ''}`;
}

/** A fail outcome whose message is the first problem, with where it is. */
export function failWith(summary: string, problems: readonly CheckProblem[]): CheckOutcome {
  const first = problems[0];
  const where = first?.location ? ` (${formatLocation(first.location)})` : '';
  const detail = first ? `: ${first.message.split('\n')[0]}${where}` : '';
  const more = problems.length > 1 ? ` and ${problems.length - 1} more` : '';
  return { status: 'fail', message: `${summary}${detail}${more}.`.replace(/\.\.$/, '.'), problems };
}
