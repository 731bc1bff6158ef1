/**
 * The generators behind `edgo catalog|docs|asyncapi` and the extension's
 * commands: read the workspace, plan the files, let the caller confirm, apply.
 */
import { planAsyncApi } from './asyncapi/index';
import { planCatalog } from './catalog/index';
import { planDocs } from './docs/index';
import type { GenFs } from './fs';
import { joinPaths } from '../paths';
import { applyPlan, needsConfirmation, type ApplyResult, type Plan } from './plan';
import { loadWorkspace } from './workspace';

export type GeneratorKind = 'catalog' | 'docs' | 'asyncapi';

export interface GenerateRequest {
  readonly kind: GeneratorKind;
  /** The workspace folder (absolute, POSIX or what `fs` understands). */
  readonly root: string;
  /** Output folder relative to `root`: `eventcatalog`, `docs`, `asyncapi` by default. */
  readonly out?: string;
  /** Docs only: also update README.md. */
  readonly readme?: boolean;
}

export const defaultOut: Record<GeneratorKind, string> = { catalog: 'eventcatalog', docs: 'docs', asyncapi: 'asyncapi' };

/** Reads the workspace and plans the files; writes nothing. */
export async function planGeneration(fs: GenFs, request: GenerateRequest): Promise<Plan & { events: number; services: number }> {
  const out = request.out ?? defaultOut[request.kind];
  // Generated output is never read back as input.
  const input = await loadWorkspace(fs, request.root, { exclude: [out, defaultOut.catalog] });
  const outDir = joinPaths(request.root, out);
  const plan =
    request.kind === 'catalog' ? await planCatalog(input, fs, outDir) : request.kind === 'asyncapi' ? await planAsyncApi(input, fs, outDir) : await planDocs(input, fs, request.root, { docsDir: out, readme: request.readme ?? true });
  return { ...plan, base: request.root, events: input.events.length, services: input.services.length };
}

export { applyPlan, needsConfirmation, type ApplyResult, type Plan };

/** One line per change, for a CLI or an output channel. */
export function describePlan(plan: Plan): string[] {
  const verb: Record<string, string> = { create: 'create', update: 'update', merge: 'update (your text kept)', overwrite: 'REPLACE your edited file', move: 'move' };
  return plan.changes.map((c) => (c.kind === 'move' ? `  move     ${c.from} -> ${c.path}` : `  ${verb[c.kind]!.padEnd(8)} ${c.path}`));
}
