/**
 * `edgo catalog`, `edgo docs`, `edgo asyncapi`: generate an EventCatalog, Markdown +
 * Mermaid docs or AsyncAPI documents from the event YAML of a folder.
 * Files the learner edited are never replaced without `--force`.
 */
import * as path from 'node:path';
import { applyPlan, defaultOut, describePlan, planGeneration, type GeneratorKind } from '../core/generate/index';
import type { GenFs } from '../core/generate/fs';
import { nodeFs } from '../core/generate/nodeFs';
import type { CliCommand } from './commands';

export interface GenerateCliDeps {
  readonly fs: GenFs;
  readonly cwd: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const usages: Record<GeneratorKind, string> = {
  catalog: 'catalog [folder] [--out dir] [--dry-run] [--force]',
  docs: 'docs [folder] [--out dir] [--no-readme] [--dry-run]',
  asyncapi: 'asyncapi [folder] [--out dir] [--dry-run] [--force]',
};

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export async function runGenerateCli(kind: GeneratorKind, args: readonly string[], deps: GenerateCliDeps): Promise<number> {
  let folder: string | undefined;
  let out: string | undefined;
  let dryRun = false;
  let force = false;
  let readme = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dry-run') dryRun = true;
    else if (a === '--force') force = true;
    else if (a === '--no-readme') readme = false;
    else if (a === '--out') out = args[++i];
    else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else if (a === '--help' || a === '-h') {
      deps.out(`Usage: edgo ${usages[kind]}\n`);
      return 0;
    } else if (a.startsWith('-')) {
      deps.err(`edgo ${kind}: unknown option ${a}\nUsage: edgo ${usages[kind]}\n`);
      return 2;
    } else folder = a;
  }
  if (out !== undefined && (out === '' || path.isAbsolute(out) || out.split(/[\\/]/).includes('..'))) {
    deps.err(`edgo ${kind}: --out must be a folder inside the workspace, e.g. --out ${defaultOut[kind]}\n`);
    return 2;
  }
  const root = toPosix(path.resolve(deps.cwd, folder ?? '.'));
  if ((await deps.fs.list(root)).length === 0) {
    deps.err(`edgo ${kind}: ${root} is empty or not a folder\n`);
    return 2;
  }
  const plan = await planGeneration(deps.fs, { kind, root, ...(out !== undefined ? { out } : {}), readme });
  for (const w of plan.warnings) deps.err(`warning: ${w}\n`);
  if (plan.events === 0) {
    deps.err(`edgo ${kind}: no event YAML found under ${root} (files in an events/ folder or named *.event.yaml)\n`);
    return 1;
  }
  const lines = describePlan(plan);
  const relative = toPosix(path.relative(deps.cwd, plan.root));
  const where = relative === '' ? '.' : relative.startsWith('..') ? plan.root : relative;
  deps.out(`${plan.events} event(s), ${plan.services} service(s) -> ${where}: ${plan.changes.length} change(s), ${plan.unchanged.length} unchanged\n${lines.join('\n')}${lines.length ? '\n' : ''}`);
  if (dryRun) return 0;
  const result = await applyPlan(deps.fs, plan, { overwrite: force });
  if (result.skipped.length > 0) {
    deps.err(`Left alone (you edited them; --force replaces them):\n${result.skipped.map((s) => `  ${s}`).join('\n')}\n`);
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
