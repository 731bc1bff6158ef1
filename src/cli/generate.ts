/**
 * `edgo catalog`, `edgo docs`, `edgo asyncapi`: generate an EventCatalog, Markdown +
 * Mermaid docs or AsyncAPI documents from the event YAML of a folder.
 * Files that exist are never changed without `--force` (new files are just written).
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { UnreadableFileError } from '../core/host/boundedRead';
import { errorMessage } from '../core/errorMessage';
import { RefusedWriteError } from '../core/host/guardedWrite';
import { applyPlan, defaultOut, describePlan, planGeneration, type GeneratorKind } from '../core/generate/index';
import type { GenFs } from '../core/generate/fs';
import { nodeFs } from '../core/host/nodeGenerateFs';
import type { CliCommand } from './commands';

export interface GenerateCliDeps {
  readonly fs: GenFs;
  readonly cwd: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const usages: Record<GeneratorKind, string> = {
  catalog: 'catalog [folder] [--out dir] [--dry-run] [--force]',
  docs: 'docs [folder] [--out dir] [--no-readme] [--dry-run] [--force]',
  asyncapi: 'asyncapi [folder] [--out dir] [--dry-run] [--force]',
};

const options = {
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  'no-readme': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export async function runGenerateCli(kind: GeneratorKind, args: readonly string[], deps: GenerateCliDeps): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (err) {
    deps.err(`edgo ${kind}: ${errorMessage(err)}\nUsage: edgo ${usages[kind]}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    deps.out(`Usage: edgo ${usages[kind]}\n`);
    return 0;
  }
  if (positionals.length > 1 || (kind !== 'docs' && values['no-readme'])) {
    deps.err(`edgo ${kind}: ${positionals.length > 1 ? `one folder at most, got ${positionals.join(' ')}` : '--no-readme is an option of edgo docs'}\nUsage: edgo ${usages[kind]}\n`);
    return 2;
  }
  const out = values.out;
  if (out !== undefined && (out === '' || path.isAbsolute(out) || out.split(/[\\/]/).includes('..'))) {
    deps.err(`edgo ${kind}: --out must be a folder inside the workspace, e.g. --out ${defaultOut[kind]}\n`);
    return 2;
  }
  const root = toPosix(path.resolve(deps.cwd, positionals[0] ?? '.'));
  if ((await deps.fs.list(root)).length === 0) {
    deps.err(`edgo ${kind}: ${root} is empty or not a folder\n`);
    return 2;
  }
  try {
    return await generate(kind, root, { out, readme: !values['no-readme'], dryRun: values['dry-run'] === true, force: values.force === true }, deps);
  } catch (err) {
    // A link out of the folder, a device where a file should be: say which and stop.
    if (err instanceof RefusedWriteError || err instanceof UnreadableFileError) {
      deps.err(`edgo ${kind}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

interface RunOptions {
  readonly out: string | undefined;
  readonly readme: boolean;
  readonly dryRun: boolean;
  readonly force: boolean;
}

async function generate(kind: GeneratorKind, root: string, o: RunOptions, deps: GenerateCliDeps): Promise<number> {
  const plan = await planGeneration(deps.fs, { kind, root, ...(o.out !== undefined ? { out: o.out } : {}), readme: o.readme });
  for (const w of plan.warnings) deps.err(`warning: ${w}\n`);
  if (plan.events === 0) {
    deps.err(`edgo ${kind}: no event YAML found under ${root} (files in an events/ folder or named *.event.yaml)\n`);
    return 1;
  }
  const lines = describePlan(plan);
  const relative = toPosix(path.relative(deps.cwd, plan.root));
  const where = relative === '' ? '.' : relative.startsWith('..') ? plan.root : relative;
  deps.out(`${plan.events} event(s), ${plan.services} service(s) -> ${where}: ${plan.changes.length} change(s), ${plan.unchanged.length} unchanged\n${lines.join('\n')}${lines.length ? '\n' : ''}`);
  if (o.dryRun) return 0;
  const result = await applyPlan(deps.fs, plan, { confirmed: o.force });
  if (result.skipped.length > 0) {
    deps.err(`Left alone (they exist; --force changes them, keeping your text outside the generated parts):\n${result.skipped.map((s) => `  ${s}`).join('\n')}\n`);
  }
  if (kind === 'catalog' && result.written.length > 0) deps.out(`Run it: cd ${where} && npm install && npx @eventcatalog/core dev\n`);
  return 0;
}

const nodeDeps = (): GenerateCliDeps => ({
  fs: nodeFs,
  cwd: process.cwd(),
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
});

function command(kind: GeneratorKind, summary: string): CliCommand {
  return { name: kind, usage: usages[kind], summary, run: (args) => runGenerateCli(kind, args, nodeDeps()) };
}

export const catalogCommand = command('catalog', 'Generate an EventCatalog folder from the event YAML and Go services.');
export const docsCommand = command('docs', 'Generate Markdown + Mermaid docs (events, service APIs, architecture, README blocks).');
export const asyncapiCommand = command('asyncapi', 'Export one AsyncAPI 3.0 document per service.');
