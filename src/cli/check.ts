/**
 * `edgo check <module> [folder] [--format json]`: runs a module's checks in a folder
 * (default: the current one) and prints each with pass/fail and `file:line`.
 * Exit code 0 when all pass, 1 when one fails, 2 for a usage or module.json error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { findModule } from '../core/modules';
import { readBoundedTextSync } from '../core/host/boundedRead';
import { defaultStateDir, fileFailureCounts, formatLocation, loadModule, markerFileName, nodeCourseFs, nodeProcessRunner, readMarker, runChecks, type CheckResult, type FailureCounts, type ProcessRunner } from '../core/checks';
import { errorMessage } from '../core/errorMessage';
import { nodeToolFs } from '../core/host/nodeToolFs';
import { resolvingRunner } from '../core/tools/resolvingRunner';
import type { CliCommand } from './commands';

export interface CheckCliDeps {
  readonly runner: ProcessRunner;
  readonly walkthroughsRoot: string;
  readonly cwd: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Failures in a row per folder and check, for hints one at a time (none: always the first hint). */
  readonly failureCounts?: FailureCounts;
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

/** Every problem, located or not, and every note: the same facts as `--format json`. */
function formatText(results: readonly CheckResult[]): string {
  const width = Math.max(...results.map((r) => r.id.length), 2);
  const lines: string[] = [];
  const indent = (text: string, first: string, rest: string) => {
    const [head = '', ...tail] = text.split('\n');
    lines.push(`${first}${head}`, ...tail.map((l) => `${rest}${l}`));
  };
  for (const r of results) {
    lines.push(`${r.status === 'pass' ? 'pass' : 'FAIL'}  ${r.id.padEnd(width)}  ${r.title}`);
    if (r.status === 'fail') {
      const shown = r.problems.slice(0, 10);
      // The summary, unless it only repeats a problem listed below it.
      if (!shown.some((p) => r.message.includes(p.message.split('\n')[0] ?? ''))) indent(r.message, '        ', '            ');
      for (const p of shown) {
        indent(p.message, `        ${p.location ? `${formatLocation(p.location)}: ` : ''}`, '            ');
        for (const r of p.related ?? []) lines.push(`            ${formatLocation(r.location)}: ${r.message}`);
      }
      if (r.problems.length > 10) lines.push(`        ... and ${r.problems.length - 10} more`);
    }
    if (r.hint) indent(r.hint.text, `        hint ${r.hint.index} of ${r.hint.of}: `, '            ');
    for (const n of r.notes ?? []) lines.push(`        note: ${n}`);
  }
  return lines.join('\n');
}

/** Why the folder's marker named no module, as a line ending in a newline; empty when there is no marker. */
function markerProblem(folder: string): string {
  const marker = path.join(folder, markerFileName);
  if (!fs.existsSync(marker)) return '';
  try {
    readBoundedTextSync(marker, 64 * 1024);
    return `edgo check: ${marker} does not name a course module.\n`;
  } catch (err) {
    return `edgo check: ${errorMessage(err)}\n`;
  }
}

export async function runCheckCli(args: readonly string[], deps: CheckCliDeps): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { format: { type: 'string', default: 'text' } }, allowPositionals: true });
  } catch (err) {
    deps.err(`edgo check: ${errorMessage(err)}\nUsage: edgo ${usage}\n`);
    return 2;
  }
  const format = parsed.values.format;
  if ((format !== 'text' && format !== 'json') || parsed.positionals.length > 2) {
    deps.err(`Usage: edgo ${usage}\n${format !== 'text' && format !== 'json' ? `--format is text or json, not ${format}.\n` : ''}`);
    return 2;
  }
  let [moduleKey, folderArg] = parsed.positionals;

  // `edgo check` or `edgo check <folder>` in a scaffolded folder: the marker names the module.
  if (moduleKey && !findModule(moduleKey) && folderArg === undefined && fs.existsSync(path.resolve(deps.cwd, moduleKey))) {
    folderArg = moduleKey;
    moduleKey = undefined;
  }
  const folder = path.resolve(deps.cwd, folderArg ?? '.');
  moduleKey ??= readMarker(folder)?.slug;
  if (!moduleKey) {
    deps.err(`${markerProblem(folder)}Usage: edgo ${usage}\nName the module (1-10 or its slug, e.g. 01-go-foundations); a folder scaffolded by the extension is recognised by its .edgo-module.json.\n`);
    return 2;
  }

  let loaded;
  try {
    loaded = loadModule(deps.walkthroughsRoot, moduleKey, { checkFiles: false });
  } catch (err) {
    deps.err(`edgo check: ${errorMessage(err)}\n`);
    return 2;
  }
  if (loaded.spec.checks.length === 0) {
    deps.err(`Module ${loaded.module.slug} has no checks yet.\n`);
    return 0;
  }

  let results: CheckResult[];
  try {
    if (format === 'text') deps.out(`Checking ${folder} against module ${loaded.module.slug} (${loaded.spec.title})\n`);
    results = await runChecks(loaded.spec, folder, { runner: deps.runner, fs: nodeCourseFs, moduleDir: loaded.dir, ...(deps.failureCounts ? { failureCounts: deps.failureCounts } : {}) });
  } catch (err) {
    deps.err(`edgo check: ${errorMessage(err)}\n`);
    return 2;
  }
  const failed = results.filter((r) => r.status === 'fail');
  if (format === 'json') {
    deps.out(`${JSON.stringify({ module: loaded.module.slug, folder, passed: failed.length === 0, results }, null, 2)}\n`);
  } else {
    deps.out(`${formatText(results)}\n\n${results.length - failed.length} of ${results.length} checks pass.\n`);
    const missing = results.find((r) => r.missingTool);
    if (missing) deps.out(`\n${missing.message}\n`);
    const stuck = failed.find((r) => (r.failures ?? 0) >= 2);
    if (stuck && loaded.spec.solution) {
      deps.out(`\n${stuck.id} has failed ${stuck.failures} times in a row. Stuck? The reference solution is in ${path.join(loaded.dir, loaded.spec.solution)} (compare one file at a time, e.g. with diff -u).\n`);
    }
  }
  return failed.length === 0 ? 0 : 1;
}

/**
 * The CLI's runner: go and helm found by the tool resolver (PATH first, then where
 * their installers put them), with a note on stderr when one is used from outside PATH.
 */
export function cliToolRunner(err: (text: string) => void): ProcessRunner {
  const told = new Set<string>();
  return resolvingRunner(nodeProcessRunner, {
    context: () => ({ platform: process.platform, hostEnv: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string')), fs: nodeToolFs }),
    onOutsidePath: (found) => {
      if (told.has(found.tool)) return;
      told.add(found.tool);
      err(`Note: ${found.tool} is not on your PATH; using ${found.path}. Add ${found.dir} to PATH to use it in your shell too.\n`);
    },
  });
}

export const checkCommand: CliCommand = {
  name: 'check',
  usage,
  summary: "Run a module's checks in a folder (default: here); exit 1 when one fails.",
  run: (args) =>
    runCheckCli(args, {
      runner: cliToolRunner((t) => process.stderr.write(t)),
      walkthroughsRoot: findWalkthroughsRoot(),
      cwd: process.cwd(),
      out: (t) => process.stdout.write(t),
      err: (t) => process.stderr.write(t),
      failureCounts: fileFailureCounts(path.join(defaultStateDir(), 'check-failures.json')),
    }),
};
