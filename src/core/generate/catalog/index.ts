/**
 * EventCatalog (4.x layout, also read by 3.x) from the generators' input:
 *   events/<id>/index.mdx + schema.json, services/<id>/index.mdx,
 *   domains/<id>/index.mdx, channels/<subject>/index.mdx, teams/<id>.mdx,
 *   eventcatalog.config.js, package.json.
 * Re-running is idempotent. Frontmatter is regenerated (keys the learner added
 * are kept, names/summaries/badges the learner changed are kept, owners are
 * merged); bodies are never touched. When an event's version changes, the
 * previous page and schema move to `versioned/<old version>/`.
 */
import type { GenFs } from '../fs';
import type { GenDomain, GenEvent, GenService, GenTeam, GenerationInput } from '../input';
import { joinMdx, mergeFrontmatter, splitMdx, type MergePolicy } from '../frontmatter';
import { PlanBuilder, type Plan } from '../plan';
import { asyncApiYaml } from '../asyncapi/index';
import { channelBody, configJs, domainBody, eventBody, gitignore, linterConfig, packageJson, serviceBody, teamBody } from './templates';

export interface CatalogOptions {
  /** Shown as the catalog's title. */
  readonly title?: string;
  /** npm package name of the catalog folder. */
  readonly packageName?: string;
}

/** Learner-owned keys survive; structural keys always follow the YAML. */
const policy: MergePolicy = {
  name: 'learner',
  summary: 'learner',
  badges: 'learner',
  owners: 'union',
  version: 'generated',
};
const servicePolicy: MergePolicy = { ...policy, version: 'learner', repository: 'learner' };

/** Plans the catalog under `outDir` (absolute or relative to what `fs` understands). */
export async function planCatalog(input: GenerationInput, fs: GenFs, outDir: string, options: CatalogOptions = {}): Promise<Plan> {
  const plan = await PlanBuilder.start(fs, outDir);
  plan.warnings.push(...input.warnings);
  await plan.generated('eventcatalog.config.js', configJs(options.title ?? 'Event-Driven Go Lab'));
  await plan.generated('package.json', packageJson(options.packageName ?? 'edgo-event-catalog'));
  await plan.generated('.gitignore', gitignore);
  await plan.generated('.eventcatalogrc.js', linterConfig);

  for (const e of input.events) await planEvent(plan, e, input);
  for (const s of input.services) {
    // The service's AsyncAPI document sits beside its page; EventCatalog renders it from `specifications`.
    const hasSpec = s.sends.length + s.receives.length > 0;
    if (hasSpec) await plan.generated(`services/${s.id}/asyncapi.yaml`, asyncApiYaml(s, input));
    await page(plan, `services/${s.id}/index.mdx`, serviceFrontmatter(s, input, hasSpec), serviceBody(s), servicePolicy);
  }
  for (const d of input.domains) await page(plan, `domains/${d.id}/index.mdx`, domainFrontmatter(d), domainBody(d), policy);
  for (const subject of [...new Set(input.events.map((e) => e.subject))].sort()) {
    const events = input.events.filter((e) => e.subject === subject);
    await page(plan, `channels/${subject}/index.mdx`, channelFrontmatter(subject, events), channelBody(subject), policy);
  }
  for (const t of input.teams) await page(plan, `teams/${t.id}.mdx`, teamFrontmatter(t), teamBody(t), { name: 'learner', summary: 'learner' });
  return plan.finish();
}

async function planEvent(plan: PlanBuilder, e: GenEvent, input: GenerationInput): Promise<void> {
  const dir = `events/${e.id}`;
  const current = await plan.read(`${dir}/index.mdx`);
  const previous = current !== undefined ? splitMdx(current).data : undefined;
  const oldVersion = typeof previous?.version === 'string' ? previous.version : undefined;
  if (oldVersion !== undefined && oldVersion !== e.version) {
    const target = `${dir}/versioned/${oldVersion}`;
    if (await plan.exists(`${target}/index.mdx`)) {
      plan.warnings.push(`${dir}: versioned/${oldVersion} already exists; the page of version ${oldVersion} was not moved again`);
    } else {
      // The old page stays readable as it was; the learner's body is carried to the new version too.
      await plan.merged(`${target}/index.mdx`, current!);
      if (await plan.exists(`${dir}/schema.json`)) await plan.move(`${dir}/schema.json`, `${target}/schema.json`);
    }
  }
  await plan.generated(`${dir}/schema.json`, `${JSON.stringify(e.schema, null, 2)}\n`);
  await page(plan, `${dir}/index.mdx`, eventFrontmatter(e, input), eventBody(e), policy);
}

/** Writes a page: new frontmatter merged into the existing one, the existing body kept. */
async function page(plan: PlanBuilder, rel: string, generated: Record<string, unknown>, firstBody: string, mergePolicy: MergePolicy): Promise<void> {
  const existing = await plan.read(rel);
  if (existing === undefined) return plan.merged(rel, joinMdx(generated, firstBody));
  const { data, body } = splitMdx(existing);
  if (data === undefined && existing.trimStart().startsWith('---')) {
    // Broken YAML between the fences: leave the learner's file alone and say so.
    plan.warnings.push(`${plan.root}/${rel}: its frontmatter is not valid YAML; fix it and generate again`);
    return;
  }
  await plan.merged(rel, joinMdx(mergeFrontmatter(generated, data, mergePolicy), body));
}

const badge = (content: string, color: string): Record<string, string> => ({ content, backgroundColor: color, textColor: color });

function eventFrontmatter(e: GenEvent, _input: GenerationInput): Record<string, unknown> {
  return {
    id: e.id,
    name: e.title,
    version: e.version,
    summary: e.summary,
    owners: e.owners,
    badges: [badge(`Subject: ${e.subject}`, 'blue'), badge('NATS JetStream', 'green')],
    schemaPath: 'schema.json',
  };
}

function serviceFrontmatter(s: GenService, input: GenerationInput, hasSpec: boolean): Record<string, unknown> {
  const byId = new Map(input.events.map((e) => [e.id, e]));
  const ref = (dir: 'to' | 'from') => (id: string) => {
    const e = byId.get(id)!;
    return { id, version: e.version, [dir]: [{ id: e.subject }] };
  };
  return {
    id: s.id,
    name: s.name,
    version: '1.0.0',
    summary: `${s.name}: sends ${list(s.sends)}; receives ${list(s.receives)}.`,
    owners: s.owners,
    repository: { language: 'Go' },
    sends: s.sends.map(ref('to')),
    receives: s.receives.map(ref('from')),
    ...(hasSpec ? { specifications: [{ type: 'asyncapi', path: 'asyncapi.yaml', name: 'AsyncAPI 3.0' }] } : {}),
  };
}

function list(ids: readonly string[]): string {
  return ids.length ? ids.join(', ') : 'nothing';
}

function domainFrontmatter(d: GenDomain): Record<string, unknown> {
  return {
    id: d.id,
    name: d.name,
    version: '1.0.0',
    summary: `The ${d.name} bounded context: ${d.services.join(', ')}.`,
    owners: d.owners,
    services: d.services.map((id) => ({ id })),
  };
}

function channelFrontmatter(subject: string, events: readonly GenEvent[]): Record<string, unknown> {
  return {
    id: subject,
    name: subject,
    version: '1.0.0',
    summary: `NATS subject carrying ${events.map((e) => e.name).join(', ')}.`,
    owners: [...new Set(events.flatMap((e) => e.owners))],
    address: subject,
    protocols: ['nats'],
    deliveryGuarantee: 'at-least-once',
  };
}

function teamFrontmatter(t: GenTeam): Record<string, unknown> {
  return { id: t.id, name: t.name, summary: `The team that owns what lists ${t.id} as owner.` };
}
