/**
 * Builds the generators' input from a workspace folder: event YAML files (read
 * with the event model), Go service folders (a folder with `go.mod`), their
 * HTTP routes and the subjects their code names.
 */
import { parse as parseYaml } from 'yaml';
import { loadEventDefinitions, type EventDefinition } from '../events/model';
import { validateText } from '../events/validate';
import { hasControlChars, visible } from './escape';
import type { GenFs } from './fs';
import { basenameOf, dirnameOf, joinPaths, relativePath } from '../paths';
import { readRoutes, stringLiterals } from './goSource';
import type { GenDomain, GenEvent, GenService, GenTeam, GenerationInput, HttpRoute, JsonSchema } from './input';
import { kebab, titleCase, toSemver } from './naming';
import { metadataFields, payloadFields, payloadSchema } from './payloadSchema';

export interface LoadOptions {
  /** Folders (relative to the root) never scanned, e.g. the generated catalog. */
  readonly exclude?: readonly string[];
}

const skipDirs = new Set(['node_modules', '.git', 'vendor', 'dist', 'out', 'testdata', '.edgo']);

interface ScannedFolder {
  eventFiles: string[];
  goModDirs: string[];
  goFiles: string[];
}

async function scan(fs: GenFs, root: string, exclude: readonly string[]): Promise<ScannedFolder> {
  const found: ScannedFolder = { eventFiles: [], goModDirs: [], goFiles: [] };
  const excluded = new Set(exclude.map((e) => joinPaths(root, e)));
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 12) return;
    for (const entry of await fs.list(dir)) {
      const full = joinPaths(dir, entry.name);
      if (entry.isDirectory) {
        if (!skipDirs.has(entry.name) && !entry.name.startsWith('.') && !excluded.has(full)) await walk(full, depth + 1);
        continue;
      }
      if (entry.name === 'go.mod') found.goModDirs.push(dir);
      else if (entry.name.endsWith('.go') && !entry.name.endsWith('_test.go')) found.goFiles.push(full);
      else if (isEventYamlPath(relativePath(root, full))) found.eventFiles.push(full);
    }
  };
  await walk(root, 0);
  return found;
}

/** The globs the language server uses too: `**\/events/**\/*.yaml` and `*.event.yaml`. */
export function isEventYamlPath(rel: string): boolean {
  if (!/\.ya?ml$/.test(rel)) return false;
  return /\.event\.ya?ml$/.test(rel) || rel.split('/').slice(0, -1).includes('events');
}

/** `order` or `order-service` or `Order Service` → `order-service`. */
export function serviceId(nameOrFolder: string): string {
  const id = kebab(nameOrFolder);
  return id.endsWith('service') ? id : `${id}-service`;
}

/** The bounded context a service belongs to: its name without `-service`. */
export function domainIdOf(serviceIdValue: string): string {
  return serviceIdValue.replace(/-?service$/, '') || serviceIdValue;
}

export function defaultOwner(domainId: string): string {
  return `${domainId}-team`;
}

/** Reads the workspace; never throws on bad files (they become warnings). */
export async function loadWorkspace(fs: GenFs, root: string, options: LoadOptions = {}): Promise<GenerationInput> {
  const warnings: string[] = [];
  const scanned = await scan(fs, root, options.exclude ?? []);
  const rel = (p: string): string => relativePath(root, p);

  // Service folders: where a `main` package lives (`order/cmd/order/main.go` → `order`), else each go.mod folder.
  const mainDirs: string[] = [];
  const goSources = new Map<string, string>();
  for (const file of scanned.goFiles) {
    const src = (await fs.readFile(file)) ?? '';
    goSources.set(file, src);
    if (/^\s*package\s+main\b/m.test(src) && /\bfunc\s+main\s*\(/.test(src)) mainDirs.push(dirnameOf(file));
  }
  const serviceDirs = mainDirs.length > 0 ? [...new Set(mainDirs.map((d) => serviceFolderOfMain(d, root)))] : scanned.goModDirs.length > 1 ? scanned.goModDirs.filter((d) => d !== root) : scanned.goModDirs;
  const services = new Map<string, { folder?: string; routes: HttpRoute[]; literals: Set<string> }>();
  for (const dir of serviceDirs) {
    const id = serviceId(basenameOf(dir) || 'app');
    if (!services.has(id)) services.set(id, { folder: dir, routes: [], literals: new Set() });
  }
  const serviceOfPath = (p: string): string | undefined => {
    let best: string | undefined;
    let bestLen = -1;
    for (const [id, s] of services) {
      if (s.folder !== undefined && (p === s.folder || p.startsWith(s.folder + '/')) && s.folder.length > bestLen) {
        best = id;
        bestLen = s.folder.length;
      }
    }
    return best;
  };
  for (const file of scanned.goFiles) {
    const owner = serviceOfPath(file);
    if (owner === undefined) continue;
    const src = goSources.get(file) ?? '';
    const svc = services.get(owner)!;
    svc.routes.push(...readRoutes(src, rel(file)));
    for (const lit of stringLiterals(src)) svc.literals.add(lit);
  }

  // Events.
  const defs: { def: EventDefinition; file: string }[] = [];
  for (const file of scanned.eventFiles) {
    const text = await fs.readFile(file);
    if (text === undefined) continue;
    const found = loadEventDefinitions(text, rel(file));
    if (found.length === 0) warnings.push(`${rel(file)}: no event (a mapping with \`name\` or \`eventType\`) found`);
    for (const def of found) {
      // A name is written into file names, headings and table rows: a line break in it would forge lines.
      if (hasControlChars(def.name)) warnings.push(`${rel(file)}: ${visible(nameProblem(rel(file), text))}; the event is skipped`);
      else defs.push({ def, file });
    }
  }

  const events: GenEvent[] = [];
  const seen = new Set<string>();
  for (const { def, file } of defs) {
    const id = kebab(def.name);
    if (id === '') {
      warnings.push(`${rel(file)}: event name ${JSON.stringify(def.name)} has no letters or digits; skipped`);
      continue;
    }
    if (seen.has(id)) {
      warnings.push(`${rel(file)}: event ${def.name} is defined twice; the first definition is used`);
      continue;
    }
    seen.add(id);
    const readRef = async (ref: string): Promise<JsonSchema | undefined> => {
      const text = await fs.readFile(joinPaths(dirnameOf(file), ref));
      if (text === undefined) return undefined;
      try {
        const parsed: unknown = ref.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as JsonSchema) : undefined;
      } catch {
        return undefined;
      }
    };
    const { schema, warning } = await payloadSchema(def.payload, readRef);
    const version = toSemver(def.version);
    if (!/^\d+\.\d+\.\d+(-[\w.-]+)?(\+[\w.-]+)?$/.test(version)) warnings.push(`${rel(file)}: ${def.name} has version ${JSON.stringify(def.version)}, not semver; 1.0.0 is used`);
    if (warning) warnings.push(`${rel(file)}: ${def.name} ${warning}`);

    // Producers: as declared, else the service whose folder holds the file.
    const declared = def.producers.map(serviceId);
    const located = serviceOfPath(file);
    const producers = declared.length > 0 ? declared : located !== undefined ? [located] : [];
    const subject = subjectOf(def);
    const consumers = new Set(def.consumers.map(serviceId));
    // A service whose code names the subject and that does not produce it consumes it.
    for (const [sid, s] of services) {
      if (!producers.includes(sid) && (s.literals.has(subject) || s.literals.has(def.name))) consumers.add(sid);
    }
    const domain = producers[0] !== undefined ? domainIdOf(producers[0]) : 'events';
    const summary = def.summary?.trim() || `${def.title ?? titleCase(def.name)} (${def.name})${producers.length ? `, published by ${producers.join(', ')}` : ''}.`;
    events.push({
      id,
      name: def.name,
      title: def.title ?? titleCase(def.name),
      version: /^\d+\.\d+\.\d+(-[\w.-]+)?(\+[\w.-]+)?$/.test(version) ? version : '1.0.0',
      summary,
      owners: def.owners.length > 0 ? def.owners.map(kebab) : [defaultOwner(domain)],
      producers,
      consumers: [...consumers].sort(),
      schema,
      fields: payloadFields(def.payload, schema),
      metadata: metadataFields(def.metadata),
      subject,
      examples: def.examples,
      sourceFile: rel(file),
    });
  }
  events.sort((a, b) => a.id.localeCompare(b.id));

  // Services named only by events (e.g. a consumer without a folder yet) still appear.
  for (const e of events) for (const sid of [...e.producers, ...e.consumers]) if (!services.has(sid)) services.set(sid, { routes: [], literals: new Set() });

  const genServices: GenService[] = [...services]
    .map(([id, s]) => {
      const domain = domainIdOf(id);
      const produced = events.filter((e) => e.producers.includes(id));
      const owners = [...new Set(produced.flatMap((e) => e.owners))];
      return {
        id,
        name: titleCase(id),
        ...(s.folder !== undefined ? { folder: rel(s.folder) } : {}),
        domain,
        owners: owners.length > 0 ? owners : [defaultOwner(domain)],
        routes: s.routes,
        sends: events.filter((e) => e.producers.includes(id)).map((e) => e.id),
        receives: events.filter((e) => e.consumers.includes(id)).map((e) => e.id),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));

  const domainMap = new Map<string, GenDomain>();
  for (const s of genServices) {
    const d = domainMap.get(s.domain);
    domainMap.set(s.domain, { id: s.domain, name: titleCase(s.domain), services: [...(d?.services ?? []), s.id], owners: [...new Set([...(d?.owners ?? []), ...s.owners])] });
  }
  const domains = [...domainMap.values()].sort((a, b) => a.id.localeCompare(b.id));
  const teamIds = new Set<string>([...events.flatMap((e) => e.owners), ...genServices.flatMap((s) => s.owners), ...domains.flatMap((d) => d.owners)]);
  const teams: GenTeam[] = [...teamIds].sort().map((id) => ({ id, name: titleCase(id) }));
  return { events, services: genServices, domains, teams, warnings };
}

/** What the event validator says about a name with control characters (its message, so editor and generator agree). */
function nameProblem(relPath: string, text: string): string {
  const said = validateText(relPath, text, { kind: { type: 'event-yaml' } })?.diagnostics.find((d) => /^`(name|eventType)`/.test(d.message));
  return said?.message ?? 'the event name contains a line break or another control character';
}

/** `x/cmd/name` → `x` (or `cmd/name` itself when `x` is the root); any other main folder is the service. */
function serviceFolderOfMain(dir: string, root: string): string {
  const parent = dirnameOf(dir);
  if (basenameOf(parent) !== 'cmd') return dir;
  const owner = dirnameOf(parent);
  return owner === root || owner.length < root.length ? dir : owner;
}

/**
 * The NATS subject: `metadata.subject`/`channel` when given, else the event name.
 * It names a folder (`channels/<subject>/`), so only subject characters survive:
 * no `/`, no `..`, nothing that could leave the catalog folder.
 */
export function subjectOf(def: Pick<EventDefinition, 'name' | 'metadata'>): string {
  for (const key of ['subject', 'channel', 'topic']) {
    const v = def.metadata[key];
    if (typeof v === 'string' && v.trim() !== '' && !/\s/.test(v)) return safeSubject(v);
  }
  return safeSubject(def.name);
}

function safeSubject(subject: string): string {
  const cleaned = subject
    .replace(/[^A-Za-z0-9._*>-]+/g, '-')
    .split('.')
    .filter((t) => t !== '' && t !== '-')
    .join('.');
  return cleaned === '' ? 'events' : cleaned;
}
