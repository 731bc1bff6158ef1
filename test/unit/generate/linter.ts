import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './helpers';

export interface LinterRun {
  readonly code: number;
  readonly output: string;
  readonly errors: number;
  readonly warnings: number;
}

const cli = path.join(repoRoot, 'node_modules', '@eventcatalog', 'linter', 'dist', 'cli', 'index.js');

/** Runs the real @eventcatalog/linter CLI on a catalog folder (it reads that folder's .eventcatalogrc.js). */
export function runEventCatalogLinter(dir: string): Promise<LinterRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, dir], { cwd: dir, timeout: 60_000, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } }, (err, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      const summary = /(\d+) errors?, (\d+) warnings?/.exec(output);
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, output, errors: summary ? Number(summary[1]) : code === 0 ? 0 : -1, warnings: summary ? Number(summary[2]) : 0 });
    });
  });
}
