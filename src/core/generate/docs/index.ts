/**
 * Markdown + Mermaid docs from the generators' input:
 *   <docs>/events/<id>.md, <docs>/services/<id>.md, <docs>/architecture.md,
 *   and generated blocks in the workspace README.
 * Generated parts sit between `<!-- edgo:begin name -->` and
 * `<!-- edgo:end name -->`; regenerating replaces only those, so the learner's
 * text around them stays.
 */
import type { GenFs } from '../fs';
import type { GenerationInput } from '../input';
import { ensureSections, upsertBlocks } from '../markers';
import { PlanBuilder, type Plan } from '../plan';
import { architecturePage, eventPage, readmeBlocks, servicePage, type Block, type Section } from './pages';

export interface DocsOptions {
  /** Docs folder relative to the workspace root (default `docs`). */
  readonly docsDir?: string;
  /** Also put the blocks into the workspace's README.md (default true). */
  readonly readme?: boolean;
}

/** Plans the docs; paths in the plan are relative to `root` (the workspace). */
export async function planDocs(input: GenerationInput, fs: GenFs, root: string, options: DocsOptions = {}): Promise<Plan> {
  const docsDir = options.docsDir ?? 'docs';
  const plan = await PlanBuilder.start(fs, root);
  plan.warnings.push(...input.warnings);
  const write = async (rel: string, page: { title: string; blocks: Block[]; sections?: Section[] }): Promise<void> => {
    const existing = await plan.read(rel);
    const withBlocks = upsertBlocks(existing ?? page.title, page.blocks);
    await plan.merged(rel, page.sections ? ensureSections(withBlocks, page.sections, page.blocks[0]?.name) : withBlocks);
  };
  for (const e of input.events) await write(`${docsDir}/events/${e.id}.md`, eventPage(e, input));
  for (const s of input.services) await write(`${docsDir}/services/${s.id}.md`, servicePage(s, input));
  await write(`${docsDir}/architecture.md`, architecturePage(input));
  if (options.readme ?? true) {
    const name = input.services.length ? input.services.map((s) => s.name).join(' and ') : 'Services';
    await write('README.md', { title: `# ${name}\n\n## Setup\n\nHow to build and run the services (fill in).\n`, blocks: readmeBlocks(input, docsDir) });
  }
  return plan.finish();
}
