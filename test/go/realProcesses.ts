/**
 * Shared by the tests that run course solutions as real processes beside a real
 * nats-server: finding the tools, free ports, starting and stopping processes,
 * and waiting for a condition with a deadline.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';

export const natsServer = [process.env.EDGO_NATS_SERVER, '/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p): p is string => !!p && fs.existsSync(p));
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;

/** The skip reason for node:test, or false when go and nats-server are both there. */
export const skipWithoutGoAndNats: string | false = !natsServer ? 'nats-server is not installed (apt-get install nats-server)' : !hasGo ? 'go is not on PATH' : false;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Ends a started process (SIGTERM) and resolves once it is gone. */
export function stop(proc: { readonly child: ChildProcess } | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.child.once('exit', () => resolve());
    proc.child.kill('SIGTERM');
  });
}

/** Polls `probe` until it returns a value: a condition with a deadline, not a fixed sleep. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A started process whose output is kept for failure messages. */
export interface Proc {
  readonly name: string;
  readonly child: ChildProcess;
  output: string;
  /** Resolves once the output matches `pattern`; rejects if the process exits first or the time runs out. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
}

export function startProcess(name: string, command: string, args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const proc: Proc = {
    name,
    child,
    output: '',
    waitForOutput(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not print ${pattern} in ${timeoutMs} ms:\n${proc.output}`)), timeoutMs);
        const check = (): void => {
          if (pattern.test(proc.output)) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout?.on('data', check);
        child.stderr?.on('data', check);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`${name} exited with ${code}:\n${proc.output}`));
        });
        check();
      });
    },
  };
  const keep = (chunk: Buffer): void => {
    proc.output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return proc;
}
