/**
 * What the Go checks share: running `go` through the injected runner, telling the
 * learner how to install Go when it is missing, and reading `file:line:col: message`
 * lines out of compiler and vet output.
 */
import * as path from 'node:path';
import type { CheckContext, CheckLocation, CheckOutcome, CheckProblem, ProcessResult } from './types';

export const goInstallHelp =
  'Go is not installed or not on PATH. Install Go 1.26 or later from https://go.dev/dl/ ' +
  '(macOS: `brew install go`; Windows: `winget install GoLang.Go`; Debian/Ubuntu: the tarball from go.dev, as apt often ships an older Go), ' +
  'then open a new terminal (or restart VS Code) and check with `go version`.';

/** The outcome when `go` could not be started at all. */
export function goMissing(): CheckOutcome {
  return { status: 'fail', message: goInstallHelp, missingTool: 'go', problems: [{ message: goInstallHelp }] };
}

export async function runGo(ctx: CheckContext, args: readonly string[], timeoutMs = 180_000): Promise<ProcessResult> {
  return ctx.runner.run('go', args, {
    cwd: ctx.folder,
    timeoutMs,
    // No prompts for credentials, no colour codes, and the learner's own GOFLAGS left alone.
    env: { GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'local', GIT_TERMINAL_PROMPT: '0' },
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
}

/** Makes a path Go printed relative to the learner's folder, with `/`. */
export function relativeToFolder(folder: string, file: string, baseDir = folder): string {
  const abs = path.isAbsolute(file) ? file : path.resolve(baseDir, file);
  const rel = path.relative(folder, abs);
  // Outside the folder (the standard library, the module cache): keep it as Go printed it.
  if (rel.startsWith('..') || path.isAbsolute(rel)) return file.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
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
