/**
 * `event-catalog`: the learner's EventCatalog folder is valid (the event
 * validator of the language server, zero errors), documents every event of the
 * module's event YAML, and, when asked, has a person among each event's owners
 * and every service in a domain.
 */
import { EventService } from '../../events/eventService';
import { loadEventDefinitions } from '../../events/model';
import { splitMdx } from '../../generate/frontmatter';
import { kebab } from '../../generate/naming';
import { str } from '../fields';
import { defineCheckKind } from '../defineCheckKind';
import { matchFiles, readText } from '../files';
import { failWith } from '../goTool';
import type { CheckProblem, CheckSpec } from '../types';
import type { CourseFs } from '../courseFs';

interface Page {
  readonly file: string;
  readonly data: Record<string, unknown>;
}

const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v !== null ? String((v as { id?: unknown }).id ?? '') : '')).filter(Boolean) : []);

function flag(spec: CheckSpec, field: string): boolean {
  return spec[field] === true;
}

/** Resource pages of a collection, current versions only. */
function pages(fs: CourseFs, folder: string, catalog: string, collection: string): Page[] {
  const out: Page[] = [];
  for (const file of matchFiles(fs, folder, `${catalog}/**/${collection}/*/index.{md,mdx}`)) {
    const data = splitMdx(readText(fs, folder, file) ?? '').data;
    if (data) out.push({ file, data });
  }
  return out;
}

export const eventCatalogCheck = defineCheckKind({
  kind: 'event-catalog',
  fields: {
    catalog: { type: 'string', required: true, description: 'The EventCatalog folder' },
    events: { type: 'string', description: 'Event YAML files whose events need a page (a glob)' },
    requireUserOwner: { type: 'boolean', description: 'Every event has a person (users/) among its owners' },
    requireDomains: { type: 'boolean', description: 'Every service is in a domain' },
  },
  summary:
    'The EventCatalog folder `catalog` validates with no error, has a page for every event in the files matching `events` (optional), and with `requireUserOwner`/`requireDomains` every event has a person (users/) as owner and every service is in a domain.',
  async run(spec, ctx) {
    const catalog = (str(spec, 'catalog') ?? 'eventcatalog').replace(/\/+$/, '');
    const files = matchFiles(ctx.fs, ctx.folder, `${catalog}/**/*.{md,mdx,json}`);
    if (!files.some((f) => f.endsWith('.mdx') || f.endsWith('.md'))) {
      return failWith(`There is no EventCatalog in ${catalog}/ yet`, [{ message: `run "Event-Driven Go: Generate Event Catalog from Event YAML" (or edgo catalog .) to create ${catalog}/`, location: { file: catalog } }]);
    }
    const problems: CheckProblem[] = [];

    // 1. The language server's rules: no error in any page.
    const service = new EventService({ readLinked: (p) => readText(ctx.fs, ctx.folder, p) });
    for (const f of files) service.setFile(f, readText(ctx.fs, ctx.folder, f) ?? '');
    for (const f of service.paths()) {
      for (const d of service.diagnostics(f)) {
        if (d.severity === 'error') problems.push({ message: d.message, location: { file: f, line: d.range.start.line + 1, column: d.range.start.character + 1 } });
      }
    }

    // 2. Every event of the YAML has a page (id = the event name or its kebab form).
    const events = pages(ctx.fs, ctx.folder, catalog, 'events');
    const eventIds = new Set(events.filter((p) => !p.file.includes('/versioned/')).map((p) => String(p.data.id ?? '')));
    const glob = str(spec, 'events');
    let expected = 0;
    if (glob !== undefined) {
      for (const file of matchFiles(ctx.fs, ctx.folder, glob)) {
        if (file.startsWith(`${catalog}/`)) continue;
        for (const def of loadEventDefinitions(readText(ctx.fs, ctx.folder, file) ?? '', file)) {
          expected++;
          if (!eventIds.has(def.name) && !eventIds.has(kebab(def.name))) {
            problems.push({ message: `${def.name} has no page in ${catalog}/events/ (expected id ${kebab(def.name)} or ${def.name})`, location: { file, line: def.line + 1 } });
          }
        }
      }
    }

    // 3. A person among each event's owners.
    if (flag(spec, 'requireUserOwner')) {
      const users = new Set(matchFiles(ctx.fs, ctx.folder, `${catalog}/users/*.{md,mdx}`).map((f) => String(splitMdx(readText(ctx.fs, ctx.folder, f) ?? '').data?.id ?? '')));
      if (users.size === 0) problems.push({ message: `add yourself as a user: ${catalog}/users/<your-id>.mdx with id and name`, location: { file: `${catalog}/users` } });
      for (const p of events) {
        if (p.file.includes('/versioned/')) continue;
        if (!idsOf(p.data.owners).some((o) => users.has(o))) problems.push({ message: `event ${String(p.data.id)} has no person (a users/ id) among its owners`, location: { file: p.file, line: 1 } });
      }
    }

    // 4. Every service in a domain.
    if (flag(spec, 'requireDomains')) {
      const inDomain = new Set(pages(ctx.fs, ctx.folder, catalog, 'domains').flatMap((d) => idsOf(d.data.services)));
      for (const s of pages(ctx.fs, ctx.folder, catalog, 'services')) {
        const nested = /\/domains\/[^/]+\/services\//.test(s.file);
        if (!nested && !inDomain.has(String(s.data.id ?? ''))) problems.push({ message: `service ${String(s.data.id)} is in no domain: list it under services: of a domain page`, location: { file: s.file, line: 1 } });
      }
    }

    if (problems.length > 0) return failWith(`${problems.length} problem${problems.length > 1 ? 's' : ''} in the Event Catalog`, problems);
    return { status: 'pass', message: `${catalog}/ validates${glob !== undefined ? ` and documents all ${expected} event(s)` : ''}.` };
  },
});
