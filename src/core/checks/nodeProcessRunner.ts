/** The real `ProcessRunner`: spawns the tool, collects its output, enforces a timeout. */
import { spawn } from 'node:child_process';
import type { ProcessOptions, ProcessResult, ProcessRunner } from './types';

const maxOutput = 8 * 1024 * 1024;

export const nodeProcessRunner: ProcessRunner = {
  run(command: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
    return new Promise((resolve) => {
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      let settled = false;
      const finish = (r: ProcessResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      const child = spawn(command, [...args], {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, options.timeoutMs ?? 120_000);
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        if (stdout.length < maxOutput) stdout += d;
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        if (stderr.length < maxOutput) stderr += d;
      });
      child.on('error', (err: NodeJS.ErrnoException) => {
        finish({ exitCode: null, stdout, stderr: stderr || err.message, notFound: err.code === 'ENOENT', timedOut });
      });
      child.on('close', (code) => finish({ exitCode: timedOut ? null : code, stdout, stderr, timedOut }));
    });
  },
};
