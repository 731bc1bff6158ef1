/**
 * Reads the event stream of `go test -json` (see `go doc test2json`): which tests
 * ran, which failed with what output, and what broke the build. Pure: the caller
 * maps file names to the learner's folder.
 */

interface TestEvent {
  Action?: string;
  Package?: string;
  Test?: string;
  Output?: string;
  ImportPath?: string;
}

export interface FailedTest {
  readonly pkg: string;
  readonly test: string;
  readonly output: readonly string[];
}

export interface GoTestReport {
  /** Top-level and sub-test names that started running, per package. */
  readonly ran: ReadonlyArray<{ pkg: string; test: string }>;
  readonly passed: ReadonlyArray<{ pkg: string; test: string }>;
  /** Skipped tests with their output (the t.Skip reason). */
  readonly skipped: readonly FailedTest[];
  /** Failed tests with no failed sub-test of their own (the ones to show). */
  readonly failed: readonly FailedTest[];
  /** Tests that started and never ended (the binary was killed: `-timeout`, a crash in another goroutine). */
  readonly unfinished: readonly FailedTest[];
  /** Packages that failed outside any test (build failure, panic in init, TestMain). */
  readonly failedPackages: ReadonlyArray<{ pkg: string; output: readonly string[] }>;
  /** Compiler output of packages that did not build (`build-output` events, Go 1.24+). */
  readonly buildOutput: readonly string[];
  /** Lines that were not JSON (older Go prints build errors on stderr, some tools print plain text). */
  readonly plainLines: readonly string[];
}

export function parseGoTestJson(stdout: string): GoTestReport {
  const outputs = new Map<string, string[]>();
  const ran: { pkg: string; test: string }[] = [];
  const passed: { pkg: string; test: string }[] = [];
  const skipped: { pkg: string; test: string }[] = [];
  const failedKeys: { pkg: string; test: string }[] = [];
  const failedPkgs: string[] = [];
  const buildOutput: string[] = [];
  const plainLines: string[] = [];
  const key = (pkg: string, test: string) => `${pkg}\u0000${test}`;

  for (const line of stdout.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    let ev: TestEvent;
    try {
      ev = JSON.parse(line) as TestEvent;
    } catch {
      plainLines.push(line);
      continue;
    }
    const pkg = ev.Package ?? ev.ImportPath ?? '';
    const test = ev.Test ?? '';
    switch (ev.Action) {
      case 'run':
        ran.push({ pkg, test });
        break;
      case 'output': {
        const k = key(pkg, test);
        const list = outputs.get(k) ?? [];
        list.push((ev.Output ?? '').replace(/\r?\n$/, ''));
        outputs.set(k, list);
        break;
      }
      case 'build-output':
        buildOutput.push((ev.Output ?? '').replace(/\r?\n$/, ''));
        break;
      case 'pass':
        if (test) passed.push({ pkg, test });
        break;
      case 'skip':
        if (test) skipped.push({ pkg, test });
        break;
      case 'fail':
        if (test) failedKeys.push({ pkg, test });
        else failedPkgs.push(pkg);
        break;
      default:
        // start, pause, cont, bench and events without an Action carry nothing a check reports.
        break;
    }
  }

  // A parent test fails when a sub-test does; show only the innermost failures.
  const failed = failedKeys.filter((f) => !failedKeys.some((g) => g.pkg === f.pkg && g.test.startsWith(`${f.test}/`))).map((f) => ({ ...f, output: outputs.get(key(f.pkg, f.test)) ?? [] }));
  const failedPackages = failedPkgs.filter((pkg) => !failed.some((f) => f.pkg === pkg)).map((pkg) => ({ pkg, output: outputs.get(key(pkg, '')) ?? [] }));
  const ended = new Set([...passed, ...skipped, ...failedKeys].map((r) => key(r.pkg, r.test)));
  const unfinished = ran.filter((r) => r.test && !ended.has(key(r.pkg, r.test))).map((r) => ({ ...r, output: outputs.get(key(r.pkg, r.test)) ?? [] }));
  const skippedTests = skipped.map((r) => ({ ...r, output: outputs.get(key(r.pkg, r.test)) ?? [] }));
  return { ran, passed, skipped: skippedTests, failed, unfinished, failedPackages, buildOutput, plainLines };
}

/** `    users_test.go:25: got 0 users` → the file, line and message `t.Errorf` printed. */
export function firstAssertion(output: readonly string[]): { file: string; line: number; message: string } | undefined {
  for (let i = 0; i < output.length; i++) {
    const m = /^\s+([\w.\-]+\.go):(\d+): ?(.*)$/.exec(output[i] ?? '');
    if (!m) continue;
    // Multi-line messages continue on lines indented deeper than the file name.
    const rest: string[] = [];
    for (let j = i + 1; j < output.length && /^\s{8,}\S/.test(output[j] ?? ''); j++) rest.push((output[j] ?? '').trim());
    return { file: m[1] ?? '', line: Number(m[2]), message: [m[3] ?? '', ...rest].join(' ').trim() };
  }
  return undefined;
}

/** The stack frames of a panic that lie in the learner's folder (absolute paths, innermost first); empty without a panic. */
export function panicFrames(output: readonly string[], folder: string): { file: string; line: number }[] {
  if (!output.some((l) => /panic:/.test(l))) return [];
  const out: { file: string; line: number }[] = [];
  for (const l of output) {
    const m = /^\s+(\S+\.go):(\d+)(?: \+0x[0-9a-f]+)?$/.exec(l);
    if (m && (m[1] ?? '').startsWith(folder)) out.push({ file: m[1] ?? '', line: Number(m[2]) });
  }
  return out;
}

/** `panic: runtime error: index out of range [0] with length 0 [recovered]` → what panicked, without Go's markers. */
export function panicMessage(output: readonly string[]): string | undefined {
  const line = output.find((l) => /^panic: /.test(l.trim()));
  return line
    ?.trim()
    .replace(/^panic: /, '')
    .replace(/\s*\[recovered(?:, repanicked)?\]$/, '')
    .trim();
}
