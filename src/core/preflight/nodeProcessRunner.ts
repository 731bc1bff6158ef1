import { execFile } from 'node:child_process';
import type { ProcessResult, ProcessRunner, RunOptions } from './processRunner';

/** The real runner: `execFile` (no shell), output capped, a timeout so a hung daemon cannot block. */
export const nodeProcessRunner: ProcessRunner = {
  run(command: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
    return new Promise((resolve) => {
      execFile(
        command,
        [...args],
        { cwd: options.cwd, env: options.env, timeout: options.timeoutMs ?? 15_000, maxBuffer: 1024 * 1024, windowsHide: true, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (!error) return resolve({ kind: 'exited', exitCode: 0, stdout, stderr });
          const err = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: number | string };
          if (err.code === 'ENOENT' || err.code === 'EACCES') return resolve({ kind: 'not-found', message: err.message });
          if (err.killed && err.signal) return resolve({ kind: 'timeout', stdout, stderr });
          if (typeof err.code === 'number') return resolve({ kind: 'exited', exitCode: err.code, stdout, stderr });
          resolve({ kind: 'failed', message: err.message });
        },
      );
    });
  },
};
