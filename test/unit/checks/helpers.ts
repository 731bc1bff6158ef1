// Shared by the checks' unit tests: a fake `go`, temp folders, the fixture module.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProcessResult, ProcessRunner } from '../../../src/core/checks';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const fixtureModules = path.join(repoRoot, 'test', 'fixtures', 'modules');

export interface FakeRunner extends ProcessRunner {
  readonly calls: Array<{ command: string; args: readonly string[]; cwd: string | undefined }>;
}

/** A runner that answers each `go <subcommand>` with what `answer` returns. */
export function fakeGo(answer: (sub: string, args: readonly string[]) => Partial<ProcessResult>): FakeRunner {
  const calls: FakeRunner['calls'] = [];
  return {
    calls,
    async run(command, args, options) {
      calls.push({ command, args, cwd: options.cwd });
      return { exitCode: 0, stdout: '', stderr: '', ...answer(args[0] ?? '', args) };
    },
  };
}

/** `go` is not on PATH. */
export const noGo: ProcessRunner = { run: async () => ({ exitCode: null, stdout: '', stderr: 'spawn go ENOENT', notFound: true }) };

/** A temp folder holding `files` (path → content); removed by the returned `dispose`. */
export function tempFolder(files: Record<string, string>): { dir: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-checks-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** go test -json lines from event objects. */
export const jsonLines = (events: object[]) => events.map((e) => JSON.stringify(e)).join('\n');
