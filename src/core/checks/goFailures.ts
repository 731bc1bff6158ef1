/**
 * Turning the Go tool's harder failures into one sentence a beginner can act on,
 * at the learner's file and line: an import cycle, a test that hung until
 * `-timeout`, and a data race found by `-race`.
 */
import { packageDir, joinRel } from './goModule';
import { relativeToFolder } from './goTool';
import type { CheckLocation, CheckProblem } from './types';

/** The 1-based line of the file's import of `pkg` (its quoted path), or 1 when not seen. */
function importLine(text: string | undefined, pkg: string): number {
  const at = (text ?? '').split(/\r?\n/).findIndex((l) => l.includes(`"${pkg}"`));
  return at >= 0 ? at + 1 : 1;
}

/**
 * `package a\n\timports b from a.go\n\timports a from b.go: import cycle not allowed`:
 * the chain of packages, at the import that closes the cycle (`read` gives a file of
 * the folder by its relative path, to find that import's line).
 */
export function importCycleProblem(output: string, modulePath: string | undefined, read?: (rel: string) => string | undefined): CheckProblem | undefined {
  const lines = output.split(/\r?\n/);
  const end = lines.findIndex((l) => /import cycle not allowed/.test(l));
  if (end < 0) return undefined;
  let start = end;
  while (start > 0 && !/^package \S+/.test(lines[start] ?? '')) start--;
  const first = /^package (\S+)/.exec(lines[start] ?? '')?.[1];
  const chain: string[] = first ? [first] : [];
  let location: CheckLocation | undefined;
  for (const l of lines.slice(start + 1, end + 1)) {
    const m = /^\s*imports (\S+)(?: from (\S+?\.go))?/.exec(l);
    if (!m) continue;
    const importer = chain[chain.length - 1];
    chain.push(m[1] ?? '');
    // "imports X from f.go" names a file of the importing package (the line above's).
    const dir = importer ? packageDir(modulePath, importer) : undefined;
    if (m[2] && dir !== undefined) {
      const file = joinRel(dir, m[2]);
      location = { file, line: importLine(read?.(file), m[1] ?? '') };
    }
  }
  // Packages of the learner's module by their folder (the root package by its name).
  const short = (p: string) => (modulePath && p.startsWith(`${modulePath}/`) ? p.slice(modulePath.length + 1) : p === modulePath ? (p.split('/').pop() ?? p) : p);
  const path = chain.map(short).join(' → ');
  const message = `import cycle not allowed: ${path || 'two packages import each other'}. Go forbids packages that import each other; move what both need into a third package, or let one depend on an interface.`;
  return { message, ...(location ? { location } : {}) };
}

/** Frames of a stack or race report (`\t/abs/file.go:12 +0x1f`) that lie in the learner's folder. */
function folderFrames(lines: readonly string[], folder: string): { file: string; line: number }[] {
  const out: { file: string; line: number }[] = [];
  for (const l of lines) {
    const m = /^\s+(\S+\.go):(\d+)(?: \+0x[0-9a-f]+)?$/.exec(l);
    if (m && (m[1] ?? '').startsWith(folder)) out.push({ file: relativeToFolder(folder, m[1] ?? ''), line: Number(m[2]) });
  }
  return out;
}

/** `panic: test timed out after 3s`: which test hung, and where it was waiting. */
export function timeoutProblem(test: string, output: readonly string[], folder: string): CheckProblem | undefined {
  const after = output.map((l) => /panic: test timed out after (\S+)/.exec(l)?.[1]).find(Boolean);
  if (!after) return undefined;
  const running = output.map((l) => /^\s+(Test\S*) \(/.exec(l)?.[1]).filter((x): x is string => !!x);
  const names = running.length > 0 ? running.join(', ') : test;
  const where = folderFrames(output, folder)[0];
  return {
    message: `${names} timed out after ${seconds(after)}: is it waiting for something that never comes (a channel nobody sends on, a lock never released, a message never published)?`,
    ...(where ? { location: where } : {}),
  };
}

/** `2m0s`, `3s`, `1.5s` → `120 s`, `3 s`, `1.5 s`. */
function seconds(goDuration: string): string {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:([\d.]+)s)?$/.exec(goDuration);
  if (!m) return goDuration;
  const total = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return `${total} s`;
}

/** `WARNING: DATA RACE`: the two accesses, at the learner's lines. */
export function raceProblem(test: string, output: readonly string[], folder: string): CheckProblem | undefined {
  const start = output.findIndex((l) => /WARNING: DATA RACE/.test(l));
  if (start < 0) return undefined;
  const report = output.slice(start);
  const accesses: string[] = [];
  let location: CheckLocation | undefined;
  for (let i = 0; i < report.length && accesses.length < 2; i++) {
    const m = /^(Previous )?(write|read) at \S+ by (?:goroutine \d+|main goroutine):/i.exec(report[i] ?? '');
    if (!m) continue;
    // The first frame of this access that is the learner's code.
    const next = report.slice(i + 1).findIndex((l) => /^(Previous )?(write|read) at |^Goroutine \d+ \(|^={5,}/i.test(l));
    const frames = folderFrames(report.slice(i + 1, next < 0 ? undefined : i + 1 + next), folder);
    const frame = frames[0];
    accesses.push(`${(m[2] ?? '').toLowerCase()}${frame ? ` at ${frame.file}:${frame.line}` : ''}`);
    if (frame && !location) location = frame;
  }
  const detail = accesses.length > 0 ? ` (${accesses.join(', ')})` : '';
  return {
    message: `${test}: data race${detail}: two goroutines use the same data and at least one writes, without a lock. Guard it with a sync.Mutex (or RWMutex), or hand it over through a channel.`,
    ...(location ? { location } : {}),
  };
}
