/** What happened when a tool was started. */
export type ProcessResult =
  | { readonly kind: 'exited'; readonly exitCode: number; readonly stdout: string; readonly stderr: string }
  /** The executable was not found (ENOENT) or is not executable (EACCES). */
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'timeout'; readonly stdout: string; readonly stderr: string }
  | { readonly kind: 'failed'; readonly message: string };

export interface RunOptions {
  readonly cwd?: string;
  /** The full environment for the process (PATH included). */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

/**
 * Runs a program with an argument array, never through a shell. Injected so the
 * preflight is tested with recorded outputs and the extension uses the real tools.
 */
export interface ProcessRunner {
  run(command: string, args: readonly string[], options?: RunOptions): Promise<ProcessResult>;
}
