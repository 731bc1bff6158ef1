/**
 * The real `ProcessRunner`: spawns the tool, collects its output, enforces a timeout.
 * On POSIX the tool runs in a process group of its own, and the whole group is
 * killed when the tool ends, times out or is cancelled: a test that starts
 * `sleep 1000` (or a server) leaves nothing running after the check.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { ProcessOptions, ProcessResult, ProcessRunner } from '../checks/types';

const maxOutput = 8 * 1024 * 1024;
const ownGroup = process.platform !== 'win32';

/** Kills the child and everything it started in its process group (POSIX), else just the child. */
function killTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  if (ownGroup) {
    try {
      process.kill(-child.pid, 'SIGKILL');
      return;
    } catch {
      // The group is already gone: fall through to the child itself.
    }
  }
  try {
    child.kill('SIGKILL');
  } catch {
    // Already exited.
  }
}

export const nodeProcessRunner: ProcessRunner = {
  run(command: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
    return new Promise((resolve) => {
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      let settled = false;
      let exitCode: number | null = null;
      const finish = (r: ProcessResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        resolve(r);
      };
      const child = spawn(command, [...args], {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
        // A new process group, so the group (the tool and whatever it started) can be killed at once.
        detached: ownGroup,
      });
      const onAbort = () => killTree(child);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      if (options.signal?.aborted) killTree(child);
      const timer = setTimeout(() => {
        timedOut = true;
        killTree(child);
      }, options.timeoutMs ?? 120_000);
      child.stdout?.setEncoding('utf8').on('data', (d: string) => {
        if (stdout.length < maxOutput) stdout += d;
      });
      child.stderr?.setEncoding('utf8').on('data', (d: string) => {
        if (stderr.length < maxOutput) stderr += d;
      });
      child.on('error', (err: NodeJS.ErrnoException) => {
        finish({ exitCode: null, stdout, stderr: stderr || err.message, notFound: err.code === 'ENOENT' || err.code === 'EACCES', timedOut });
      });
      // The tool has ended: whatever it left running in its group goes too (and with it any pipe it kept open).
      child.on('exit', (code) => {
        exitCode = code;
        killTree(child);
      });
      child.on('close', (code) => finish({ exitCode: timedOut ? null : (exitCode ?? code), stdout, stderr, timedOut }));
    });
  },
};
