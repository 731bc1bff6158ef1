/**
 * `edgo check <module> [folder] [--format json]`: runs a module's checks in a folder
 * (default: the current one) and prints each with pass/fail and `file:line`.
 * Exit code 0 when all pass, 1 when one fails, 2 for a usage or module.json error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findModule } from '../core/modules';
import { formatLocation, loadModule, nodeProcessRunner, readMarker, runChecks, type CheckResult, type ProcessRunner } from '../core/checks';
import type { CliCommand } from './commands';

export interface CheckCliDeps {
  readonly runner: ProcessRunner;
  readonly walkthroughsRoot: string;
  readonly cwd: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const usage = 'check <module> [folder] [--format json]';

/** The `walkthroughs/` folder next to the bundle (dist/cli.js) or the sources (src/cli/check.ts). */
export function findWalkthroughsRoot(start = __dirname): string {
  if (process.env.EDGO_WALKTHROUGHS) return path.resolve(process.env.EDGO_WALKTHROUGHS);
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'walkthroughs');
    if (fs.existsSync(candidate) && fs.existsSync(path.join(dir, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return path.resolve(start, '..', 'walkthroughs');
  }
}

function formatText(results: readonly CheckResult[]): string {
  const width = Math.max(...results.map((r) => r.id.length), 2);
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.status === 'pass' ? '✓ pass' : '✗ FAIL'}  ${r.id.padEnd(width)}  ${r.title}`);
    if (r.status === 'pass') continue;
    const located = r.problems.filter((p) => p.location);
    if (located.length === 0) lines.push(`        ${r.message}`);
    for (const p of located.slice(0, 10)) {
      const [first, ...rest] = p.message.split('\n');
      lines.push(`        ${formatLocation(p.location)}: ${first}`, ...rest.map((l) => `            ${l}`));
    }
    if (located.length > 10) lines.push(`        ... and ${located.length - 10} more`);
  }
  return lines.join('\n');
}

export async function runCheckCli(args: readonly string[], deps: CheckCliDeps): Promise<number> {
  const format = args.includes('--format=json') || args.join(' ').includes('--format json') ? 'json' : 'text';
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--format');
  let [moduleKey, folderArg] = positional;

  // `edgo check` or `edgo check <folder>` in a scaffolded folder: the marker names the module.
  if (moduleKey && !findModule(moduleKey) && folderArg === undefined && fs.existsSync(path.resolve(deps.cwd, moduleKey))) {
    folderArg = moduleKey;
    moduleKey = undefined;
  }
  const folder = path.resolve(deps.cwd, folderArg ?? '.');
  moduleKey ??= readMarker(folder)?.slug;
  if (!moduleKey) {
    deps.err(`Usage: edgo ${usage}\nName the module (1-10 or its slug, e.g. 01-go-foundations); a folder scaffolded by the extension is recognised by its .edgo-module.json.\n`);
    return 2;
  }

  let loaded;
  try {
    loaded = loadModule(deps.walkthroughsRoot, moduleKey, { checkFiles: false });
  } catch (err) {
    deps.err(`edgo check: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (loaded.spec.checks.length === 0) {
    deps.err(`Module ${loaded.module.slug} has no checks yet.\n`);
    return 0;
  }

  let results: CheckResult[];
  try {
    if (format === 'text') deps.out(`Checking ${folder} against module ${loaded.module.slug} (${loaded.spec.title})\n`);
    results = await runChecks(loaded.spec, folder, { runner: deps.runner });
  } catch (err) {
    deps.err(`edgo check: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const failed = results.filter((r) => r.status === 'fail');
  if (format === 'json') {
    deps.out(`${JSON.stringify({ module: loaded.module.slug, folder, passed: failed.length === 0, results }, null, 2)}\n`);
  } else {
    deps.out(`${formatText(results)}\n\n${results.length - failed.length} of ${results.length} checks pass.\n`);
    const missing = results.find((r) => r.missingTool);
    if (missing) deps.out(`\n${missing.message}\n`);
  }
  return failed.length === 0 ? 0 : 1;
}

export const checkCommand: CliCommand = {
  name: 'check',
  usage,
  summary: "Run a module's checks in a folder (default: here); exit 1 when one fails.",
  run: (args) =>
    runCheckCli(args, {
      runner: nodeProcessRunner,
      walkthroughsRoot: findWalkthroughsRoot(),
      cwd: process.cwd(),
      out: (t) => process.stdout.write(t),
      err: (t) => process.stderr.write(t),
    }),
};
